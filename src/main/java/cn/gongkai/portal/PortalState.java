package cn.gongkai.portal;

import cn.gongkai.request.CaseStatus;
import cn.gongkai.request.DisclosureCase;

/** Where a request stands, in the applicant's words. */
final class PortalState {

  static final String SUBMITTED = "已提交";
  static final String ACCEPTED = "已受理";
  static final String IN_PROGRESS = "办理中";
  static final String NEEDS_CORRECTION = "需补正";
  static final String CONSULTING = "征求意见中（期限中止）";
  static final String EXTENDED = "已延期";
  static final String REPLIED = "已答复";
  static final String CLOSED = "已办结";

  private PortalState() {}

  static String of(Submission s, DisclosureCase c) {
    if (s.state() == Submission.State.REFUSED) {
      return CLOSED;
    }
    if (c == null) {
      return SUBMITTED;
    }
    if (c.status() == CaseStatus.CLOSED || c.archivedAt() != null) {
      return CLOSED;
    }
    if (c.repliedOn() != null) {
      return REPLIED;
    }
    String pause = c.pausedSince() == null ? null : c.pauseReason();
    if ("CORRECTION".equals(pause)) {
      return NEEDS_CORRECTION;
    }
    if (pause != null && pause.startsWith("CONSULT")) {
      return CONSULTING;
    }
    if (c.extensionWorkingDays() != null && c.extensionWorkingDays() > 0) {
      return EXTENDED;
    }
    if (c.screenedAt() == null) {
      return ACCEPTED;
    }
    return IN_PROGRESS;
  }
}

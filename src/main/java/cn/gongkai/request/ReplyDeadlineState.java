package cn.gongkai.request;

import java.time.LocalDate;

/**
 * Where a case stands against its reply deadline, derived from the facts' dates alone (条例第三十三条第二款),
 * never from whether a timer has fired: 超期 is a case open after the end of its deadline day (Beijing),
 * or replied after that day. The supervision overview and the annual report apply the same rule in SQL.
 */
public enum ReplyDeadlineState {
  /** Not replied and its deadline day has not ended, or its clock stopped within the deadline. */
  RUNNING,
  /** Replied on or before the deadline day, or closed without a reply (withdrawn, deemed withdrawn). */
  MET,
  /** 超期: open after the end of its deadline day, or replied after it. */
  MISSED;

  /**
   * The rule.
   *
   * @param dueOn the reply deadline (pauses, extension and an Art. 35 delayed date included), or null
   *     before the clock starts
   * @param repliedOn the day of reply (by post, the day handed to the post office), or null
   * @param pausedSince the day the clock stopped, or null while it runs: a stop within the deadline keeps
   *     the case in time (the stopped days are not counted), a stop after it does not undo the delay
   * @param closed whether the case is closed
   * @param today today's date in Beijing
   */
  public static ReplyDeadlineState of(LocalDate dueOn, LocalDate repliedOn, LocalDate pausedSince, boolean closed,
      LocalDate today) {
    if (repliedOn != null) {
      return dueOn != null && repliedOn.isAfter(dueOn) ? MISSED : MET;
    }
    if (closed) {
      return MET;
    }
    if (dueOn == null || !today.isAfter(dueOn)) {
      return RUNNING;
    }
    return pausedSince != null && !pausedSince.isAfter(dueOn) ? RUNNING : MISSED;
  }

  /** The state of a registered case today. */
  public static ReplyDeadlineState of(DisclosureCase c, LocalDate today) {
    return of(c.replyDueOn(), c.repliedOn(), c.pausedSince(), c.status() == CaseStatus.CLOSED, today);
  }

  /** The day a missed deadline made the case overdue: the day after the deadline day. */
  public static LocalDate overdueSince(LocalDate dueOn) {
    return dueOn.plusDays(1);
  }
}

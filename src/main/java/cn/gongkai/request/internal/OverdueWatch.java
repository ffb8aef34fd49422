package cn.gongkai.request.internal;

import cn.gongkai.request.CaseEvent;
import cn.gongkai.request.CaseRegister;
import cn.gongkai.request.CaseStatus;
import cn.gongkai.request.CaseView;
import cn.gongkai.request.DisclosureCase;
import cn.gongkai.request.ReplyDeadlineState;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps a case's 超期 flag equal to what its dates say ({@link ReplyDeadlineState}), whenever a fact that
 * changes it is recorded (reply, pause, resume, extension, delayed date, calendar) and when the overdue
 * timer fires. The timer is only the alarm: a timely reply, a pause or an approved extension recorded
 * after it fired clears the flag and ends the open 督办 task, with the reason in the case's record.
 */
@Component
class OverdueWatch {

  /** Ends the open 督办 task (interrupting message boundary event on {@code Task_SuperviseOverdueCase}). */
  static final String OVERDUE_CLEARED = "ReplyOverdueCleared";
  static final String SUPERVISE_TASK = "Task_SuperviseOverdueCase";

  private final CaseRegister register;
  private final JdbcClient jdbc;
  private final RuntimeService runtimeService;
  private final IdentityService identityService;

  OverdueWatch(CaseRegister register, JdbcClient jdbc, RuntimeService runtimeService,
      IdentityService identityService) {
    this.register = register;
    this.jdbc = jdbc;
    this.runtimeService = runtimeService;
    this.identityService = identityService;
  }

  @EventListener
  void onReplyRecorded(CaseRegister.ReplyRecorded event) {
    reassess(event.caseId(), "登记答复", null);
  }

  /**
   * Derives the case's state from its dates and brings the flag in line: set when the deadline was missed,
   * cleared (with the reason recorded and the 督办 task ended) when it was not.
   *
   * @param cause the fact just recorded, for the record (延期答复10个工作日, 登记答复, ...)
   * @param user who recorded it, or null for the authenticated user
   */
  ReplyDeadlineState reassess(long caseId, String cause, String user) {
    DisclosureCase c = register.get(caseId);
    ReplyDeadlineState state = ReplyDeadlineState.of(c, ReplyClock.today());
    boolean missed = state == ReplyDeadlineState.MISSED;
    if (missed == c.overdue()) {
      return state;
    }
    String actor = user != null ? user : currentUser();
    if (missed) {
      flag(c, true);
      register.recordEvent(caseId, new CaseEvent("Task_MarkOverdue", "标记逾期", actor, ReplyClock.now(),
          "OVERDUE", c.repliedOn() != null
              ? "答复日期" + c.repliedOn() + "晚于答复期限" + c.replyDueOn() + "，逾期答复"
              : "答复期限" + c.replyDueOn() + "已届满，尚未答复"));
      return state;
    }
    flag(c, false);
    register.recordEvent(caseId, new CaseEvent(SUPERVISE_TASK, "督办逾期案件", actor, ReplyClock.now(),
        "OVERDUE_CLEARED", clearedBecause(c, cause)));
    if (running(c)) {
      // the 督办 task ends through its message boundary event; the watch then waits for the (new) deadline
      runtimeService.createMessageCorrelation(OVERDUE_CLEARED).processInstanceId(c.processInstanceId())
          .correlateAll();
    }
    return state;
  }

  /** The overdue timer fired: derive, flag, and tell the process whether to call the supervisor. */
  ReplyDeadlineState onTimer(long caseId) {
    DisclosureCase c = register.get(caseId);
    ReplyDeadlineState state = ReplyDeadlineState.of(c, ReplyClock.today());
    boolean missed = state == ReplyDeadlineState.MISSED;
    if (missed != c.overdue()) {
      flag(c, missed);
    }
    register.recordEvent(caseId, new CaseEvent("Task_MarkOverdue", "核对是否逾期", null, ReplyClock.now(),
        missed ? "OVERDUE" : "NOT_OVERDUE", missed ? "答复期限 " + c.replyDueOn() + " 已届满，转督办"
            : c.pausedSince() != null
                ? "计时自" + c.pausedSince() + "起中止（" + CaseView.pauseLabel(c.pauseReason()) + "），未逾期，不转督办"
                : "答复期限 " + c.replyDueOn() + " 尚未届满，未逾期，不转督办"));
    return state;
  }

  private void flag(DisclosureCase c, boolean overdue) {
    jdbc.sql("UPDATE gk_disclosure_case SET overdue = ?, overdue_since = ? WHERE id = ?")
        .params(overdue, overdue ? ReplyDeadlineState.overdueSince(c.replyDueOn()) : null, c.id())
        .update();
    if (running(c)) {
      runtimeService.setVariable(c.processInstanceId(), "overdue", overdue);
    }
  }

  private boolean running(DisclosureCase c) {
    return c.processInstanceId() != null && c.status() == CaseStatus.OPEN
        && runtimeService.createProcessInstanceQuery().processInstanceId(c.processInstanceId()).count() > 0;
  }

  private static String clearedBecause(DisclosureCase c, String cause) {
    if (c.repliedOn() != null) {
      return "已按期答复（答复日期" + c.repliedOn() + "，答复期限" + c.replyDueOn() + "），不再逾期，督办结束";
    }
    if (c.status() == CaseStatus.CLOSED) {
      return "案件已办结，未逾期，督办结束";
    }
    if (c.pausedSince() != null) {
      return "计时已于" + c.pausedSince() + "中止（" + CaseView.pauseLabel(c.pauseReason()) + "），中止期间不计入答复期限，"
          + "不再逾期，督办结束";
    }
    return (cause == null ? "" : cause + "，") + "答复期限为" + c.replyDueOn() + "，尚未届满，不再逾期，督办结束";
  }

  private String currentUser() {
    Authentication auth = identityService.getCurrentAuthentication();
    return auth == null ? null : auth.getUserId();
  }
}

package cn.gongkai.interpretation.internal;

import cn.gongkai.interpretation.InterpretationClock;
import cn.gongkai.interpretation.PolicyCase;
import cn.gongkai.interpretation.PolicyEvent;
import cn.gongkai.interpretation.PolicyRegister;
import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 三同步's 逾期 from the dates alone, never from the deadline timer having fired: an interpretation is late
 * when it is still unpublished after the end of its deadline day (Beijing) or was published after that day.
 */
@Component
class InterpretationOverdue {

  private final PolicyRegister register;
  private final JdbcClient jdbc;

  InterpretationOverdue(PolicyRegister register, JdbcClient jdbc) {
    this.register = register;
    this.jdbc = jdbc;
  }

  /** The rule, for one case today. */
  static boolean overdue(LocalDate dueOn, LocalDate publishedOn, LocalDate today) {
    if (dueOn == null) {
      return false;
    }
    return publishedOn != null ? publishedOn.isAfter(dueOn) : today.isAfter(dueOn);
  }

  /**
   * Brings the case's flag in line with its dates; a flag the timer set that the dates do not bear out (an
   * interpretation published on its last day and recorded later) is cleared, with the reason in the record.
   */
  boolean reassess(long caseId) {
    PolicyCase c = register.get(caseId);
    boolean overdue = overdue(c.interpretationDueOn(), c.interpretationPublishedOn(), InterpretationClock.today());
    if (overdue == c.overdue()) {
      return overdue;
    }
    jdbc.sql("UPDATE gk_policy_case SET overdue = ?, overdue_since = ? WHERE id = ?")
        .params(overdue, overdue ? c.interpretationDueOn().plusDays(1) : null, caseId)
        .update();
    if (!overdue) {
      register.recordEvent(caseId, new PolicyEvent("Task_SuperviseLateInterpretation", "督办解读发布", null,
          InterpretationClock.now(), "OVERDUE_CLEARED", c.interpretationPublishedOn() != null
              ? "解读已按期发布（发布日期" + c.interpretationPublishedOn() + "，期限" + c.interpretationDueOn()
                  + "），不再逾期，督办结束"
              : "解读发布期限为" + c.interpretationDueOn() + "，尚未届满，不再逾期"));
    }
    return overdue;
  }
}

package cn.gongkai.interpretation.internal;

import cn.gongkai.interpretation.InterpretationClock;
import cn.gongkai.interpretation.PolicyCase;
import cn.gongkai.interpretation.PolicyEvent;
import cn.gongkai.interpretation.PolicyRegister;
import cn.gongkai.interpretation.PolicyVariables;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The interpretation's deadline timer fired (三同步): the dates decide whether the case is overdue (still
 * unpublished after the end of the deadline day); the timer is only the alarm.
 */
@Component("markInterpretationOverdueDelegate")
class MarkInterpretationOverdueDelegate implements JavaDelegate {

  private final PolicyRegister register;
  private final InterpretationOverdue overdue;

  MarkInterpretationOverdueDelegate(PolicyRegister register, InterpretationOverdue overdue) {
    this.register = register;
    this.overdue = overdue;
  }

  @Override
  public void execute(DelegateExecution execution) {
    PolicyCase c = TaskFields.caseOf(register, execution);
    boolean late = overdue.reassess(c.id());
    execution.setVariable(PolicyVariables.OVERDUE, late);
    // overdue from the day after the deadline day, whenever the timer happens to run (a fact of dates)
    LocalDate since = late ? c.interpretationDueOn().plusDays(1) : null;
    register.recordEvent(c.id(), new PolicyEvent("Task_MarkInterpretationOverdue", "标记逾期", null,
        InterpretationClock.now(), since, late ? "OVERDUE" : "NOT_OVERDUE",
        "解读发布期限 " + c.interpretationDueOn() + (late ? " 已届满，转督办" : " 尚未届满，未逾期")));
  }
}

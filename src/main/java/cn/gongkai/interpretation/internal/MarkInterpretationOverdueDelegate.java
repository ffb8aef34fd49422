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

/** The interpretation's deadline passed unpublished (三同步): the case is marked overdue in register and process. */
@Component("markInterpretationOverdueDelegate")
class MarkInterpretationOverdueDelegate implements JavaDelegate {

  private final PolicyRegister register;

  MarkInterpretationOverdueDelegate(PolicyRegister register) {
    this.register = register;
  }

  @Override
  public void execute(DelegateExecution execution) {
    PolicyCase c = TaskFields.caseOf(register, execution);
    // overdue from the day after the deadline day, whenever the timer happens to run (a fact of dates)
    LocalDate since = c.interpretationDueOn().plusDays(1);
    register.markOverdue(c.id(), since);
    execution.setVariable(PolicyVariables.OVERDUE, true);
    register.recordEvent(c.id(), new PolicyEvent("Task_MarkInterpretationOverdue", "标记逾期", null,
        InterpretationClock.now(), since, "OVERDUE", "解读发布期限 " + c.interpretationDueOn() + " 已届满，转督办"));
  }
}

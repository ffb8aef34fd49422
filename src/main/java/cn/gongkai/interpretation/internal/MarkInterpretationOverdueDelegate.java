package cn.gongkai.interpretation.internal;

import cn.gongkai.interpretation.InterpretationClock;
import cn.gongkai.interpretation.PolicyEvent;
import cn.gongkai.interpretation.PolicyRegister;
import cn.gongkai.interpretation.PolicyVariables;
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
    long caseId = TaskFields.caseId(execution);
    register.markOverdue(caseId, InterpretationClock.today());
    execution.setVariable(PolicyVariables.OVERDUE, true);
    register.recordEvent(caseId, new PolicyEvent("Task_MarkInterpretationOverdue", "标记逾期", null,
        InterpretationClock.now(), "OVERDUE",
        "解读发布期限 " + execution.getVariable(PolicyVariables.INTERPRETATION_DUE_ON) + " 已届满，转督办"));
  }
}

package cn.gongkai.interpretation.internal;

import cn.gongkai.interpretation.InterpretationClock;
import cn.gongkai.interpretation.PolicyEvent;
import cn.gongkai.interpretation.PolicyRegister;
import cn.gongkai.interpretation.PolicyVariables;
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
    long caseId = TaskFields.caseId(execution);
    boolean late = overdue.reassess(caseId);
    execution.setVariable(PolicyVariables.OVERDUE, late);
    register.recordEvent(caseId, new PolicyEvent("Task_MarkInterpretationOverdue", "标记逾期", null,
        InterpretationClock.now(), late ? "OVERDUE" : "NOT_OVERDUE",
        "解读发布期限 " + execution.getVariable(PolicyVariables.INTERPRETATION_DUE_ON)
            + (late ? " 已届满，转督办" : " 尚未届满，未逾期")));
  }
}

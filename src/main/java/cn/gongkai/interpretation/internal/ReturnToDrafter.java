package cn.gongkai.interpretation.internal;

import static cn.gongkai.interpretation.PolicyVariables.RETURNED_FROM;
import static cn.gongkai.interpretation.PolicyVariables.RETURN_REASON;

import cn.gongkai.interpretation.InterpretationClock;
import cn.gongkai.interpretation.PolicyRegister;
import org.springframework.stereotype.Component;

/** 退文 or a return from a review: the pair goes back to the drafting department with the reason. */
@Component
class ReturnToDrafter {

  private final PolicyRegister register;

  ReturnToDrafter(PolicyRegister register) {
    this.register = register;
  }

  void returnFrom(PolicyStep.Completion step, String reason) {
    step.task().setVariable(RETURNED_FROM, step.stepName());
    step.task().setVariable(RETURN_REASON, reason);
    register.recordReturn(step.caseId(), step.stepName(), reason, InterpretationClock.now());
  }
}

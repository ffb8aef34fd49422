package cn.gongkai.interpretation.internal;

import cn.gongkai.interpretation.PolicyCase;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * What completing one user task of {@code policy-interpretation} means for the register: the decision
 * checked, recorded and acted on. One class per task, named after it; {@link PolicySteps} dispatches. A
 * refusal throws a BadUserRequestException with a Chinese sentence and completes nothing.
 */
interface PolicyStep {

  /** The BPMN id of the user task this step handles. */
  String taskKey();

  Outcome complete(Completion completion);

  /**
   * A completed task: its execution (the form's fields), the case as the register holds it (found by
   * process instance), the task's name and who completed it.
   */
  record Completion(DelegateExecution task, PolicyCase policyCase, String stepName, String actor) {

    long caseId() {
      return policyCase.id();
    }
  }

  /** What a step decided, for the case history; {@code factOn} is the day of the fact it records, if any. */
  record Outcome(String decision, String comment, LocalDate factOn) {

    Outcome(String decision, String comment) {
      this(decision, comment, null);
    }
  }
}

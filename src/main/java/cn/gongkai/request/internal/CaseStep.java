package cn.gongkai.request.internal;

import cn.gongkai.request.DisclosureCase;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * One user task of {@code disclosure-request} and what it means for the register, in one class named
 * after the task ({@code ScreenRequestStep} for {@code Task_ScreenRequest}); {@link CaseSteps} finds it
 * by task id and {@link DisclosureTaskListener} dispatches to it.
 */
interface CaseStep {

  /** The BPMN id of the user task this step serves. */
  String taskKey();

  /** When the task is due; by default the reply deadline (null: no due date). */
  default LocalDate dueOn(DisclosureCase c) {
    return c.replyDueOn();
  }

  /** Whether the case's current step becomes this task when it is created. */
  default boolean isCaseStep() {
    return true;
  }

  /** Someone was assigned the task; a step may refuse the assignment (separation of duties). */
  default void assigned(DelegateTask task, DisclosureCase c) {}

  /**
   * The task was completed: checks the submission (a refusal is a Chinese BadUserRequestException and
   * stores nothing), records and acts on it, and says what the case's history keeps.
   */
  StepRecord completed(StepContext step);

  /** What the case's history keeps of a completed step: the decision, a comment, the day of the fact. */
  record StepRecord(String decision, String comment, LocalDate factOn) {

    static StepRecord of(String decision, String comment) {
      return new StepRecord(decision, comment, null);
    }
  }
}

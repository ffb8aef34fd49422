package cn.gongkai.interpretation.internal;

import cn.gongkai.interpretation.InterpretationClock;
import cn.gongkai.interpretation.PolicyCase;
import cn.gongkai.interpretation.PolicyEvent;
import cn.gongkai.interpretation.PolicyRegister;
import cn.gongkai.workflow.FormFields;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.pvm.delegate.ActivityExecution;
import org.camunda.bpm.engine.task.IdentityLink;
import org.springframework.stereotype.Component;

/**
 * What each step of a 三同步 case means for the register: the current step and who may work it on create and
 * assignment; on complete the step's rules ({@link PolicySteps}, one class per task) check, record and act on
 * the decision, and the drafter's submission as the register holds it is written back into the variables. The
 * case is the one registered for the process instance; no variable can point a step at another case.
 */
@Component
class PolicyTaskListener implements TaskListener, ExecutionListener {

  private final PolicyRegister register;
  private final InterpretationClock clock;
  private final PolicySteps steps;

  PolicyTaskListener(PolicyRegister register, InterpretationClock clock, PolicySteps steps) {
    this.register = register;
    this.clock = clock;
    this.steps = steps;
  }

  /** Task events: created (current step, candidate group, due date) or assigned (current assignee). */
  @Override
  public void notify(DelegateTask task) {
    Optional<PolicyCase> found = register.findByProcessInstance(task.getProcessInstanceId());
    if (found.isEmpty()) {
      return;
    }
    PolicyCase c = found.get();
    String key = task.getTaskDefinitionKey();
    switch (task.getEventName()) {
      case EVENTNAME_CREATE -> {
        if (!SuperviseLateInterpretationStep.TASK.equals(key)) {
          register.enterStep(c.id(), key, task.getName(), candidateGroup(task));
        }
        if (InterpretationClock.PUBLISH_TASK.equals(key) && c.interpretationDueOn() != null) {
          task.setDueDate(clock.taskDue(c.interpretationDueOn()));
        }
      }
      case EVENTNAME_ASSIGNMENT -> register.assign(c.id(), key, task.getAssignee());
      default -> { }
    }
  }

  /**
   * The user task ended: its decision is checked, recorded and acted on. An execution listener, not a task
   * listener, so that a refusal reaches the caller as a plain BadUserRequestException; a task cut short
   * (the case archived while a 督办 task was open) records nothing.
   */
  @Override
  public void notify(DelegateExecution execution) {
    if (((ActivityExecution) execution).isCanceled()) {
      return;
    }
    Optional<PolicyCase> found = register.findByProcessInstance(execution.getProcessInstanceId());
    if (found.isEmpty()) {
      return;
    }
    String key = execution.getCurrentActivityId();
    String stepName = execution.getCurrentActivityName();
    String actor = FormFields.actor(execution);
    PolicyStep.Completion completion = new PolicyStep.Completion(execution, found.get(), stepName, actor);
    PolicyStep.Outcome outcome = steps.forTask(key).map(step -> step.complete(completion))
        .orElseGet(() -> new PolicyStep.Outcome(null, null));
    long caseId = found.get().id();
    register.recordEvent(caseId, new PolicyEvent(key, stepName, actor, InterpretationClock.now(), outcome.factOn(),
        outcome.decision(), outcome.comment()));
    RegisteredSubmission.restore(execution, register.get(caseId));
  }

  private static String candidateGroup(DelegateTask task) {
    return task.getCandidates().stream().map(IdentityLink::getGroupId).filter(g -> g != null).findFirst()
        .orElse(null);
  }
}

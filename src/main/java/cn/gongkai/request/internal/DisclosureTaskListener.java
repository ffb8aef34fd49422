package cn.gongkai.request.internal;

import cn.gongkai.request.CaseEvent;
import cn.gongkai.request.CaseRegister;
import cn.gongkai.request.DisclosureCase;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.pvm.delegate.ActivityExecution;
import org.springframework.stereotype.Component;

/**
 * Dispatches the user tasks of a disclosure request to their steps ({@link CaseSteps}): the current
 * step and due date on create, the step's assignment rule, and on complete the step's checks, records
 * and actions, then the case's history. The case is the one registered for the process instance,
 * whatever the variables say.
 */
@Component
class DisclosureTaskListener implements TaskListener, ExecutionListener {

  private final CaseRegister register;
  private final CaseOfExecution cases;
  private final CaseSteps steps;
  private final ReplyClock clock;
  private final ConfirmOnlineRequestStep confirmOnline;

  DisclosureTaskListener(CaseRegister register, CaseOfExecution cases, CaseSteps steps, ReplyClock clock,
      ConfirmOnlineRequestStep confirmOnline) {
    this.register = register;
    this.cases = cases;
    this.steps = steps;
    this.clock = clock;
    this.confirmOnline = confirmOnline;
  }

  /** Task events: a task was created (current step, due date) or assigned (the step's rule). */
  @Override
  public void notify(DelegateTask task) {
    DisclosureCase c = cases.find(task).orElse(null);
    CaseStep step = steps.of(task.getTaskDefinitionKey()).orElse(null);
    if (c == null || step == null) {
      return;
    }
    switch (task.getEventName()) {
      case EVENTNAME_CREATE -> {
        if (step.isCaseStep()) {
          register.enterStep(c.id(), task.getTaskDefinitionKey(), task.getName());
        }
        LocalDate due = step.dueOn(c);
        if (due != null) {
          task.setDueDate(clock.taskDue(due));
        }
      }
      case EVENTNAME_ASSIGNMENT -> step.assigned(task, c);
      default -> { }
    }
  }

  /**
   * The user task ended: its step checks, records and acts on the submission. This runs as an execution
   * listener, not a task listener, so that a refusal reaches the caller as a plain 400
   * (BadUserRequestException) instead of being wrapped; a task cut short by a timer records nothing.
   */
  @Override
  public void notify(DelegateExecution execution) {
    if (((ActivityExecution) execution).isCanceled()) {
      return;
    }
    if (ConfirmOnlineRequestStep.TASK.equals(execution.getCurrentActivityId())) {
      // before registration: no case yet, the step works on the online submission
      confirmOnline.completed(execution);
      return;
    }
    DisclosureCase c = cases.find(execution).orElse(null);
    CaseStep step = steps.of(execution.getCurrentActivityId()).orElse(null);
    if (c == null || step == null) {
      return;
    }
    StepContext context = new StepContext(execution, register, c);
    CaseStep.StepRecord done = step.completed(context);
    register.recordEvent(c.id(), new CaseEvent(execution.getCurrentActivityId(), execution.getCurrentActivityName(),
        context.actor(), ReplyClock.now(), done.decision(), done.comment(), done.factOn()));
  }
}

package cn.gongkai.citizen.internal;

import cn.gongkai.citizen.CitizenMessage;
import cn.gongkai.citizen.CitizenMessageClock;
import cn.gongkai.citizen.CitizenMessageRegister;
import cn.gongkai.workflow.FormFields;
import java.time.LocalDate;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.pvm.delegate.ActivityExecution;
import org.camunda.bpm.engine.task.IdentityLink;
import org.springframework.stereotype.Component;

/**
 * What each step of a message means for the register: on create the current step, who may work it and its due
 * date (the acceptance or answer deadline's last minute); on complete the step's rules ({@link MessageSteps}). The
 * message is the one registered for the process instance; no variable can point a step at another message.
 */
@Component
class MessageTaskListener implements TaskListener, ExecutionListener {

  private final CitizenMessageRegister register;
  private final CitizenMessageClock clock;
  private final MessageSteps steps;

  MessageTaskListener(CitizenMessageRegister register, CitizenMessageClock clock, MessageSteps steps) {
    this.register = register;
    this.clock = clock;
    this.steps = steps;
  }

  @Override
  public void notify(DelegateTask task) {
    Optional<CitizenMessage> found = register.findByProcessInstance(task.getProcessInstanceId());
    if (found.isEmpty()) {
      return;
    }
    CitizenMessage m = found.get();
    String key = task.getTaskDefinitionKey();
    if (!MessageSteps.SUPERVISE.equals(key)) {
      register.enterStep(m.id(), key, task.getName(), task.getCandidates().stream().map(IdentityLink::getGroupId)
          .filter(g -> g != null).findFirst().orElse(null));
    }
    LocalDate due = switch (key) {
      case MessageSteps.ACCEPT -> m.acceptDueOn();
      case MessageSteps.ANSWER -> m.answerDueOn();
      default -> null;
    };
    if (due != null) {
      task.setDueDate(clock.taskDue(due));
    }
  }

  /**
   * The user task ended: its decision is checked, recorded and acted on. An execution listener, so that a refusal
   * reaches the caller as a plain BadUserRequestException; a task cut short (the message closed while a 督办 task
   * was open) records nothing.
   */
  @Override
  public void notify(DelegateExecution execution) {
    if (((ActivityExecution) execution).isCanceled()) {
      return;
    }
    Optional<CitizenMessage> found = register.findByProcessInstance(execution.getProcessInstanceId());
    if (found.isEmpty()) {
      return;
    }
    String key = execution.getCurrentActivityId();
    String stepName = execution.getCurrentActivityName();
    String actor = FormFields.actor(execution);
    MessageSteps.Outcome outcome = steps.complete(key, execution, found.get());
    register.recordEvent(found.get().id(), key, stepName, actor, CitizenMessageClock.now(), outcome.factOn(),
        outcome.decision(), outcome.comment());
  }
}

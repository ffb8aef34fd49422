package cn.gongkai.proposal.internal;

import cn.gongkai.proposal.ProposalCase;
import cn.gongkai.proposal.ProposalClock;
import cn.gongkai.proposal.ProposalEvent;
import cn.gongkai.proposal.ProposalRegister;
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
 * What each step of a 建议提案 case means for the register: the current step and who may work it when a task
 * is created (the reply task also shows the answer deadline); when a task ends, {@link ProposalSteps} checks,
 * records and acts on its decision. The case is the one registered for the process instance.
 */
@Component
class ProposalTaskListener implements TaskListener, ExecutionListener {

  private final ProposalRegister register;
  private final ProposalClock clock;
  private final ProposalSteps steps;

  ProposalTaskListener(ProposalRegister register, ProposalClock clock, ProposalSteps steps) {
    this.register = register;
    this.clock = clock;
    this.steps = steps;
  }

  @Override
  public void notify(DelegateTask task) {
    Optional<ProposalCase> found = register.findByProcessInstance(task.getProcessInstanceId());
    if (found.isEmpty() || !EVENTNAME_CREATE.equals(task.getEventName())) {
      return;
    }
    ProposalCase c = found.get();
    String key = task.getTaskDefinitionKey();
    // the 督办 task runs beside the case's own step, which stays where it is
    if (!ProposalSteps.SUPERVISE_TASK.equals(key) && ProposalCase.OPEN.equals(c.status())) {
      register.enterStep(c.id(), key, task.getName(), task.getCandidates().stream()
          .map(IdentityLink::getGroupId).filter(g -> g != null).findFirst().orElse(null));
    }
    if (ProposalSteps.DRAFT_TASK.equals(key) && c.answerDueOn() != null) {
      task.setDueDate(clock.taskDue(c.answerDueOn()));
    }
  }

  /** The user task ended: its decision is checked (a refusal is a plain BadUserRequestException), recorded. */
  @Override
  public void notify(DelegateExecution execution) {
    if (((ActivityExecution) execution).isCanceled()) {
      return;
    }
    Optional<ProposalCase> found = register.findByProcessInstance(execution.getProcessInstanceId());
    if (found.isEmpty()) {
      return;
    }
    String stepName = execution.getCurrentActivityName();
    String actor = FormFields.actor(execution);
    ProposalSteps.Outcome outcome = steps.complete(execution, found.get(), actor);
    register.recordEvent(found.get().id(), new ProposalEvent(execution.getCurrentActivityId(), stepName, actor,
        ProposalClock.now(), outcome.factOn(), outcome.decision(), outcome.comment()));
  }
}

package cn.gongkai.proposal.internal;

import cn.gongkai.proposal.ProposalCase;
import cn.gongkai.proposal.ProposalClock;
import cn.gongkai.proposal.ProposalEvent;
import cn.gongkai.proposal.ProposalRegister;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * 到期提醒: the answer limit is near; the reminder is recorded in the case and the open reply or review task is
 * raised to high priority, so that it tops the handling unit's Tasklist.
 */
@Component("remindHandlingUnitDelegate")
class RemindHandlingUnitDelegate implements JavaDelegate {

  static final int REMINDED_PRIORITY = 80;

  private final ProposalRegister register;

  RemindHandlingUnitDelegate(ProposalRegister register) {
    this.register = register;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ProposalCase c = register.findByProcessInstance(execution.getProcessInstanceId()).orElseThrow();
    register.recordReminder(c.id(), ProposalClock.today());
    var tasks = execution.getProcessEngineServices().getTaskService();
    for (Task task : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKeyIn(ProposalSteps.DRAFT_TASK, ProposalSteps.REVIEW_TASK).list()) {
      task.setPriority(REMINDED_PRIORITY);
      tasks.saveTask(task);
    }
    register.recordEvent(c.id(), new ProposalEvent("Task_RemindHandlingUnit", "到期提醒", null, ProposalClock.now(),
        ProposalClock.today(), "REMINDED", "办理期限 " + c.answerDueOn() + " 即将届满，请" + c.leadUnit() + "抓紧办复"));
  }
}

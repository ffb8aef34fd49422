package cn.gongkai.proposal.internal;

import cn.gongkai.proposal.ProposalCase;
import cn.gongkai.proposal.ProposalClock;
import cn.gongkai.proposal.ProposalEvent;
import cn.gongkai.proposal.ProposalRegister;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 标记逾期: the limit's last day ended with no approved reply. Overdue from the day after it (a fact of dates;
 * the timer is only the alarm), and a 督办 task follows.
 */
@Component("markAnswerOverdueDelegate")
class MarkAnswerOverdueDelegate implements JavaDelegate {

  private final ProposalRegister register;

  MarkAnswerOverdueDelegate(ProposalRegister register) {
    this.register = register;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ProposalCase c = register.findByProcessInstance(execution.getProcessInstanceId()).orElseThrow();
    register.markOverdue(c.id());
    register.recordEvent(c.id(), new ProposalEvent("Task_MarkAnswerOverdue", "标记逾期", null, ProposalClock.now(),
        c.answerDueOn().plusDays(1), "OVERDUE", "办理期限 " + c.answerDueOn() + " 已届满仍未办复，转督办"));
  }
}

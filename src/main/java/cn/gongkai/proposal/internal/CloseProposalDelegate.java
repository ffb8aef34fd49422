package cn.gongkai.proposal.internal;

import cn.gongkai.proposal.ProposalCase;
import cn.gongkai.proposal.ProposalClock;
import cn.gongkai.proposal.ProposalEvent;
import cn.gongkai.proposal.ProposalRegister;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 办结归档: the case leaves the open register; its reply, review and publication stay for the year's report. */
@Component("closeProposalDelegate")
class CloseProposalDelegate implements JavaDelegate {

  private final ProposalRegister register;

  CloseProposalDelegate(ProposalRegister register) {
    this.register = register;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ProposalCase c = register.findByProcessInstance(execution.getProcessInstanceId()).orElseThrow();
    register.close(c.id(), ProposalClock.now());
    register.recordEvent(c.id(), new ProposalEvent("Task_CloseProposal", "办结归档", null, ProposalClock.now(),
        null, c.answeredLate() ? "逾期办复" : "按期办复", null));
  }
}

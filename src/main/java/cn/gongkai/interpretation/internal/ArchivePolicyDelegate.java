package cn.gongkai.interpretation.internal;

import cn.gongkai.interpretation.InterpretationClock;
import cn.gongkai.interpretation.PolicyCase;
import cn.gongkai.interpretation.PolicyEvent;
import cn.gongkai.interpretation.PolicyRegister;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 归档: the case is closed; its whole history stays in the register. */
@Component("archivePolicyDelegate")
class ArchivePolicyDelegate implements JavaDelegate {

  private final PolicyRegister register;
  private final InterpretationOverdue overdue;

  ArchivePolicyDelegate(PolicyRegister register, InterpretationOverdue overdue) {
    this.register = register;
    this.overdue = overdue;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long caseId = TaskFields.caseOf(register, execution).id();
    // late or not is what the publication dates say, whatever the deadline timer did (an open 督办 ends here)
    boolean late = overdue.reassess(caseId);
    PolicyCase c = register.get(caseId);
    String result = c.interpretationPublishedOn() == null ? "政策文件不主动公开，未发布"
        : late ? "已发布，解读逾期" : "已同步发布";
    register.close(caseId, InterpretationClock.now());
    register.recordEvent(caseId, new PolicyEvent("Task_ArchivePolicy", "归档", null, InterpretationClock.now(),
        result, null));
  }
}

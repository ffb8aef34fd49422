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

  ArchivePolicyDelegate(PolicyRegister register) {
    this.register = register;
  }

  @Override
  public void execute(DelegateExecution execution) {
    PolicyCase c = TaskFields.caseOf(register, execution);
    long caseId = c.id();
    String result = c.interpretationPublishedOn() == null ? "政策文件不主动公开，未发布"
        : c.overdue() ? "已发布，解读逾期" : "已同步发布";
    register.close(caseId, InterpretationClock.now());
    register.recordEvent(caseId, new PolicyEvent("Task_ArchivePolicy", "归档", null, InterpretationClock.now(),
        result, null));
  }
}

package cn.gongkai.request.internal;

import cn.gongkai.request.CaseEvent;
import cn.gongkai.request.CaseRegister;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 归档: the case is closed with its outcome and sub-code (条例第四十五条). */
@Component("archiveCaseDelegate")
class ArchiveCaseDelegate implements JavaDelegate {

  private final CaseRegister register;
  private final CaseLetters letters;

  ArchiveCaseDelegate(CaseRegister register, CaseLetters letters) {
    this.register = register;
    this.letters = letters;
  }

  @Override
  public void execute(DelegateExecution execution) {
    // the case registered for this process instance, never a variable a user could set
    long caseId = register.findByProcessInstance(execution.getProcessInstanceId()).orElseThrow().id();
    register.close(caseId, ReplyClock.now());
    register.recordEvent(caseId, new CaseEvent("Task_ArchiveCase", "归档", null, ReplyClock.now(),
        (String) execution.getVariable("outcome"), null));
    var auth = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    letters.archive(caseId, auth == null ? null : auth.getUserId());
  }
}

package cn.gongkai.request.internal;

import cn.gongkai.request.CaseEvent;
import cn.gongkai.request.CaseRegister;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 归档: the case is closed with its outcome and sub-code (条例第四十五条); the package keeps the released material
 * (originals, redacted copies, who marked and approved what) with the letters.
 */
@Component("archiveCaseDelegate")
class ArchiveCaseDelegate implements JavaDelegate {

  private final CaseRegister register;
  private final CaseLetters letters;
  private final CaseRelease release;

  ArchiveCaseDelegate(CaseRegister register, CaseLetters letters, CaseRelease release) {
    this.register = register;
    this.letters = letters;
    this.release = release;
  }

  @Override
  public void execute(DelegateExecution execution) {
    // the case registered for this process instance, never a variable a user could set
    long caseId = register.findByProcessInstance(execution.getProcessInstanceId()).orElseThrow().id();
    register.close(caseId, ReplyClock.now());
    register.recordEvent(caseId, new CaseEvent("Task_ArchiveCase", "归档", null, ReplyClock.now(),
        (String) execution.getVariable("outcome"), null));
    var auth = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    letters.archive(caseId, auth == null ? null : auth.getUserId(), release.archiveEntries(register.get(caseId)));
  }
}

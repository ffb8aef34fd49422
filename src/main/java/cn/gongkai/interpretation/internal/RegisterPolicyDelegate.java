package cn.gongkai.interpretation.internal;

import cn.gongkai.agency.Agencies;
import cn.gongkai.interpretation.InterpretationClock;
import cn.gongkai.interpretation.PolicyEvent;
import cn.gongkai.interpretation.PolicyRegister;
import cn.gongkai.interpretation.PolicyRegister.RegisteredPolicy;
import cn.gongkai.interpretation.PolicySubmission;
import cn.gongkai.interpretation.PolicyVariables;
import java.time.OffsetDateTime;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 登记报送: numbers the submitted pair, stores it in the register and makes the case number the business
 * key. What cannot be registered (no title, department or first interpreter) refuses the start form.
 */
@Component("registerPolicyDelegate")
class RegisterPolicyDelegate implements JavaDelegate {

  private final Agencies agencies;
  private final PolicyRegister register;

  RegisterPolicyDelegate(Agencies agencies, PolicyRegister register) {
    this.agencies = agencies;
    this.register = register;
  }

  @Override
  public void execute(DelegateExecution execution) {
    PolicySubmission submission = TaskFields.submission(execution);
    String user = cn.gongkai.workflow.FormFields.actor(execution);
    OffsetDateTime now = InterpretationClock.now();
    RegisteredPolicy registered = register.register(
        agencies.byCode(execution.getTenantId()).orElseGet(agencies::defaultAgency), submission, now, user);
    register.linkProcessInstance(registered.id(), execution.getProcessInstanceId());
    // the drafter submits in the system: the submission's day is the day it is registered
    register.recordEvent(registered.id(), new PolicyEvent("Task_RegisterPolicy", "登记报送", user, now,
        InterpretationClock.today(), registered.caseNumber(), submission.title()));
    execution.setProcessBusinessKey(registered.caseNumber());
    execution.setVariable(PolicyVariables.CASE_ID, registered.id());
    execution.setVariable(PolicyVariables.CASE_NUMBER, registered.caseNumber());
    execution.setVariable(PolicyVariables.SUBMITTED_ON, now.toLocalDate().toString());
  }
}

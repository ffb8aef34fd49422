package cn.gongkai.request.internal;

import cn.gongkai.request.CaseEvent;
import cn.gongkai.request.CaseRegister;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The consulted party let 15 working days pass: a third party's silence leaves the decision to the
 * agency (条例第三十二条), a co-producing agency's silence counts as consent (第三十四条). The clock resumes.
 */
@Component("recordConsultationSilenceDelegate")
class RecordConsultationSilenceDelegate implements JavaDelegate {

  private final CaseRegister register;
  private final ReplyClock clock;

  RecordConsultationSilenceDelegate(CaseRegister register, ReplyClock clock) {
    this.register = register;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    // the case registered for this process instance, never a variable a user could set
    long caseId = register.findByProcessInstance(execution.getProcessInstanceId()).orElseThrow().id();
    boolean agency = "CONSULT_AGENCY".equals(execution.getVariable("nextAction"));
    String note;
    if (agency) {
      execution.setVariable("agencyAnswer", "NO_ANSWER");
      note = "被征求意见机关逾期未提出意见，视为同意公开（条例第三十四条）";
    } else {
      execution.setVariable("thirdPartyAnswer", "NO_ANSWER");
      note = "第三方逾期未提出意见，由本机关依法决定（条例第三十二条）";
    }
    ReplyClock.ClockState state = clock.resume(caseId, ReplyClock.today(), null);
    if (state != null) {
      execution.setVariable("replyDueOn", state.due().toString());
      execution.setVariable("replyDueProvisional", state.provisional());
      execution.setVariable("replyOverdueAt", state.overdueAt());
      execution.setVariable("replyReminderAt", state.reminderAt());
    }
    register.recordEvent(caseId, new CaseEvent(execution.getCurrentActivityId(), execution.getCurrentActivityName(),
        null, ReplyClock.now(), "NO_ANSWER", note));
  }
}

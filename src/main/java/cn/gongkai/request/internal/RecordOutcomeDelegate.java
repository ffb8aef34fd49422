package cn.gongkai.request.internal;

import cn.gongkai.letters.LetterKind;
import cn.gongkai.request.CaseEvent;
import cn.gongkai.request.CaseRegister;
import cn.gongkai.request.Outcome;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Records an outcome fixed by the model itself (input parameter {@code closingOutcome}), e.g. deemed withdrawn. */
@Component("recordOutcomeDelegate")
class RecordOutcomeDelegate implements JavaDelegate {

  private final CaseRegister register;
  private final CaseLetters letters;

  RecordOutcomeDelegate(CaseRegister register, CaseLetters letters) {
    this.register = register;
    this.letters = letters;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Outcome outcome = Outcome.valueOf((String) execution.getVariableLocal("closingOutcome"));
    // the case registered for this process instance, never a variable a user could set
    long caseId = register.findByProcessInstance(execution.getProcessInstanceId()).orElseThrow().id();
    register.recordOutcome(caseId, outcome);
    execution.setVariable("outcome", outcome.name());
    String reasons = outcome == Outcome.UNREASONABLE_VOLUME
        ? "申请人申请公开政府信息的数量、频次明显超过合理范围，经要求说明理由，" + (execution.getVariable("volumeReasons") == null
            ? "申请人未说明理由" : "所说明的理由不合理：" + execution.getVariable("volumeReasons"))
        : outcome.label();
    letters.issueReply(execution, caseId, LetterKind.valueOf(outcome.name()), b -> b.reasons(reasons), null);
    register.recordEvent(caseId, new CaseEvent(execution.getCurrentActivityId(), execution.getCurrentActivityName(),
        null, ReplyClock.now(), outcome.name(), outcome.label()));
  }
}

package cn.gongkai.request.internal;

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

  RecordOutcomeDelegate(CaseRegister register) {
    this.register = register;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Outcome outcome = Outcome.valueOf((String) execution.getVariableLocal("closingOutcome"));
    long caseId = ((Number) execution.getVariable("caseId")).longValue();
    register.recordOutcome(caseId, outcome);
    execution.setVariable("outcome", outcome.name());
    register.recordEvent(caseId, new CaseEvent(execution.getCurrentActivityId(), execution.getCurrentActivityName(),
        null, ReplyClock.now(), outcome.name(), outcome.label()));
  }
}

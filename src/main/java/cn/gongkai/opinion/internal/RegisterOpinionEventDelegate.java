package cn.gongkai.opinion.internal;

import static cn.gongkai.opinion.OpinionVariables.*;

import cn.gongkai.agency.Agencies;
import cn.gongkai.opinion.OpinionClock;
import cn.gongkai.opinion.OpinionRegister;
import cn.gongkai.workflow.FormFields;
import java.time.OffsetDateTime;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 登记舆情: numbers the event found by monitoring, stores it (source, link, summary, the moment it was first
 * seen — the fact every clock runs from — and, apart, who registered it when) and makes the case number the
 * business key. What cannot be registered refuses the start form with a Chinese sentence.
 */
@Component("registerOpinionEventDelegate")
class RegisterOpinionEventDelegate implements JavaDelegate {

  private final Agencies agencies;
  private final OpinionRegister register;

  RegisterOpinionEventDelegate(Agencies agencies, OpinionRegister register) {
    this.agencies = agencies;
    this.register = register;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String source = OpinionFields.text(execution, SOURCE, "舆情来源", 200, true);
    String link = OpinionFields.url(execution, LINK, "原文链接", false);
    String summary = OpinionFields.text(execution, SUMMARY, "舆情摘要", 4000, true);
    OffsetDateTime seen = OpinionFields.moment(execution, FIRST_SEEN_ON, FIRST_SEEN_TIME, "首次发现", null, null);
    String user = FormFields.actor(execution);
    OffsetDateTime now = OpinionClock.now();
    OpinionRegister.Registered registered = register.register(
        agencies.byCode(execution.getTenantId()).orElseGet(agencies::defaultAgency), source, link, summary, seen, now,
        user);
    register.linkProcessInstance(registered.id(), execution.getProcessInstanceId());
    register.recordStep(registered.id(), new OpinionRegister.Step("Task_RegisterOpinionEvent", "登记舆情", user, now,
        seen, registered.caseNumber(), source));
    execution.setProcessBusinessKey(registered.caseNumber());
    execution.setVariable(CASE_NUMBER, registered.caseNumber());
    execution.setVariable(FIRST_SEEN_TEXT, OpinionClock.text(seen));
  }
}

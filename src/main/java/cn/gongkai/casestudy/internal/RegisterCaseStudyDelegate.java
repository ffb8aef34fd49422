package cn.gongkai.casestudy.internal;

import cn.gongkai.agency.Agencies;
import cn.gongkai.agency.Agency;
import cn.gongkai.casestudy.CaseStudyClock;
import cn.gongkai.casestudy.CaseStudyRegister;
import cn.gongkai.casestudy.CaseStudyVariables;
import cn.gongkai.request.CaseRegister;
import cn.gongkai.request.CaseStatus;
import cn.gongkai.request.DisclosureCase;
import cn.gongkai.request.ExemptionCode;
import cn.gongkai.request.Labelled;
import cn.gongkai.request.Outcome;
import cn.gongkai.workflow.FormFields;
import java.time.OffsetDateTime;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 登记入库提议: finds the closed disclosure case of the proposer's agency (by case number or process instance),
 * numbers the proposal, copies the case's decision (outcome, exemption code, the article it rests on) and makes
 * the case-study number the business key. An unknown, foreign or still open case refuses the start (HTTP 400);
 * nothing of the applicant is copied.
 */
@Component("registerCaseStudyDelegate")
class RegisterCaseStudyDelegate implements JavaDelegate {

  private final Agencies agencies;
  private final CaseRegister disclosureCases;
  private final CaseStudyRegister register;

  RegisterCaseStudyDelegate(Agencies agencies, CaseRegister disclosureCases, CaseStudyRegister register) {
    this.agencies = agencies;
    this.disclosureCases = disclosureCases;
    this.register = register;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = FormFields.required(execution, CaseStudyVariables.SOURCE_CASE_NUMBER, "依申请公开案件编号");
    Agency agency = agencies.byCode(execution.getTenantId()).orElseGet(agencies::defaultAgency);
    DisclosureCase source = disclosureCases.findByNumber(reference)
        .filter(c -> agency.code().equals(c.agencyCode()))
        .or(() -> disclosureCases.findByProcessInstance(reference))
        .filter(c -> agency.code().equals(c.agencyCode()))
        .orElseThrow(() -> new BadUserRequestException("本机关没有编号为“" + reference + "”的依申请公开案件（"
            + CaseStudyVariables.SOURCE_CASE_NUMBER + "）"));
    if (source.status() != CaseStatus.CLOSED) {
      throw new BadUserRequestException("依申请公开案件" + source.caseNumber() + "尚未办结，办结后才能提出入库案例（"
          + CaseStudyVariables.SOURCE_CASE_NUMBER + "）");
    }
    if (register.countFromSource(source.id()) > 0) {
      throw new BadUserRequestException("依申请公开案件" + source.caseNumber() + "已提出过入库案例，不能重复提出（"
          + CaseStudyVariables.SOURCE_CASE_NUMBER + "）");
    }
    String user = FormFields.actor(execution);
    OffsetDateTime now = CaseStudyClock.now();
    Outcome outcome = source.outcome();
    ExemptionCode exemption = Labelled.parse(ExemptionCode.class, source.outcomeCode()).orElse(null);
    CaseStudyRegister.Registered registered = register.register(agency, source.id(), source.caseNumber(),
        outcome == null ? null : outcome.name(), exemption == null ? null : exemption.name(), now, user);
    register.linkProcessInstance(registered.id(), execution.getProcessInstanceId());
    register.recordEvent(registered.id(), new CaseStudyRegister.Event("Task_RegisterCaseStudy", "登记入库提议", user,
        now, registered.caseNumber(), "来源案件" + source.caseNumber()));
    execution.setProcessBusinessKey(registered.caseNumber());
    execution.setVariable(CaseStudyVariables.CASE_STUDY_ID, registered.id());
    execution.setVariable(CaseStudyVariables.CASE_NUMBER, registered.caseNumber());
    execution.setVariable(CaseStudyVariables.SOURCE_CASE_NUMBER, source.caseNumber());
    execution.setVariable(CaseStudyVariables.OUTCOME, outcome == null ? null : outcome.name());
    execution.setVariable(CaseStudyVariables.OUTCOME_LABEL, outcome == null ? "（未记录）" : outcome.label());
    execution.setVariable(CaseStudyVariables.EXEMPTION_CODE, exemption == null ? null : exemption.name());
    execution.setVariable(CaseStudyVariables.EXEMPTION_LABEL, exemption == null ? "无" : exemption.label());
    // the legal basis starts from the article the decision rests on; the proposer completes it
    execution.setVariable(CaseStudyVariables.LEGAL_BASIS, outcome == null || outcome.article().isEmpty() ? null
        : outcome.article().startsWith("第") ? "《中华人民共和国政府信息公开条例》" + outcome.article()
        : outcome.article());
  }
}

package cn.gongkai.proposal.internal;

import cn.gongkai.agency.Agencies;
import cn.gongkai.proposal.ProposalClock;
import cn.gongkai.proposal.ProposalEvent;
import cn.gongkai.proposal.ProposalKind;
import cn.gongkai.proposal.ProposalRegister;
import cn.gongkai.proposal.ProposalRegister.Registration;
import cn.gongkai.proposal.ProposalVariables;
import cn.gongkai.workflow.FormFields;
import java.time.LocalDate;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 登记建议提案: checks what the office entered, stores the case in the agency's register and makes its case
 * number (建议〔2026〕第12号) the business key. A number already registered in that session is refused.
 */
@Component("registerProposalDelegate")
class RegisterProposalDelegate implements JavaDelegate {

  private final Agencies agencies;
  private final ProposalRegister register;

  RegisterProposalDelegate(Agencies agencies, ProposalRegister register) {
    this.agencies = agencies;
    this.register = register;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String code = FormFields.required(execution, ProposalVariables.KIND, "类别");
    ProposalKind kind = ProposalKind.parse(code).orElseThrow(() -> new BadUserRequestException(
        "类别的取值无效：" + code + "（" + ProposalVariables.KIND + "）"));
    String number = FormFields.required(execution, ProposalVariables.NUMBER, "建议提案编号");
    if (!number.matches("[0-9A-Za-z-]{1,20}")) {
      throw new BadUserRequestException("建议提案编号只能由数字、字母和连字符组成，最多20位（" + ProposalVariables.NUMBER + "）");
    }
    String session = ProposalSteps.limited(FormFields.required(execution, ProposalVariables.SESSION, "届次会次"), 200,
        "届次会次", ProposalVariables.SESSION);
    String submitter = ProposalSteps.limited(FormFields.required(execution, ProposalVariables.SUBMITTER, "领衔代表或提案者"),
        200, "领衔代表或提案者", ProposalVariables.SUBMITTER);
    String title = ProposalSteps.limited(FormFields.required(execution, ProposalVariables.TITLE, "标题"), 500, "标题",
        ProposalVariables.TITLE);
    LocalDate receivedOn = FormFields.date(execution, ProposalVariables.RECEIVED_ON, "收到日期");
    Registration registration = new Registration(kind, number, session, submitter, title, receivedOn);
    String agency = agencies.byCode(execution.getTenantId()).orElseGet(agencies::defaultAgency).code();
    if (register.exists(agency, registration)) {
      throw new BadUserRequestException(session + kind.label() + "第" + number + "号已经登记，不能重复登记");
    }
    String user = FormFields.actor(execution);
    long id = register.register(agency, registration, ProposalClock.now(), user);
    register.linkProcessInstance(id, execution.getProcessInstanceId());
    register.recordEvent(id, new ProposalEvent("Task_RegisterProposal", "登记建议提案", user, ProposalClock.now(),
        receivedOn, registration.caseNumber(), title));
    execution.setProcessBusinessKey(registration.caseNumber());
    // the submitter's name stays in the register: out of the variables, and out of history (PersonalData)
    execution.removeVariable(ProposalVariables.SUBMITTER);
    execution.setVariable(ProposalVariables.CASE_ID, id);
    execution.setVariable(ProposalVariables.CASE_NUMBER, registration.caseNumber());
  }
}

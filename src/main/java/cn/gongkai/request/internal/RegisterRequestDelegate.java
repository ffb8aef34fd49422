package cn.gongkai.request.internal;

import cn.gongkai.agency.Agencies;
import cn.gongkai.agency.Agency;
import cn.gongkai.letters.LetterKind;
import cn.gongkai.request.CaseEvent;
import cn.gongkai.request.CaseRegister;
import cn.gongkai.request.CaseRegister.RegisteredCase;
import cn.gongkai.request.PersonalData;
import cn.gongkai.request.RequestRegistration;
import cn.gongkai.web.BadRequestException;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * 登记申请: checks the request, numbers it, stores it in the register with the applicant's personal
 * data, makes the case number the business key, moves personal data out of the process and starts
 * the reply clock from the date of receipt.
 */
@Component("registerRequestDelegate")
class RegisterRequestDelegate implements JavaDelegate {

  private final Agencies agencies;
  private final CaseRegister register;
  private final ReplyClock clock;
  private final CaseLetters letters;

  RegisterRequestDelegate(Agencies agencies, CaseRegister register, ReplyClock clock, CaseLetters letters) {
    this.agencies = agencies;
    this.register = register;
    this.clock = clock;
    this.letters = letters;
  }

  @Override
  public void execute(DelegateExecution execution) {
    RequestRegistration request;
    try {
      request = RequestRegistration.parse(execution.getVariables(), ReplyClock.today());
    } catch (BadRequestException e) {
      // the start form shows this message; the whole start is rolled back, nothing is stored
      throw new BadUserRequestException(e.problems().stream()
          .map(p -> p.message() + "（" + p.field() + "）")
          .collect(Collectors.joining("；")));
    }
    Authentication auth = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    String user = auth == null ? null : auth.getUserId();
    // the instance's tenant is its agency (the starter's, or the agency a referral named)
    Agency agency = agencies.byCode(execution.getTenantId()).orElseGet(agencies::defaultAgency);
    RegisteredCase registered = register.register(agency, request, ReplyClock.now(), user);
    register.linkProcessInstance(registered.id(), execution.getProcessInstanceId());
    register.recordEvent(registered.id(),
        new CaseEvent("Task_RegisterRequest", "登记申请", user, ReplyClock.now(), registered.caseNumber(), null));
    execution.setProcessBusinessKey(registered.caseNumber());
    execution.removeVariables(PersonalData.VARIABLES);
    execution.setVariable("caseId", registered.id());
    execution.setVariable("caseNumber", registered.caseNumber());
    execution.setVariable("receivedOn", request.receivedOn().toString());
    // what screening shows of the applicant: the masked name only, personal data stays in the register
    execution.setVariable("applicantNameMasked",
        PersonalData.maskName(request.applicantName(), request.applicantType()));
    // the delivery task starts from the way the applicant asked to receive the information
    if (request.deliveryMethod() != null) {
      execution.setVariable("replyDeliveryMethod", switch (request.deliveryMethod()) {
        case PICKUP -> "IN_PERSON";
        case POST -> "POST";
        case EMAIL -> "EMAIL";
        case ONLINE -> "ONLINE";
      });
    }
    ReplyClock.ClockState state = clock.start(registered.id(), request.receivedOn());
    execution.setVariable("replyDueOn", state.due().toString());
    execution.setVariable("replyDueProvisional", state.provisional());
    execution.setVariable("replyOverdueAt", state.overdueAt());
    execution.setVariable("replyReminderAt", state.reminderAt());
    letters.issue(execution, registered.id(), LetterKind.RECEIPT, b -> b.replyDueOn(state.due()), user);
  }
}

package cn.gongkai.request.internal;

import cn.gongkai.agency.Agencies;
import cn.gongkai.agency.Agency;
import cn.gongkai.letters.LetterKind;
import cn.gongkai.request.CaseEvent;
import cn.gongkai.request.CaseQueryCodes;
import cn.gongkai.request.CaseRegister;
import cn.gongkai.request.CaseRegister.RegisteredCase;
import cn.gongkai.request.OnlineSubmissions;
import cn.gongkai.request.OnlineSubmissions.PendingSubmission;
import cn.gongkai.request.PersonalData;
import cn.gongkai.request.RequestRegistration;
import cn.gongkai.web.BadRequestException;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * 登记申请: checks the request, numbers it, stores it in the register with the applicant's personal
 * data, makes the case number the business key, moves personal data out of the process and starts
 * the reply clock from the date of receipt. An online submission (applicant portal) is registered from
 * what the applicant submitted, received on the day intake confirmed it (条例第三十一条).
 */
@Component("registerRequestDelegate")
class RegisterRequestDelegate implements JavaDelegate {

  private final Agencies agencies;
  private final CaseRegister register;
  private final ReplyClock clock;
  private final CaseLetters letters;
  private final ObjectProvider<OnlineSubmissions> online;
  private final ObjectProvider<CaseQueryCodes> queryCodes;
  private final IssuedQueryCodes issued;

  RegisterRequestDelegate(Agencies agencies, CaseRegister register, ReplyClock clock, CaseLetters letters,
      ObjectProvider<OnlineSubmissions> online, ObjectProvider<CaseQueryCodes> queryCodes,
      IssuedQueryCodes issued) {
    this.agencies = agencies;
    this.register = register;
    this.clock = clock;
    this.letters = letters;
    this.online = online;
    this.queryCodes = queryCodes;
    this.issued = issued;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Map<String, Object> fields = execution.getVariables();
    Agency agency = agencies.defaultAgency();
    PendingSubmission submission = null;
    if (execution.hasVariable(OnlineSubmissions.SUBMISSION_NUMBER)) {
      // found by process instance: the variable only says which path the process took
      submission = online.getObject().pending(execution.getProcessInstanceId()).orElseThrow(
          () -> new IllegalStateException("no online submission for " + execution.getProcessInstanceId()));
      fields = new HashMap<>(submission.fields());
      fields.put("channel", "ONLINE");
      fields.put("receivedOn", execution.getVariable("receivedOn"));
      agency = agencies.get(submission.agencyCode());
    }
    RequestRegistration request;
    try {
      request = RequestRegistration.parse(fields, ReplyClock.today());
    } catch (BadRequestException e) {
      // the start form shows this message; the whole start is rolled back, nothing is stored
      throw new BadUserRequestException(e.problems().stream()
          .map(p -> p.message() + "（" + p.field() + "）")
          .collect(Collectors.joining("；")));
    }
    Authentication auth = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    String user = auth == null ? null : auth.getUserId();
    if (submission == null) {
      // the instance's tenant is its agency (the starter's, or the agency a referral named)
      agency = agencies.byCode(execution.getTenantId()).orElseGet(agencies::defaultAgency);
    }
    RegisteredCase registered = register.register(agency, request, ReplyClock.now(), user);
    register.linkProcessInstance(registered.id(), execution.getProcessInstanceId());
    if (submission != null) {
      register.recordEvent(registered.id(), new CaseEvent("Task_ConfirmOnlineRequest", "确认网上申请", user,
          ReplyClock.now(), "受理网上申请 " + submission.submissionNumber(), null, request.receivedOn()));
      online.getObject().accepted(execution.getProcessInstanceId(), registered.id(), request.receivedOn());
    } else if (user != null) {
      issueQueryCode(execution, registered, agency, request, user);
    }
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

  /**
   * Registered at the desk: the applicant gets a 查询码 (kept hashed by the portal), shown once to the clerk;
   * its plaintext is held in memory for that clerk only once the registration is committed.
   */
  private void issueQueryCode(DelegateExecution execution, RegisteredCase registered, Agency agency,
      RequestRegistration request, String user) {
    CaseQueryCodes codes = queryCodes.getIfAvailable();
    if (codes == null) {
      return;
    }
    String code = codes.issue(registered.id(), execution.getProcessInstanceId(), agency.code(),
        request.receivedOn());
    String caseNumber = registered.caseNumber();
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          issued.remember(user, caseNumber, code);
        }
      });
    } else {
      issued.remember(user, caseNumber, code);
    }
  }
}

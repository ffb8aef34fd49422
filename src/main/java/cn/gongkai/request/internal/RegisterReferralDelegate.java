package cn.gongkai.request.internal;

import cn.gongkai.agency.Agencies;
import cn.gongkai.request.CaseEvent;
import cn.gongkai.request.CaseRegister;
import cn.gongkai.request.CaseRegister.Referral;
import cn.gongkai.request.DisclosureCase;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * 登记转办申请: the receiving agency confirmed the referral; the request is registered there as a new case whose date
 * of receipt is the day confirmed (条例第三十三条: the reply clock runs from the day this agency received it), linked
 * to the referring case. The referral is found by this process instance, never by a variable.
 */
@Component("registerReferralDelegate")
class RegisterReferralDelegate implements JavaDelegate {

  private final CaseRegister register;
  private final Agencies agencies;

  RegisterReferralDelegate(CaseRegister register, Agencies agencies) {
    this.register = register;
    this.agencies = agencies;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Referral referral = register.referralOfProcess(execution.getProcessInstanceId())
        .orElseThrow(() -> new IllegalStateException("no referral for " + execution.getProcessInstanceId()));
    DisclosureCase from = register.get(referral.fromCaseId());
    LocalDate receivedOn = confirmedOn(execution.getVariable("referralReceivedOn"), from);
    Map<String, Object> request = new HashMap<>();
    request.put("applicantType", from.applicantType().name());
    request.put("applicantName", from.applicantName());
    request.put("idType", from.idType().name());
    request.put("idNumber", from.idNumber());
    request.put("phone", from.phone());
    request.put("address", from.address());
    request.put("email", from.email());
    request.put("channel", from.channel().name());
    request.put("receivedOn", receivedOn.toString());
    request.put("description", from.description());
    request.put("purpose", from.purpose());
    request.put("provisionForm", from.provisionForm() == null ? null : from.provisionForm().name());
    request.put("deliveryMethod", from.deliveryMethod() == null ? null : from.deliveryMethod().name());
    request.values().removeIf(java.util.Objects::isNull);
    // started within this agency's instance: the new case belongs to the same tenant (the receiving agency)
    ProcessInstance instance = execution.getProcessEngineServices().getRuntimeService()
        .startProcessInstanceByKey(CaseReferrals.DISCLOSURE_PROCESS, request);
    DisclosureCase to = register.findByProcessInstance(instance.getId()).orElseThrow();
    Authentication auth = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    String user = auth == null ? null : auth.getUserId();
    register.confirmReferral(referral.id(), to.id(), receivedOn, user);
    String toName = agencies.get(to.agencyCode()).name();
    register.recordEvent(from.id(), new CaseEvent("Referral_Confirmed", "转办接收", user, ReplyClock.now(),
        toName + "已确认接收，新案件编号 " + to.caseNumber(), null, receivedOn));
    register.recordEvent(to.id(), new CaseEvent("Referral_Received", "收到转办申请", user, ReplyClock.now(),
        "由" + agencies.get(from.agencyCode()).name() + "转办，原案件编号 " + from.caseNumber(), null, receivedOn));
    execution.setVariable("caseNumber", to.caseNumber());
  }

  private static LocalDate confirmedOn(Object value, DisclosureCase from) {
    LocalDate day;
    try {
      day = value instanceof java.util.Date date
          ? LocalDate.ofInstant(date.toInstant(), java.time.ZoneId.of("Asia/Shanghai"))
          : LocalDate.parse(String.valueOf(value).substring(0, Math.min(10, String.valueOf(value).length())));
    } catch (DateTimeParseException | StringIndexOutOfBoundsException e) {
      throw new BadUserRequestException("本机关收到转办申请日期不是有效日期（格式：年-月-日）");
    }
    if (day.isAfter(ReplyClock.today())) {
      throw new BadUserRequestException("本机关收到转办申请日期不能晚于今天");
    }
    if (day.isBefore(from.receivedOn())) {
      throw new BadUserRequestException("本机关收到转办申请日期不能早于原机关收到申请日期 " + from.receivedOn());
    }
    return day;
  }
}

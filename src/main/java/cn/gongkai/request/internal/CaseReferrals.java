package cn.gongkai.request.internal;

import cn.gongkai.agency.Agencies;
import cn.gongkai.agency.Agency;
import cn.gongkai.agency.AgencyStarts;
import cn.gongkai.request.CaseEvent;
import cn.gongkai.request.CaseRegister;
import cn.gongkai.request.DisclosureCase;
import cn.gongkai.request.Outcome;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Referral (转办): a reply 非本机关负责公开 (条例第三十六条第五项) naming an agency on this platform, from an office that
 * transfers such requests (agency setting {@code transfersReferrals}), hands the request to that agency: a
 * {@code request-referral} instance in the competent agency's tenant waits for its intake to confirm receipt.
 */
@Component
class CaseReferrals {

  static final String PROCESS_KEY = "request-referral";
  static final String DISCLOSURE_PROCESS = "disclosure-request";

  private final Agencies agencies;
  private final AgencyStarts starts;
  private final CaseRegister register;

  CaseReferrals(Agencies agencies, AgencyStarts starts, CaseRegister register) {
    this.agencies = agencies;
    this.starts = starts;
    this.register = register;
  }

  /** The platform agency the reply names as competent, if the case's own office transfers referrals. */
  Optional<Agency> competentAgencyOnPlatform(DisclosureCase c) {
    if (c.outcome() != Outcome.NOT_THIS_AGENCY || c.competentAgency() == null) {
      return Optional.empty();
    }
    Agency own = agencies.get(c.agencyCode());
    if (!own.transfersReferrals()) {
      return Optional.empty();
    }
    // the longest full name the reply's text names (楚雄州卫生健康委员会 before a shorter name it contains)
    return agencies.all().stream()
        .filter(a -> !a.code().equals(own.code()) && c.competentAgency().contains(a.name()))
        .max(java.util.Comparator.comparingInt(a -> a.name().length()));
  }

  /** After the 非本机关 reply reached the applicant: transfers the request when the office does so. */
  void referIfTransferred(DelegateExecution execution, DisclosureCase c, String actor) {
    Optional<Agency> target = competentAgencyOnPlatform(c);
    if (target.isEmpty() || register.referralFrom(c.id()).isPresent()) {
      return;
    }
    Agency to = target.get();
    long referralId = register.referCase(c.id(), to.code(), ReplyClock.now());
    Agency from = agencies.get(c.agencyCode());
    ProcessInstance instance = starts.in(to.code(), () -> execution.getProcessEngineServices().getRuntimeService()
        .startProcessInstanceByKey(PROCESS_KEY, c.caseNumber(),
            Map.of("referredCaseNumber", c.caseNumber(), "referringAgencyName", from.name())));
    register.linkReferralProcess(referralId, instance.getId());
    register.recordEvent(c.id(), new CaseEvent("Referral_Sent", "转办", actor, ReplyClock.now(),
        "移交" + to.name(), null));
  }
}

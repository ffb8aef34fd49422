package cn.gongkai.interpretation;

import cn.gongkai.testing.EngineDriver;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/** Drives {@code policy-interpretation} as the people who work it would, on a clock the test moves. */
final class PolicyProcessSupport extends EngineDriver {

  PolicyProcessSupport(ProcessEngine engine) {
    super(engine);
  }

  /** Submits the pair through the start form, as the demo drafter. */
  ProcessInstance submitAsDrafter(Map<String, Object> fields) {
    return startAs("drafter", PolicyVariables.PROCESS_KEY, fields);
  }

  /** Today in Beijing on the engine's clock, as an ISO date (what a person enters for a fact of today). */
  static String today() {
    return InterpretationClock.today().toString();
  }

  /** The office receives the pair today. */
  void accept(ProcessInstance pi) {
    accept(pi, today());
  }

  /** The office received the pair on that day. */
  void accept(ProcessInstance pi, String receivedOn) {
    complete(pi, "Task_ReceiveSubmission", "office", Map.of("receiptDecision", "ACCEPTED", "receivedOn", receivedOn));
  }

  /** Legal review, secrecy review and the leader's joint approval (dated today), all passed. */
  void reviewAndApprove(ProcessInstance pi) {
    reviewAndApprove(pi, today());
  }

  /** Legal review, secrecy review passed; the leader approved the pair on that day. */
  void reviewAndApprove(ProcessInstance pi, String approvedOn) {
    complete(pi, "Task_ReviewLegality", "legal", Map.of("legalReviewResult", "APPROVED"));
    complete(pi, "Task_ReviewSecrecy", "reviewer", Map.of("secrecyReviewResult", "APPROVED"));
    complete(pi, "Task_ApproveJointly", "leader", Map.of("jointApprovalResult", "APPROVED", "jointApprovedOn",
        approvedOn));
  }

  void publishPolicy(ProcessInstance pi, String publishedOn) {
    complete(pi, "Task_RecordPolicyPublication", "office", Map.of("policyPublishedOn", publishedOn,
        "policyUrl", "https://www.cxz.gov.cn/zwgk/zcwj/2026/" + publishedOn + ".html"));
  }

  void publishInterpretation(ProcessInstance pi, String publishedOn) {
    Map<String, Object> fields = new HashMap<>();
    fields.put("interpretationPublishedOn", publishedOn);
    fields.put("interpretationUrl", "https://www.cxz.gov.cn/zwgk/zcjd/2026/" + publishedOn + ".html");
    fields.put("policyLinksInterpretation", true);
    fields.put("interpretationLinksPolicy", true);
    complete(pi, "Task_PublishInterpretation", "office", fields);
  }

  /**
   * A complete pair submitted, accepted, reviewed, approved and published on the given days (clock moved
   * to each day's office hours). Returns the archived instance.
   */
  ProcessInstance publishedPair(String policyPublishedOn, String interpretationPublishedOn) {
    clockAt(policyPublishedOn + "T09:00");
    ProcessInstance pi = submitAsDrafter(PolicyFixtures.submission());
    accept(pi);
    reviewAndApprove(pi);
    publishPolicy(pi, policyPublishedOn);
    clockAt(interpretationPublishedOn + "T10:00");
    publishInterpretation(pi, interpretationPublishedOn);
    return pi;
  }

  long executableJobs(ProcessInstance instance) {
    return engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).executable().count();
  }

}

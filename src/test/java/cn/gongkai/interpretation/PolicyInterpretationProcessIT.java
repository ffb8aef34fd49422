package cn.gongkai.interpretation;

import static cn.gongkai.interpretation.PolicyProcessSupport.beijing;
import static cn.gongkai.interpretation.PolicyProcessSupport.clockAt;
import static cn.gongkai.interpretation.PolicyProcessSupport.date;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.gongkai.interpretation.InterpretationSupervision.PublishedPair;
import cn.gongkai.interpretation.InterpretationSupervision.SupervisedCase;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * policy-interpretation (三同步, domain §7), one test per path: where it waits, for whom, what the register
 * says. Unless a test says otherwise its dates lie in November 2026, which has no holiday, so the
 * expected deadlines hold on any calendar; the late path crosses the 2026 National Day holiday and needs
 * the real Chinese calendar (marked REAL CALENDAR).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PolicyInterpretationProcessIT {

  @Autowired ProcessEngine engine;
  @Autowired PolicyRegister register;
  @Autowired InterpretationSupervision supervision;
  @Autowired cn.gongkai.supervision.SupervisionOverview overview;
  @Autowired InterpretationClock clock;

  PolicyProcessSupport process;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    process = new PolicyProcessSupport(engine);
    // Monday 2026-11-16: no holiday this week
    clockAt("2026-11-16T09:00");
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  PolicyCase row(ProcessInstance pi) {
    return register.findByNumber(pi.getBusinessKey()).orElseThrow();
  }

  ProcessInstance submitted(Map<String, Object> fields) {
    return process.submitAsDrafter(fields);
  }

  ProcessInstance acceptedAndApproved() {
    ProcessInstance pi = submitted(PolicyFixtures.submission());
    process.accept(pi);
    process.reviewAndApprove(pi);
    return pi;
  }

  @Test
  void publishesThePairOnTimeWhenAcceptedFirstTime() {
    // given a complete submission by the drafting department
    ProcessInstance pi = submitted(PolicyFixtures.submission());

    // then it is numbered and waits for the general office's 收文 check, which found nothing missing
    assertThat(pi.getBusinessKey()).matches("解读〔2026〕第\\d+号");
    assertThat(pi).isWaitingAt("Task_ReceiveSubmission");
    assertThat(process.task(pi, "Task_ReceiveSubmission")).hasCandidateGroup("office");
    assertThat(pi).variables().containsEntry("caseNumber", pi.getBusinessKey()).containsEntry("missingItems", null)
        .containsEntry("publicCommentRequired", false).containsEntry("publishedProactively", true);
    PolicyCase submitted = row(pi);
    assertThat(submitted.status()).isEqualTo(PolicyCaseStatus.OPEN);
    assertThat(submitted.submittedBy()).isEqualTo("drafter");
    assertThat(submitted.submittedOn()).isEqualTo(date("2026-11-16"));
    assertThat(submitted.disclosureAttribute()).isEqualTo(DisclosureAttribute.PROACTIVE);
    assertThat(submitted.interpretationForms()).isEqualTo("文字解读、图表图解");
    assertThat(submitted.currentStep()).isEqualTo("Task_ReceiveSubmission");
    assertThat(submitted.currentGroup()).isEqualTo("office");

    // when the office accepts it, legal and secrecy review pass and the leader approves the pair
    process.accept(pi);
    assertThat(pi).isWaitingAt("Task_ReviewLegality");
    assertThat(process.task(pi, "Task_ReviewLegality")).hasCandidateGroup("legal");
    process.complete(pi, "Task_ReviewLegality", "legal", Map.of("legalReviewResult", "APPROVED"));
    assertThat(pi).isWaitingAt("Task_ReviewSecrecy");
    assertThat(process.task(pi, "Task_ReviewSecrecy")).hasCandidateGroup("reviewer");
    process.complete(pi, "Task_ReviewSecrecy", "reviewer", Map.of("secrecyReviewResult", "APPROVED"));
    assertThat(pi).isWaitingAt("Task_ApproveJointly");
    assertThat(process.task(pi, "Task_ApproveJointly")).hasCandidateGroup("leader");
    process.complete(pi, "Task_ApproveJointly", "leader",
        Map.of("jointApprovalResult", "APPROVED", "jointApprovedOn", "2026-11-16"));

    // and the office records the policy's publication on Monday 2026-11-16
    assertThat(pi).isWaitingAt("Task_RecordPolicyPublication");
    assertThat(process.task(pi, "Task_RecordPolicyPublication")).hasCandidateGroup("office");
    process.publishPolicy(pi, "2026-11-16");

    // then the interpretation is due 3 working days later, Thursday 2026-11-19, until 24:00 Beijing time
    assertThat(pi).isWaitingAt("Task_PublishInterpretation");
    assertThat(process.task(pi, "Task_PublishInterpretation")).hasCandidateGroup("office");
    assertThat(pi).variables().containsEntry("interpretationDueOn", "2026-11-19")
        .containsEntry("interpretationDueProvisional", false);
    assertThat(process.task(pi, "Task_PublishInterpretation").getDueDate()).isEqualTo(beijing("2026-11-19T23:59"));
    assertThat(process.timer(pi, "BoundaryEvent_InterpretationDeadlinePassed").getDuedate())
        .isEqualTo(beijing("2026-11-20T00:00"));
    assertThat(row(pi).interpretationDueOn()).isEqualTo(date("2026-11-19"));
    assertThat(row(pi).publishWithinWorkingDays()).isEqualTo(3);

    // when the interpretation is published on Wednesday, linked both ways
    clockAt("2026-11-18T10:00");
    process.publishInterpretation(pi, "2026-11-18");

    // then the case is archived, on time, with its whole history
    assertThat(pi).isEnded().hasPassedInOrder("Task_CheckSubmission", "Task_ReceiveSubmission",
            "Task_ReviewLegality", "Task_ReviewSecrecy", "Task_ApproveJointly", "Task_RecordPolicyPublication",
            "Task_PublishInterpretation", "Task_ArchivePolicy", "EndEvent_PolicyArchived")
        .hasNotPassed("Task_ConductPublicComment", "Task_MarkInterpretationOverdue", "Task_ReviseSubmission");
    PolicyCase c = row(pi);
    assertThat(c.status()).isEqualTo(PolicyCaseStatus.CLOSED);
    assertThat(c.overdue()).isFalse();
    assertThat(c.receivedBy()).isEqualTo("office");
    assertThat(c.legalReviewResult()).isEqualTo("APPROVED");
    assertThat(c.secrecyReviewedBy()).isEqualTo("reviewer");
    assertThat(c.jointApprovalResult()).isEqualTo("APPROVED");
    assertThat(c.jointApprovedBy()).isEqualTo("leader");
    assertThat(c.policyPublishedOn()).isEqualTo(date("2026-11-16"));
    assertThat(c.interpretationPublishedOn()).isEqualTo(date("2026-11-18"));
    assertThat(c.policyLinksInterpretation()).isTrue();
    assertThat(c.interpretationLinksPolicy()).isTrue();
    assertThat(c.archivedAt()).isNotNull();
    assertThat(register.events(c.id())).extracting(PolicyEvent::stepKey, PolicyEvent::actor).containsSubsequence(
        tuple("Task_RegisterPolicy", "drafter"),
        tuple("Task_CheckSubmission", null),
        tuple("Task_ReceiveSubmission", "office"),
        tuple("Task_ReviewLegality", "legal"),
        tuple("Task_ReviewSecrecy", "reviewer"),
        tuple("Task_ApproveJointly", "leader"),
        tuple("Task_RecordPolicyPublication", "office"),
        tuple("Task_PublishInterpretation", "office"),
        tuple("Task_ArchivePolicy", null));
    PublishedPair pair = supervision.publishedPairs().stream()
        .filter(p -> p.caseNumber().equals(pi.getBusinessKey())).findFirst().orElseThrow();
    assertThat(pair.workingDaysBetween()).isEqualTo(2);
    assertThat(pair.ruleMet()).isTrue();
  }

  @Test
  void refusesToRegisterASubmissionWithoutTitle() {
    assertThatThrownBy(() -> submitted(PolicyFixtures.without("policyTitle")))
        .isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("政策文件标题为必填项");
  }

  /** The office cannot accept it, returns it with the system's finding, the drafter sees why. */
  void assertReturnedAtReceipt(ProcessInstance pi, String missing) {
    assertThat(pi).isWaitingAt("Task_ReceiveSubmission");
    assertThat((String) engine.getRuntimeService().getVariable(pi.getId(), "missingItems")).contains(missing);

    assertThatThrownBy(() -> process.accept(pi))
        .isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("不予收文")
        .hasMessageContaining(missing);
    assertThat(pi).isWaitingAt("Task_ReceiveSubmission");

    // the proposed 退文 reason is the system's finding: the office only chooses 退文
    process.complete(pi, "Task_ReceiveSubmission", "office", Map.of("receiptDecision", "RETURNED"));

    assertThat(pi).isWaitingAt("Task_ReviseSubmission");
    assertThat(process.task(pi, "Task_ReviseSubmission")).hasCandidateGroup("drafter");
    assertThat(pi).variables().containsEntry("returnedFrom", "收文审核");
    assertThat((String) engine.getRuntimeService().getVariable(pi.getId(), "returnReason")).contains(missing);
    PolicyCase c = row(pi);
    assertThat(c.returnCount()).isEqualTo(1);
    assertThat(c.lastReturnedStep()).isEqualTo("收文审核");
    assertThat(c.lastReturnReason()).contains(missing);
    assertThat(c.receivedAt()).isNull();
    assertThat(register.events(c.id())).extracting(PolicyEvent::stepKey, PolicyEvent::decision)
        .contains(tuple("Task_CheckSubmission", "材料不全"), tuple("Task_ReceiveSubmission", "退文（不予收文）"));
  }

  @Test
  void returnsASubmissionWithoutAnInterpretationPlan() {
    ProcessInstance pi = submitted(PolicyFixtures.without("interpretationPlan"));

    assertReturnedAtReceipt(pi, "缺少解读方案");

    // when the drafter resubmits with the plan, the office receives it again and can accept it
    Map<String, Object> revised = PolicyFixtures.submission();
    revised.put("revisionNote", "补充解读方案");
    process.complete(pi, "Task_ReviseSubmission", "drafter", revised);
    assertThat(pi).isWaitingAt("Task_ReceiveSubmission").variables().containsEntry("missingItems", null)
        .doesNotContainKey("receiptDecision");
    process.accept(pi);
    assertThat(pi).isWaitingAt("Task_ReviewLegality");
    assertThat(row(pi).submissionCount()).isEqualTo(2);
    assertThat(row(pi).interpretationPlan()).startsWith("解读重点");
  }

  @Test
  void returnsASubmissionWithoutInterpretationMaterials() {
    ProcessInstance pi = submitted(PolicyFixtures.without("interpretationMaterials"));

    assertReturnedAtReceipt(pi, "缺少解读材料");
  }

  @Test
  void returnsASubmissionWhoseAttributeIsNotProactiveWithoutAReason() {
    Map<String, Object> fields = PolicyFixtures.submission();
    fields.put("disclosureAttribute", "AFTER_REDACTION");

    ProcessInstance pi = submitted(fields);

    assertReturnedAtReceipt(pi, "公开属性为“删减后公开”，未说明理由");
  }

  @Test
  void returnsToTheDrafterWhenLegalReviewReturns() {
    ProcessInstance pi = submitted(PolicyFixtures.submission());
    process.accept(pi);

    assertThatThrownBy(() -> process.complete(pi, "Task_ReviewLegality", "legal",
        Map.of("legalReviewResult", "RETURNED")))
        .isInstanceOf(BadUserRequestException.class).hasMessage("退回时必须写明理由");
    process.complete(pi, "Task_ReviewLegality", "legal",
        Map.of("legalReviewResult", "RETURNED", "legalReviewComment", "第五条与上位法不一致"));

    assertThat(pi).isWaitingAt("Task_ReviseSubmission").variables()
        .containsEntry("returnedFrom", "合法性审核").containsEntry("returnReason", "第五条与上位法不一致");
    assertThat(row(pi).legalReviewResult()).isEqualTo("RETURNED");
    // the revised pair goes through 收文 again, every decision taken afresh
    process.complete(pi, "Task_ReviseSubmission", "drafter", PolicyFixtures.submission());
    assertThat(pi).isWaitingAt("Task_ReceiveSubmission").variables().doesNotContainKey("legalReviewResult");
    process.accept(pi);
    assertThat(pi).isWaitingAt("Task_ReviewLegality");
  }

  @Test
  void returnsToTheDrafterWhenSecrecyReviewReturns() {
    ProcessInstance pi = submitted(PolicyFixtures.submission());
    process.accept(pi);
    process.complete(pi, "Task_ReviewLegality", "legal", Map.of("legalReviewResult", "APPROVED"));

    process.complete(pi, "Task_ReviewSecrecy", "reviewer",
        Map.of("secrecyReviewResult", "RETURNED", "secrecyReviewComment", "解读材料附件三含内部数据，请删除"));

    assertThat(pi).isWaitingAt("Task_ReviseSubmission").variables()
        .containsEntry("returnedFrom", "保密审查").containsEntry("returnReason", "解读材料附件三含内部数据，请删除");
    assertThat(row(pi).secrecyReviewResult()).isEqualTo("RETURNED");
    assertThat(row(pi).secrecyReviewedBy()).isEqualTo("reviewer");
  }

  @Test
  void returnsThePairToTheDrafterWhenTheLeaderReturns() {
    ProcessInstance pi = submitted(PolicyFixtures.submission());
    process.accept(pi);
    process.complete(pi, "Task_ReviewLegality", "legal", Map.of("legalReviewResult", "APPROVED"));
    process.complete(pi, "Task_ReviewSecrecy", "reviewer", Map.of("secrecyReviewResult", "APPROVED"));

    process.complete(pi, "Task_ApproveJointly", "leader",
        Map.of("jointApprovalResult", "RETURNED", "jointApprovalComment", "解读材料未回应企业关切，请充实",
            "jointApprovedOn", "2026-11-16"));

    assertThat(pi).isWaitingAt("Task_ReviseSubmission").variables().containsEntry("returnedFrom", "同步审批政策文件及解读");
    PolicyCase c = row(pi);
    assertThat(c.jointApprovalResult()).isEqualTo("RETURNED");
    assertThat(c.jointApprovedBy()).isEqualTo("leader");
    assertThat(register.events(c.id())).extracting(PolicyEvent::decision).contains("政策文件与解读一并退回");
  }

  @Test
  void cannotApproveThePolicyWithoutItsInterpretation() {
    ProcessInstance pi = submitted(PolicyFixtures.submission());
    process.accept(pi);
    process.complete(pi, "Task_ReviewLegality", "legal", Map.of("legalReviewResult", "APPROVED"));
    process.complete(pi, "Task_ReviewSecrecy", "reviewer", Map.of("secrecyReviewResult", "APPROVED"));

    // a decision for one document only is no decision
    assertThatThrownBy(() -> process.complete(pi, "Task_ApproveJointly", "leader",
        Map.of("jointApprovalResult", "POLICY_ONLY")))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("同时批准或一并退回");
    // the leader's form only shows the interpretation materials: sending them emptied is refused
    assertThatThrownBy(() -> process.complete(pi, "Task_ApproveJointly", "leader",
        Map.of("jointApprovalResult", "APPROVED", "interpretationMaterials", "")))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("interpretationMaterials")
        .hasMessageContaining("只供查看");

    assertThat(pi).isWaitingAt("Task_ApproveJointly");
    assertThat(row(pi).jointApprovalResult()).isNull();

    // the approval is of the pair the drafter submitted (the register), and the next forms show it again
    process.complete(pi, "Task_ApproveJointly", "leader",
        Map.of("jointApprovalResult", "APPROVED", "jointApprovedOn", "2026-11-16"));
    assertThat(pi).isWaitingAt("Task_RecordPolicyPublication");
    assertThat(row(pi).interpretationMaterials()).startsWith("《楚雄州关于进一步优化营商环境的若干措施》政策解读");
    assertThat(pi).variables().containsEntry("interpretationMaterials", row(pi).interpretationMaterials());
  }

  @Test
  void collectsPublicCommentsBeforeReviewWhenThePolicyTouchesThePublicInterest() {
    Map<String, Object> fields = PolicyFixtures.submission();
    fields.put("publicInterest", true);
    ProcessInstance pi = submitted(fields);
    process.accept(pi);

    assertThat(pi).isWaitingAt("Task_ConductPublicComment");
    assertThat(process.task(pi, "Task_ConductPublicComment")).hasCandidateGroup("drafter");
    assertThatThrownBy(() -> process.complete(pi, "Task_ConductPublicComment", "drafter", Map.of(
        "commentStartOn", "2026-10-12", "commentEndOn", "2026-11-30", "commentCount", 3, "commentAdoption", "x")))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("征求意见截止日期不能晚于今天");
    process.complete(pi, "Task_ConductPublicComment", "drafter", Map.of("commentStartOn", "2026-10-12",
        "commentEndOn", "2026-11-11", "commentCount", 23, "commentAdoption", "采纳18条；5条涉及上位法事项未采纳"));

    assertThat(pi).isWaitingAt("Task_ReviewLegality");
    PolicyCase c = row(pi);
    assertThat(c.commentStartOn()).isEqualTo(date("2026-10-12"));
    assertThat(c.commentEndOn()).isEqualTo(date("2026-11-11"));
    assertThat(c.commentCount()).isEqualTo(23);
    assertThat(c.commentAdoption()).startsWith("采纳18条");

    // a pair returned after the comment period is not put out for comment a second time
    process.complete(pi, "Task_ReviewLegality", "legal",
        Map.of("legalReviewResult", "RETURNED", "legalReviewComment", "请补充采纳情况说明"));
    process.complete(pi, "Task_ReviseSubmission", "drafter", fields);
    process.accept(pi);
    assertThat(pi).isWaitingAt("Task_ReviewLegality");
  }

  @Test
  void archivesWithoutPublicationWhenThePolicyIsNotPublishedProactively() {
    Map<String, Object> fields = PolicyFixtures.submission();
    fields.put("disclosureAttribute", "ON_REQUEST");
    fields.put("disclosureReason", "涉及特定企业，仅向相关企业印发");
    ProcessInstance pi = submitted(fields);
    process.accept(pi);

    process.reviewAndApprove(pi);

    assertThat(pi).isEnded().hasPassed("Task_ArchivePolicy").hasNotPassed("Task_RecordPolicyPublication");
    assertThat(row(pi).status()).isEqualTo(PolicyCaseStatus.CLOSED);
    assertThat(row(pi).policyPublishedOn()).isNull();
  }

  @Test
  void refusesAnInterpretationPublicationThatIsNotLinkedBothWaysOrPrecedesThePolicy() {
    ProcessInstance pi = acceptedAndApproved();
    process.publishPolicy(pi, "2026-11-16");

    Map<String, Object> unlinked = new HashMap<>(Map.of("interpretationPublishedOn", "2026-11-16",
        "interpretationUrl", "https://www.cxz.gov.cn/zcjd/1.html", "policyLinksInterpretation", true,
        "interpretationLinksPolicy", false));
    assertThatThrownBy(() -> process.complete(pi, "Task_PublishInterpretation", "office", unlinked))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("相互链接");
    Map<String, Object> early = new HashMap<>(unlinked);
    early.put("interpretationLinksPolicy", true);
    early.put("interpretationPublishedOn", "2026-11-13");
    assertThatThrownBy(() -> process.complete(pi, "Task_PublishInterpretation", "office", early))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("不能早于政策文件发布日期");

    assertThat(pi).isWaitingAt("Task_PublishInterpretation");
    assertThat(row(pi).interpretationPublishedOn()).isNull();
  }

  @Test
  void marksALateInterpretationOverdueAndCallsTheSupervisorAcrossTheNationalDayHoliday() {
    // given a pair approved and its policy published on Wednesday 2026-09-30, the eve of National Day
    clockAt("2026-09-28T09:00");
    ProcessInstance pi = acceptedAndApproved();
    clockAt("2026-09-30T16:00");
    process.publishPolicy(pi, "2026-09-30");

    // REAL CALENDAR: 10-01..10-07 are holidays, Thu 10-08, Fri 10-09 and the make-up Saturday 10-10 are
    // working days 1-3, so the interpretation is due 2026-10-10 (a weekdays-only count gives 10-05)
    assertThat(pi).variables().containsEntry("interpretationDueOn", "2026-10-10");
    assertThat(process.timer(pi, "BoundaryEvent_InterpretationDeadlinePassed").getDuedate())
        .isEqualTo(beijing("2026-10-11T00:00"));

    // REAL CALENDAR: nothing is late during the holiday nor on the last day at 23:59
    clockAt("2026-10-08T09:00");
    assertThat(process.executableJobs(pi)).isZero();
    clockAt("2026-10-10T23:59");
    assertThat(process.executableJobs(pi)).isZero();

    // when the clock passes 24:00 of the last day and the timer runs
    clockAt("2026-10-11T00:00");
    assertThat(process.executableJobs(pi)).isEqualTo(1);
    process.fireTimer(pi, "BoundaryEvent_InterpretationDeadlinePassed");

    // then the case is overdue, a supervisor gets a 督办 task, and the office can still publish
    assertThat(pi).isWaitingAt("Task_PublishInterpretation", "Task_SuperviseLateInterpretation");
    assertThat(process.task(pi, "Task_SuperviseLateInterpretation")).hasCandidateGroup("supervisor");
    assertThat(pi).variables().containsEntry("overdue", true);
    PolicyCase c = row(pi);
    assertThat(c.overdue()).isTrue();
    assertThat(c.overdueSince()).isEqualTo(date("2026-10-11")); // REAL CALENDAR
    assertThat(c.currentStep()).isEqualTo("Task_PublishInterpretation");
    SupervisedCase supervised = supervision.openCases().stream()
        .filter(s -> s.caseNumber().equals(pi.getBusinessKey())).findFirst().orElseThrow();
    assertThat(supervised.process()).isEqualTo("policy-interpretation");
    assertThat(supervised.currentStepName()).isEqualTo("发布政策解读");
    assertThat(supervised.candidateGroup()).isEqualTo("office");
    assertThat(supervised.receivedOn()).isEqualTo(date("2026-09-28"));
    assertThat(supervised.dueOn()).isEqualTo(date("2026-10-10")); // REAL CALENDAR
    // and it is counted overdue in the supervisors' overview (Cockpit's 督办 panel)
    var board = overview.overview(new cn.gongkai.supervision.SupervisionOverview.Query(
        "policy-interpretation", java.util.Set.of(cn.gongkai.supervision.SupervisionState.OVERDUE), 1, 500));
    assertThat(board.cases().get(cn.gongkai.supervision.SupervisionState.OVERDUE).items())
        .extracting(cn.gongkai.supervision.SupervisionOverview.CaseRow::caseNumber).contains(pi.getBusinessKey());
    assertThat(supervised.overdue()).isTrue();
    assertThat(supervised.paused()).isFalse();
    assertThat(supervised.processInstanceId()).isEqualTo(pi.getId());

    // when the office publishes on Monday 2026-10-12
    clockAt("2026-10-12T10:00");
    process.publishInterpretation(pi, "2026-10-12");

    // then the case is archived as late: 4 working days after the policy (REAL CALENDAR)
    assertThat(pi).isEnded().hasPassed("Task_MarkInterpretationOverdue", "Task_ArchivePolicy");
    assertThat(row(pi).overdue()).isTrue();
    assertThat(row(pi).status()).isEqualTo(PolicyCaseStatus.CLOSED);
    PublishedPair pair = supervision.publishedPairs().stream()
        .filter(p -> p.caseNumber().equals(pi.getBusinessKey())).findFirst().orElseThrow();
    assertThat(pair.workingDaysBetween()).isEqualTo(4); // REAL CALENDAR
    assertThat(pair.interpretationDueOn()).isEqualTo(date("2026-10-10")); // REAL CALENDAR
    assertThat(pair.ruleMet()).isFalse();
    assertThat(supervision.openCases()).extracting(SupervisedCase::caseNumber).doesNotContain(pi.getBusinessKey());
  }

  @Test
  void marksAnInterpretationRecordedLateAsOverdueEvenBeforeTheTimerRan() {
    ProcessInstance pi = acceptedAndApproved();
    process.publishPolicy(pi, "2026-11-16");

    // the office records on Friday 2026-11-20 a publication of that day; no timer job has run yet
    clockAt("2026-11-20T08:00");
    process.publishInterpretation(pi, "2026-11-20");

    assertThat(pi).isEnded().hasNotPassed("Task_MarkInterpretationOverdue");
    assertThat(row(pi).overdue()).isTrue();
    assertThat(row(pi).overdueSince()).isEqualTo(date("2026-11-20"));
  }

  @Test
  void movesAnOpenInterpretationDeadlineWhenItIsComputedAgain() {
    // given an open case whose stored deadline is stale (computed before a calendar year was loaded)
    ProcessInstance pi = acceptedAndApproved();
    process.publishPolicy(pi, "2026-11-16");
    register.moveInterpretationDue(row(pi).id(), date("2026-11-18"), true);
    engine.getManagementService().setJobDuedate(
        process.timer(pi, "BoundaryEvent_InterpretationDeadlinePassed").getId(), beijing("2026-11-19T00:00"));

    // when the deadlines are computed again
    assertThat(clock.recomputeOpenDeadlines("2026年节假日安排更新")).isGreaterThanOrEqualTo(1);

    // then register, variables, timer and task all show the recomputed deadline, and the history says why
    assertThat(row(pi).interpretationDueOn()).isEqualTo(date("2026-11-19"));
    assertThat(row(pi).interpretationDueProvisional()).isFalse();
    assertThat(pi).variables().containsEntry("interpretationDueOn", "2026-11-19")
        .containsEntry("interpretationDueProvisional", false);
    assertThat(process.timer(pi, "BoundaryEvent_InterpretationDeadlinePassed").getDuedate())
        .isEqualTo(beijing("2026-11-20T00:00"));
    assertThat(process.task(pi, "Task_PublishInterpretation").getDueDate()).isEqualTo(beijing("2026-11-19T23:59"));
    assertThat(register.events(row(pi).id())).extracting(PolicyEvent::comment).contains("2026年节假日安排更新");
  }

  // --- issue 10 §1: the receipt, the approval and both publications are facts with their own days ---

  @Test
  void datesTheJointApprovalOnTheDayTheLeaderDecidedNotTheDayItWasEntered() {
    // given a pair submitted and received on Monday 2026-11-16
    ProcessInstance pi = submitted(PolicyFixtures.submission());
    process.accept(pi, "2026-11-16");
    process.complete(pi, "Task_ReviewLegality", "legal", Map.of("legalReviewResult", "APPROVED"));
    process.complete(pi, "Task_ReviewSecrecy", "reviewer", Map.of("secrecyReviewResult", "APPROVED"));

    // when the leader's approval of Tuesday is entered on Thursday 2026-11-19
    clockAt("2026-11-19T09:30");
    process.complete(pi, "Task_ApproveJointly", "leader",
        Map.of("jointApprovalResult", "APPROVED", "jointApprovedOn", "2026-11-17"));

    // then the register keeps the day of the approval and, apart, who entered it when
    PolicyCase approved = row(pi);
    assertThat(approved.jointApprovedOn()).isEqualTo(date("2026-11-17"));
    assertThat(approved.jointApprovedBy()).isEqualTo("leader");
    assertThat(approved.jointApprovedAt().toInstant()).isEqualTo(beijing("2026-11-19T09:30").toInstant());
    assertThat(register.events(approved.id())).filteredOn(e -> e.stepKey().equals("Task_ApproveJointly"))
        .extracting(PolicyEvent::factOn, PolicyEvent::actor).containsExactly(tuple(date("2026-11-17"), "leader"));

    // and a policy published on Wednesday, between the approval and its entry, can be recorded
    process.publishPolicy(pi, "2026-11-18");
    assertThat(pi).isWaitingAt("Task_PublishInterpretation").variables()
        .containsEntry("interpretationDueOn", "2026-11-23");
    assertThat(row(pi).policyPublishedOn()).isEqualTo(date("2026-11-18"));
  }

  @Test
  void countsAnInterpretationOnTimeForAPolicyPublishedOnTheEveOfNationalDayAndEnteredAfterTheHoliday() {
    // given a pair submitted on Monday 2026-09-28; the office and the leader worked on paper over the holiday
    clockAt("2026-09-28T09:00");
    ProcessInstance pi = submitted(PolicyFixtures.submission());

    // when the receipt (09-28) and the approval (09-29) are entered on Thursday 2026-10-08
    clockAt("2026-10-08T09:00");
    process.accept(pi, "2026-09-28");
    process.reviewAndApprove(pi, "2026-09-29");
    // and the policy's publication of Wednesday 2026-09-30 is entered on Friday 2026-10-09
    clockAt("2026-10-09T09:00");
    process.publishPolicy(pi, "2026-09-30");

    // then the deadline runs from the publication: REAL CALENDAR 10-08, 10-09 and the make-up Saturday 10-10
    assertThat(pi).isWaitingAt("Task_PublishInterpretation").variables()
        .containsEntry("interpretationDueOn", "2026-10-10");
    assertThat(row(pi).policyPublishedOn()).isEqualTo(date("2026-09-30"));
    assertThat(row(pi).jointApprovedOn()).isEqualTo(date("2026-09-29"));
    assertThat(row(pi).receivedOn()).isEqualTo(date("2026-09-28"));

    // when the interpretation is published on the make-up Saturday 2026-10-10
    clockAt("2026-10-10T10:00");
    process.publishInterpretation(pi, "2026-10-10");

    // then it is on time: 3 working days after the policy (REAL CALENDAR)
    assertThat(pi).isEnded().hasNotPassed("Task_MarkInterpretationOverdue");
    assertThat(row(pi).overdue()).isFalse();
    PublishedPair pair = supervision.publishedPairs().stream()
        .filter(p -> p.caseNumber().equals(pi.getBusinessKey())).findFirst().orElseThrow();
    assertThat(pair.policyPublishedOn()).isEqualTo(date("2026-09-30"));
    assertThat(pair.workingDaysBetween()).isEqualTo(3);
    assertThat(pair.interpretationDueOn()).isEqualTo(date("2026-10-10"));
    assertThat(pair.ruleMet()).isTrue();
  }

  @Test
  void refusesFactsDatedInTheFutureInChinese() {
    // Monday 2026-11-16 09:00 Beijing: 2026-11-17 has not happened yet
    ProcessInstance pi = submitted(PolicyFixtures.submission());
    assertThatThrownBy(() -> process.accept(pi, "2026-11-17"))
        .isInstanceOf(BadUserRequestException.class).hasMessage("收文日期不能晚于今天（2026-11-16）（receivedOn）");
    assertThat(row(pi).receivedOn()).isNull();
    process.accept(pi, "2026-11-16");
    process.complete(pi, "Task_ReviewLegality", "legal", Map.of("legalReviewResult", "APPROVED"));
    process.complete(pi, "Task_ReviewSecrecy", "reviewer", Map.of("secrecyReviewResult", "APPROVED"));

    assertThatThrownBy(() -> process.complete(pi, "Task_ApproveJointly", "leader",
        Map.of("jointApprovalResult", "APPROVED", "jointApprovedOn", "2026-11-17")))
        .isInstanceOf(BadUserRequestException.class).hasMessage("同步审批日期不能晚于今天（2026-11-16）（jointApprovedOn）");
    assertThat(row(pi).jointApprovalResult()).isNull();
    process.complete(pi, "Task_ApproveJointly", "leader",
        Map.of("jointApprovalResult", "APPROVED", "jointApprovedOn", "2026-11-16"));

    assertThatThrownBy(() -> process.publishPolicy(pi, "2026-11-17"))
        .isInstanceOf(BadUserRequestException.class).hasMessage("政策文件发布日期不能晚于今天（2026-11-16）（policyPublishedOn）");
    process.publishPolicy(pi, "2026-11-16");

    assertThatThrownBy(() -> process.publishInterpretation(pi, "2026-11-17"))
        .isInstanceOf(BadUserRequestException.class).hasMessage("解读发布日期不能晚于今天（2026-11-16）（interpretationPublishedOn）");
    assertThat(pi).isWaitingAt("Task_PublishInterpretation");
    assertThat(row(pi).interpretationPublishedOn()).isNull();
  }

  @Test
  void refusesAFactDatedBeforeTheFactItFollows() {
    // given a pair submitted on Wednesday 2026-11-18, everything entered on Friday 2026-11-20
    clockAt("2026-11-18T09:00");
    ProcessInstance pi = submitted(PolicyFixtures.submission());
    clockAt("2026-11-20T09:00");

    // the office cannot have received it before it was submitted
    assertThatThrownBy(() -> process.accept(pi, "2026-11-17"))
        .isInstanceOf(BadUserRequestException.class).hasMessage("收文日期不能早于报送日期（2026-11-18）（receivedOn）");
    process.accept(pi, "2026-11-18");
    process.complete(pi, "Task_ReviewLegality", "legal", Map.of("legalReviewResult", "APPROVED"));
    process.complete(pi, "Task_ReviewSecrecy", "reviewer", Map.of("secrecyReviewResult", "APPROVED"));

    // nor the leader have approved it before the office received it
    assertThatThrownBy(() -> process.complete(pi, "Task_ApproveJointly", "leader",
        Map.of("jointApprovalResult", "APPROVED", "jointApprovedOn", "2026-11-16")))
        .isInstanceOf(BadUserRequestException.class).hasMessage("同步审批日期不能早于收文日期（2026-11-18）（jointApprovedOn）");
    process.complete(pi, "Task_ApproveJointly", "leader",
        Map.of("jointApprovalResult", "APPROVED", "jointApprovedOn", "2026-11-19"));

    // nor the policy be published before it was approved
    assertThatThrownBy(() -> process.publishPolicy(pi, "2026-11-18"))
        .isInstanceOf(BadUserRequestException.class).hasMessage("政策文件发布日期不能早于同步审批日期（2026-11-19）（policyPublishedOn）");
    assertThat(pi).isWaitingAt("Task_RecordPolicyPublication");
    assertThat(row(pi).policyPublishedOn()).isNull();
  }

  @Test
  void clearsTheOverdueMarkWhenAnInterpretationPublishedOnTimeIsEnteredAfterTheTimerFired() {
    // given a policy published Monday 2026-11-16, interpretation due Thursday 2026-11-19
    ProcessInstance pi = acceptedAndApproved();
    process.publishPolicy(pi, "2026-11-16");
    // and the overdue timer ran at 24:00 because nothing was entered
    process.fireTimer(pi, "BoundaryEvent_InterpretationDeadlinePassed");
    assertThat(row(pi).overdue()).isTrue();
    assertThat(row(pi).overdueSince()).isEqualTo(date("2026-11-20"));

    // when the office enters on Friday morning the interpretation it published on Thursday
    clockAt("2026-11-20T08:30");
    process.publishInterpretation(pi, "2026-11-19");

    // then it was on time: the overdue mark follows the dates, not the timer
    assertThat(pi).isEnded();
    assertThat(row(pi).overdue()).isFalse();
    assertThat(row(pi).overdueSince()).isNull();
    PublishedPair pair = supervision.publishedPairs().stream()
        .filter(p -> p.caseNumber().equals(pi.getBusinessKey())).findFirst().orElseThrow();
    assertThat(pair.ruleMet()).isTrue();
  }

  // --- issue 10 §3: checks read what the drafter submitted (the register), the case by process instance ---

  @Test
  void anIncompleteSubmissionStaysIncompleteWhenTheOfficeSendsAPlanWithItsDecision() {
    // given a pair submitted without an interpretation plan
    ProcessInstance pi = submitted(PolicyFixtures.without("interpretationPlan"));

    // when the office sends a plan of its own with its receipt decision, the field is not its form's
    assertThatThrownBy(() -> process.complete(pi, "Task_ReceiveSubmission", "office", Map.of(
        "receiptDecision", "ACCEPTED", "receivedOn", "2026-11-16", "interpretationPlan", "办公室代填的解读方案")))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("interpretationPlan");
    // and accepting it as it stands is refused: the drafter's submission lacks the plan
    assertThatThrownBy(() -> process.complete(pi, "Task_ReceiveSubmission", "office", Map.of(
        "receiptDecision", "ACCEPTED", "receivedOn", "2026-11-16")))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("不予收文").hasMessageContaining("缺少解读方案");

    // then nothing was received and the register still holds what the drafter submitted
    assertThat(pi).isWaitingAt("Task_ReceiveSubmission");
    assertThat(row(pi).receivedAt()).isNull();
    assertThat(row(pi).interpretationPlan()).isNull();
  }

  @Test
  void theCheckReadsTheRegisterEvenWhenTheVariablesWereOverwritten() {
    // given a pair without a plan whose variables someone overwrote with a plan and the route
    Map<String, Object> fields = PolicyFixtures.without("interpretationPlan");
    fields.put("disclosureAttribute", "NOT_PUBLIC");
    fields.put("disclosureReason", "内部管理事项");
    ProcessInstance pi = submitted(fields);
    engine.getRuntimeService().setVariables(pi.getId(), Map.of("interpretationPlan", "他人写入的解读方案",
        "missingItems", "", "publishedProactively", true));

    // when the office tries to accept it
    assertThatThrownBy(() -> process.accept(pi))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("缺少解读方案");

    // and when it returns it and the drafter resubmits the complete pair, the route is the register's
    process.complete(pi, "Task_ReceiveSubmission", "office", Map.of("receiptDecision", "RETURNED"));
    assertThat(pi).variables().containsEntry("interpretationPlan", null).containsEntry("publishedProactively", false);
    fields.put("interpretationPlan", "解读重点：适用范围");
    process.complete(pi, "Task_ReviseSubmission", "drafter", fields);
    engine.getRuntimeService().setVariable(pi.getId(), "publishedProactively", true);
    process.accept(pi);
    engine.getRuntimeService().setVariable(pi.getId(), "publishedProactively", true);
    process.complete(pi, "Task_ReviewLegality", "legal", Map.of("legalReviewResult", "APPROVED"));
    engine.getRuntimeService().setVariable(pi.getId(), "publishedProactively", true);
    process.complete(pi, "Task_ReviewSecrecy", "reviewer", Map.of("secrecyReviewResult", "APPROVED"));
    engine.getRuntimeService().setVariable(pi.getId(), "publishedProactively", true);
    process.complete(pi, "Task_ApproveJointly", "leader",
        Map.of("jointApprovalResult", "APPROVED", "jointApprovedOn", "2026-11-16"));

    // then a 不予公开 policy is archived unpublished, whatever the variable said
    assertThat(pi).isEnded().hasNotPassed("Task_RecordPolicyPublication");
    assertThat(row(pi).interpretationPlan()).isEqualTo("解读重点：适用范围");
  }

  @Test
  void aStepActsOnTheCaseOfItsProcessInstanceWhateverCaseIdItSends() {
    // given two submitted pairs
    ProcessInstance first = submitted(PolicyFixtures.submission());
    ProcessInstance second = submitted(PolicyFixtures.submission());

    // when the office sends the first one's caseId with its decision, the field is refused
    assertThatThrownBy(() -> process.complete(second, "Task_ReceiveSubmission", "office",
        Map.of("receiptDecision", "ACCEPTED", "receivedOn", "2026-11-16", "caseId", row(first).id())))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("caseId");
    // and when the variable was overwritten anyway (an administrator), the step acts on its own instance
    engine.getRuntimeService().setVariable(second.getId(), "caseId", row(first).id());
    process.complete(second, "Task_ReceiveSubmission", "office",
        Map.of("receiptDecision", "ACCEPTED", "receivedOn", "2026-11-16"));

    // then the second is received, the first untouched and still waiting
    assertThat(row(second).receivedOn()).isEqualTo(date("2026-11-16"));
    assertThat(row(second).currentStep()).isEqualTo("Task_ReviewLegality");
    assertThat(row(first).receivedAt()).isNull();
    assertThat(row(first).currentStep()).isEqualTo("Task_ReceiveSubmission");
    assertThat(register.events(row(first).id())).extracting(PolicyEvent::stepKey)
        .doesNotContain("Task_ReceiveSubmission");
    assertThat(second).variables().containsEntry("caseId", row(second).id());
  }
}

package cn.gongkai.request;

import static cn.gongkai.request.ProcessTestSupport.beijing;
import static cn.gongkai.request.ProcessTestSupport.clockAt;
import static cn.gongkai.request.ProcessTestSupport.date;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** disclosure-request, one test per path (domain §1, §4): where it waits, for whom, what the register says. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DisclosureRequestProcessIT {

  @Autowired ProcessEngine engine;
  @Autowired CaseRegister register;
  @Autowired HistoryService historyService;
  @Autowired cn.gongkai.material.Materials materials;

  ProcessTestSupport process;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    process = new ProcessTestSupport(engine);
    // 2026-09-18 (Fri): the domain file's worked example, reply due 2026-10-22
    clockAt("2026-09-18T10:00");
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  ProcessInstance registered() {
    return process.startAsIntake(CaseFixtures.request("2026-09-18"));
  }

  DisclosureCase row(ProcessInstance instance) {
    return register.findByNumber(instance.getBusinessKey()).orElseThrow();
  }

  /** The case ended archived with that outcome, closed in the register. */
  void assertArchived(ProcessInstance pi, Outcome outcome) {
    assertThat(pi).isEnded().hasPassed("Task_ArchiveCase", "EndEvent_CaseArchived");
    DisclosureCase c = row(pi);
    assertThat(c.status()).isEqualTo(CaseStatus.CLOSED);
    assertThat(c.outcome()).isEqualTo(outcome);
    assertThat(c.archivedAt()).isNotNull();
    assertThat(c.currentStepName()).isEqualTo("已归档");
  }

  void screenAccepted(ProcessInstance pi) {
    process.complete(pi, "Task_ScreenRequest", "intake", Map.of("screeningDecision", "ACCEPT"));
  }

  void decide(ProcessInstance pi, String outcome, String exemption) {
    if ("PARTIAL".equals(outcome) && materials.list(pi.getBusinessKey()).isEmpty()) {
      // a partial disclosure withholds what its marks cover, on the grounds they cite (区分处理)
      var m = materials.attach(pi.getBusinessKey(), "招标公告.pdf", cn.gongkai.testing.ReleaseSamples.tenderNotice(),
          "handler");
      materials.redact(m.id(), java.util.List.of(
          new cn.gongkai.material.MarkRequest(null, null, "11010519491231002X", exemption)), "handler");
    }
    Map<String, Object> vars = new HashMap<>();
    vars.put("nextAction", "DECIDE");
    vars.put("outcome", outcome);
    vars.put("exemptionCode", exemption);
    vars.put("decisionReason", "经检索作出决定");
    vars.put("provisionGuidance", "请于收到本答复之日起到本机关政府信息公开查阅点领取");
    vars.put("decisionArticles", "《中华人民共和国政府信息公开条例》第三十六条");
    if ("NOT_THIS_AGENCY".equals(outcome)) {
      vars.put("competentAgency", "楚雄市住房和城乡建设局，电话0878-0000000");
    }
    process.complete(pi, "Task_HandleRequest", "handler", vars);
  }

  /** The secrecy reviewer approves every redaction mark of the case's files. */
  void approveMarks(ProcessInstance pi) {
    for (var m : materials.list(pi.getBusinessKey())) {
      materials.review(m.id(), materials.marks(m.id()).stream()
          .map(k -> new cn.gongkai.material.MarkReview(k.id(), true, null)).toList(), "reviewer");
    }
  }

  void signOffAndDeliver(ProcessInstance pi) {
    process.complete(pi, "Task_SignOffReply", "leader",
        Map.of("signOffResult", "APPROVED", "signedOn", today()));
    deliver(pi);
  }

  /** Delivered by e-mail today (the engine clock's Beijing date). */
  void deliver(ProcessInstance pi) {
    process.complete(pi, "Task_DeliverReply", "intake", Map.of("replyDeliveryMethod", "EMAIL", "repliedOn", today()));
  }

  static String today() {
    return java.time.LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ProcessTestSupport.BEIJING)
        .toString();
  }

  @Test
  void registersTheRequestWithANumberAndWaitsForScreeningByIntake() {
    // when intake staff register a request
    ProcessInstance pi = registered();

    // then the case number is the business key and the case waits for screening by intake
    assertThat(pi.getBusinessKey()).matches("〔2026〕第\\d+号");
    assertThat(pi).isWaitingAt("Task_ScreenRequest");
    assertThat(process.task(pi, "Task_ScreenRequest")).hasCandidateGroup("intake");
    assertThat(pi).variables()
        .containsEntry("caseNumber", pi.getBusinessKey())
        .containsEntry("receivedOn", "2026-09-18")
        .containsEntry("replyDueOn", "2026-10-22")
        .doesNotContainKeys("idNumber", "phone", "address", "applicantName", "email", "idType");
    DisclosureCase c = row(pi);
    assertThat(c.idNumber()).isEqualTo(CaseFixtures.ID_NUMBER);
    assertThat(c.status()).isEqualTo(CaseStatus.OPEN);
    assertThat(c.currentStep()).isEqualTo("Task_ScreenRequest");
    assertThat(c.replyDueOn()).isEqualTo(date("2026-10-22"));
    assertThat(c.registeredBy()).isEqualTo("intake");
    // the screening task is due when the correction notice would be (7 working days, 条例第三十条)
    assertThat(process.task(pi, "Task_ScreenRequest").getDueDate()).isEqualTo(beijing("2026-09-29T23:59"));
  }

  @Test
  void keepsPersonalDataOutOfEngineHistory() {
    ProcessInstance pi = registered();

    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableNameIn("idNumber", "phone", "address", "applicantName", "email", "idType").count()).isZero();
    assertThat(historyService.createHistoricDetailQuery().processInstanceId(pi.getId()).list())
        .noneMatch(d -> d.toString().contains(CaseFixtures.ID_NUMBER) || d.toString().contains("13812345678"));
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName("caseNumber").count()).isEqualTo(1);
  }

  @Test
  void disclosesAfterSecrecyReviewAndSignOff() {
    ProcessInstance pi = registered();
    screenAccepted(pi);
    assertThat(process.task(pi, "Task_HandleRequest")).hasCandidateGroup("handler");

    decide(pi, "DISCLOSE", null);

    assertThat(pi).isWaitingAt("Task_SecrecyReview");
    assertThat(process.task(pi, "Task_SecrecyReview")).hasCandidateGroup("reviewer");
    process.complete(pi, "Task_SecrecyReview", "reviewer", Map.of("secrecyReviewResult", "APPROVED"));
    assertThat(pi).isWaitingAt("Task_SignOffReply");
    assertThat(process.task(pi, "Task_SignOffReply")).hasCandidateGroup("leader");
    signOffAndDeliver(pi);

    assertThat(pi).isEnded().hasPassedInOrder("Task_SecrecyReview", "Task_SignOffReply", "Task_DeliverReply",
        "EndEvent_Replied", "Task_ArchiveCase", "EndEvent_CaseArchived").hasNotPassed("Task_LegalReview");
    DisclosureCase c = row(pi);
    assertThat(c.status()).isEqualTo(CaseStatus.CLOSED);
    assertThat(c.outcome()).isEqualTo(Outcome.DISCLOSE);
    assertThat(c.handledBy()).isEqualTo("handler");
    assertThat(c.repliedOn()).isEqualTo(date("2026-09-18"));
    assertThat(c.replyDeliveryMethod()).isEqualTo(ReplyDeliveryMethod.EMAIL);
    assertThat(c.secrecyReviewedAt()).isNotNull();
    assertThat(c.archivedAt()).isNotNull();
    assertThat(register.events(c.id())).extracting(CaseEvent::stepKey, CaseEvent::actor).containsSubsequence(
        org.assertj.core.groups.Tuple.tuple("Task_RegisterRequest", "intake"),
        org.assertj.core.groups.Tuple.tuple("Task_ScreenRequest", "intake"),
        org.assertj.core.groups.Tuple.tuple("Task_HandleRequest", "handler"),
        org.assertj.core.groups.Tuple.tuple("Task_SecrecyReview", "reviewer"),
        org.assertj.core.groups.Tuple.tuple("Task_SignOffReply", "leader"),
        org.assertj.core.groups.Tuple.tuple("Task_DeliverReply", "intake"));
  }

  @Test
  void partialDisclosurePassesSecrecyReviewThenLegalReview() {
    ProcessInstance pi = registered();
    screenAccepted(pi);
    decide(pi, "PARTIAL", "THIRD_PARTY");

    approveMarks(pi);
    process.complete(pi, "Task_SecrecyReview", "reviewer", Map.of("secrecyReviewResult", "APPROVED"));
    assertThat(pi).isWaitingAt("Task_LegalReview");
    assertThat(process.task(pi, "Task_LegalReview")).hasCandidateGroup("legal");
    process.complete(pi, "Task_LegalReview", "legal", Map.of("legalReviewResult", "APPROVED"));
    signOffAndDeliver(pi);

    assertThat(pi).hasPassed("Task_SecrecyReview", "Task_LegalReview");
    assertArchived(pi, Outcome.PARTIAL);
    assertThat(row(pi).outcomeCode()).isEqualTo("THIRD_PARTY");
  }

  @Test
  void refusalGoesToLegalReviewWithoutSecrecyReview() {
    ProcessInstance pi = registered();
    screenAccepted(pi);
    decide(pi, "REFUSE", "PROCESS_INFO");

    assertThat(pi).isWaitingAt("Task_LegalReview");
    process.complete(pi, "Task_LegalReview", "legal", Map.of("legalReviewResult", "APPROVED"));
    signOffAndDeliver(pi);

    assertThat(pi).hasNotPassed("Task_SecrecyReview");
    assertArchived(pi, Outcome.REFUSE);
    assertThat(row(pi).outcomeCode()).isEqualTo("PROCESS_INFO");
  }

  @Test
  void refusesARefusalWithoutAnExemptionCode() {
    ProcessInstance pi = registered();
    screenAccepted(pi);

    assertThatThrownBy(() -> decide(pi, "REFUSE", null))
        .isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("不予公开的理由为必填项");
    assertThat(pi).isWaitingAt("Task_HandleRequest");
  }

  @ParameterizedTest(name = "{0} goes straight to sign-off")
  @CsvSource({"ALREADY_PUBLIC", "NOT_EXIST", "NOT_THIS_AGENCY", "NEEDS_CREATION", "OTHER"})
  void answersWithoutReleasingInformationAfterSignOff(String outcome) {
    ProcessInstance pi = registered();
    screenAccepted(pi);
    decide(pi, outcome, null);

    assertThat(pi).isWaitingAt("Task_SignOffReply");
    signOffAndDeliver(pi);

    assertThat(pi).hasNotPassed("Task_SecrecyReview", "Task_LegalReview");
    assertArchived(pi, Outcome.valueOf(outcome));
    if (outcome.equals("NOT_THIS_AGENCY")) {
      assertThat(row(pi).competentAgency()).startsWith("楚雄市住房和城乡建设局");
    }
  }

  @ParameterizedTest(name = "{0} is closed at screening with a notice")
  @CsvSource({"PETITION", "PUBLICATION", "REPEAT", "CONFIRM_REISSUE"})
  void closesARequestThatIsNotHandledAsDisclosureAtScreening(String closing) {
    ProcessInstance pi = registered();

    process.complete(pi, "Task_ScreenRequest", "intake",
        Map.of("screeningDecision", "CLOSE", "closingOutcome", closing, "screeningComment", "请向信访部门反映",
            "decisionArticles", "《信访工作条例》第十七条"));

    assertThat(pi).isWaitingAt("Task_DeliverReply");
    deliver(pi);
    assertThat(pi).hasNotPassed("Task_HandleRequest");
    assertArchived(pi, Outcome.valueOf(closing));
  }

  @Test
  void restartsTheReplyClockInFullWhenTheCorrectionIsReceived() {
    ProcessInstance pi = registered();
    process.complete(pi, "Task_ScreenRequest", "intake", Map.of("screeningDecision", "NEEDS_CORRECTION"));
    assertThat(pi).isWaitingAt("Task_SendCorrectionNotice");
    clockAt("2026-09-21T09:00");
    process.complete(pi, "Task_SendCorrectionNotice", "intake",
        Map.of("correctionItems", "请写明所需文件的名称或文号", "correctionNoticeDeliveredOn", "2026-09-21"));

    // the applicant has 15 working days from receipt of the notice: 2026-09-21 + 15 WD = 2026-10-19
    assertThat(pi).isWaitingAt("Task_RegisterCorrection");
    assertThat(process.timer(pi, "BoundaryEvent_CorrectionPeriodExpired").getDuedate())
        .isEqualTo(beijing("2026-10-20T00:00"));
    assertThat(row(pi).pauseReason()).isEqualTo("CORRECTION");

    // when the corrected request arrives on 2026-09-25
    clockAt("2026-09-25T09:00");
    process.complete(pi, "Task_RegisterCorrection", "intake",
        Map.of("correctedOn", "2026-09-25", "correctedDescription", "楚建〔2025〕12号文件"));

    // then the case is screened again and the reply clock restarts in full: 2026-09-25 + 20 WD = 2026-10-29
    assertThat(pi).isWaitingAt("Task_ScreenRequest");
    DisclosureCase c = row(pi);
    assertThat(c.correctionCount()).isEqualTo(1);
    assertThat(c.description()).isEqualTo("楚建〔2025〕12号文件");
    assertThat(c.replyDueOn()).isEqualTo(date("2026-10-29"));
    assertThat(c.pausedSince()).isNull();
    assertThat(pi).variables().containsEntry("replyDueOn", "2026-10-29");
    assertThat(process.timer(pi, "BoundaryEvent_ReplyDeadlinePassed").getDuedate())
        .isEqualTo(beijing("2026-10-30T00:00"));
    screenAccepted(pi);
    assertThat(pi).isWaitingAt("Task_HandleRequest");
  }

  @Test
  void deemsTheRequestWithdrawnWhenNoCorrectionArrivesInTime() {
    ProcessInstance pi = registered();
    process.complete(pi, "Task_ScreenRequest", "intake", Map.of("screeningDecision", "NEEDS_CORRECTION"));
    clockAt("2026-09-21T09:00");
    process.complete(pi, "Task_SendCorrectionNotice", "intake",
        Map.of("correctionItems", "请写明所需文件的名称", "correctionNoticeDeliveredOn", "2026-09-21"));

    process.fireTimer(pi, "BoundaryEvent_CorrectionPeriodExpired");

    assertThat(pi).hasPassed("Task_RecordWithdrawal", "EndEvent_RequestWithdrawn").hasNotPassed("Task_HandleRequest");
    assertArchived(pi, Outcome.NO_CORRECTION);
  }

  @Test
  void closesAsStillUnclearAfterCorrection() {
    ProcessInstance pi = registered();
    process.complete(pi, "Task_ScreenRequest", "intake", Map.of("screeningDecision", "NEEDS_CORRECTION"));
    clockAt("2026-09-21T09:00");
    process.complete(pi, "Task_SendCorrectionNotice", "intake",
        Map.of("correctionItems", "请写明所需文件的名称", "correctionNoticeDeliveredOn", "2026-09-21"));
    clockAt("2026-09-22T09:00");
    process.complete(pi, "Task_RegisterCorrection", "intake",
        Map.of("correctedOn", "2026-09-22", "correctedDescription", "所有文件"));

    process.complete(pi, "Task_ScreenRequest", "intake",
        Map.of("screeningDecision", "CLOSE", "closingOutcome", "UNCLEAR_AFTER_CORRECTION",
            "screeningComment", "补正后仍无法确定所需信息"));
    // the reply goes out the day it was decided (a fact is never dated in the future)
    process.complete(pi, "Task_DeliverReply", "intake",
        Map.of("replyDeliveryMethod", "EMAIL", "repliedOn", "2026-09-22"));

    assertArchived(pi, Outcome.UNCLEAR_AFTER_CORRECTION);
  }

  @Test
  void refusesToHandleAnUnreasonableVolumeWhenTheReasonsDoNotHold() {
    ProcessInstance pi = registered();
    process.complete(pi, "Task_ScreenRequest", "intake", Map.of("screeningDecision", "UNREASONABLE_VOLUME"));
    assertThat(pi).isWaitingAt("Task_ReviewVolumeReasons");

    process.complete(pi, "Task_ReviewVolumeReasons", "intake",
        Map.of("volumeReasonsDecision", "REJECTED", "volumeReasons", "未说明理由"));

    assertThat(pi).isWaitingAt("Task_DeliverReply");
    deliver(pi);
    assertThat(pi).hasPassed("Task_RecordVolumeRefusal");
    assertArchived(pi, Outcome.UNREASONABLE_VOLUME);
  }

  @Test
  void handlesAnUnreasonableVolumeWithinADelayedPeriodWhenTheReasonsHold() {
    ProcessInstance pi = registered();
    process.complete(pi, "Task_ScreenRequest", "intake", Map.of("screeningDecision", "UNREASONABLE_VOLUME"));

    process.complete(pi, "Task_ReviewVolumeReasons", "intake",
        Map.of("volumeReasonsDecision", "ACCEPTED", "volumeReasons", "课题研究需要", "delayedReplyOn", "2026-12-31"));

    assertThat(pi).isWaitingAt("Task_HandleRequest");
    assertThat(row(pi).replyDueOn()).isEqualTo(date("2026-12-31"));
  }

  @Test
  void returnsToTheHandlerWhenTheSecrecyReviewFailsThenApproves() {
    ProcessInstance pi = registered();
    screenAccepted(pi);
    decide(pi, "DISCLOSE", null);

    process.complete(pi, "Task_SecrecyReview", "reviewer",
        Map.of("secrecyReviewResult", "RETURNED", "secrecyReviewComment", "第3页含涉密内容，请删除"));

    assertThat(pi).isWaitingAt("Task_HandleRequest");
    assertThat(pi).variables().containsEntry("secrecyReviewComment", "第3页含涉密内容，请删除");
    decide(pi, "PARTIAL", "STATE_SECRET");
    approveMarks(pi);
    process.complete(pi, "Task_SecrecyReview", "reviewer",
        Map.of("secrecyReviewResult", "APPROVED", "secrecyReviewComment", ""));
    process.complete(pi, "Task_LegalReview", "legal", Map.of("legalReviewResult", "APPROVED"));
    signOffAndDeliver(pi);
    assertArchived(pi, Outcome.PARTIAL);
  }

  @Test
  void returnsToTheHandlerWhenLegalReviewOrSignOffReturns() {
    ProcessInstance pi = registered();
    screenAccepted(pi);
    decide(pi, "REFUSE", "INTERNAL_AFFAIRS");
    process.complete(pi, "Task_LegalReview", "legal",
        Map.of("legalReviewResult", "RETURNED", "legalReviewComment", "适用条款有误"));
    assertThat(pi).isWaitingAt("Task_HandleRequest");
    decide(pi, "REFUSE", "PROCESS_INFO");
    process.complete(pi, "Task_LegalReview", "legal", Map.of("legalReviewResult", "APPROVED"));

    process.complete(pi, "Task_SignOffReply", "leader",
        Map.of("signOffResult", "RETURNED", "signOffComment", "理由表述不充分"));

    assertThat(pi).isWaitingAt("Task_HandleRequest");
  }

  @Test
  void refusesAReturnWithoutReasons() {
    ProcessInstance pi = registered();
    screenAccepted(pi);
    decide(pi, "DISCLOSE", null);

    assertThatThrownBy(() -> process.complete(pi, "Task_SecrecyReview", "reviewer",
        Map.of("secrecyReviewResult", "RETURNED")))
        .isInstanceOf(BadUserRequestException.class)
        .hasMessage("退回时必须写明理由");
  }

  @Test
  void forbidsTheHandlerToReviewTheirOwnCase() {
    // given a user who is both handler and reviewer handled the case
    engine.getIdentityService().createMembership("handler", "reviewer");
    try {
      ProcessInstance pi = registered();
      screenAccepted(pi);
      decide(pi, "DISCLOSE", null);

      // then they can neither claim nor complete its secrecy review
      String taskId = process.task(pi, "Task_SecrecyReview").getId();
      assertThatThrownBy(() -> process.as("handler", () -> {
        engine.getTaskService().claim(taskId, "handler");
        return null;
      })).isInstanceOf(org.camunda.bpm.engine.ProcessEngineException.class).hasMessageContaining("不得审查本人承办的案件");
      assertThatThrownBy(() -> process.complete(pi, "Task_SecrecyReview", "handler",
          Map.of("secrecyReviewResult", "APPROVED")))
          .isInstanceOf(BadUserRequestException.class);
      assertThat(pi).isWaitingAt("Task_SecrecyReview");
    } finally {
      engine.getIdentityService().deleteMembership("handler", "reviewer");
    }
  }

  @Test
  void pausesTheReplyClockWhileTheThirdPartyIsConsulted() {
    ProcessInstance pi = registered();
    screenAccepted(pi);
    clockAt("2026-09-21T09:00");

    process.complete(pi, "Task_HandleRequest", "handler", Map.of("nextAction", "CONSULT_THIRD_PARTY",
        "consultedParty", "某建筑公司", "consultationSentOn", "2026-09-21"));

    assertThat(pi).isWaitingAt("Task_ConsultThirdParty");
    assertThat(process.task(pi, "Task_ConsultThirdParty")).hasCandidateGroup("handler");
    assertThat(row(pi).pauseReason()).isEqualTo("CONSULT_THIRD_PARTY");
    // while paused the deadline timers wait at a date that never comes
    assertThat(process.timer(pi, "BoundaryEvent_ReplyDeadlinePassed").getDuedate())
        .isEqualTo(cn.gongkai.request.internal.ReplyClock.PAUSED);

    // the answer arrives on 2026-09-24: Tue, Wed, Thu = 3 working days not counted
    clockAt("2026-09-24T15:00");
    process.complete(pi, "Task_ConsultThirdParty", "handler", Map.of("thirdPartyAnswer", "OBJECT",
        "thirdPartyOpinion", "涉及商业秘密", "answerReceivedOn", "2026-09-24"));

    assertThat(pi).isWaitingAt("Task_HandleRequest");
    DisclosureCase c = row(pi);
    assertThat(c.pausedWorkingDays()).isEqualTo(3);
    assertThat(c.replyDueOn()).isEqualTo(date("2026-10-27"));
    assertThat(process.timer(pi, "BoundaryEvent_ReplyDeadlinePassed").getDuedate())
        .isEqualTo(beijing("2026-10-28T00:00"));
    assertThat(process.task(pi, "Task_HandleRequest").getDueDate()).isEqualTo(beijing("2026-10-27T23:59"));
  }

  @Test
  void leavesTheDecisionToTheAgencyWhenTheThirdPartyStaysSilent() {
    ProcessInstance pi = registered();
    screenAccepted(pi);
    process.complete(pi, "Task_HandleRequest", "handler", Map.of("nextAction", "CONSULT_THIRD_PARTY",
        "consultedParty", "某建筑公司", "consultationSentOn", "2026-09-18"));

    process.fireTimer(pi, "BoundaryEvent_ThirdPartySilent");

    assertThat(pi).isWaitingAt("Task_HandleRequest").variables().containsEntry("thirdPartyAnswer", "NO_ANSWER");
    assertThat(row(pi).pausedSince()).isNull();
  }

  @Test
  void treatsACoProducingAgencysSilenceAsConsent() {
    ProcessInstance pi = registered();
    screenAccepted(pi);
    process.complete(pi, "Task_HandleRequest", "handler", Map.of("nextAction", "CONSULT_AGENCY",
        "consultedParty", "楚雄州财政局", "consultationSentOn", "2026-09-18"));
    assertThat(pi).isWaitingAt("Task_ConsultAgency");
    assertThat(row(pi).pauseReason()).isEqualTo("CONSULT_AGENCY");

    process.fireTimer(pi, "BoundaryEvent_AgencySilent");

    assertThat(pi).isWaitingAt("Task_HandleRequest").variables().containsEntry("agencyAnswer", "NO_ANSWER");
  }

  @Test
  void recordsACoProducingAgencysAnswer() {
    ProcessInstance pi = registered();
    screenAccepted(pi);
    process.complete(pi, "Task_HandleRequest", "handler", Map.of("nextAction", "CONSULT_AGENCY",
        "consultedParty", "楚雄州财政局", "consultationSentOn", "2026-09-18"));

    clockAt("2026-09-22T09:00");
    process.complete(pi, "Task_ConsultAgency", "handler",
        Map.of("agencyAnswer", "AGREE", "agencyOpinion", "同意公开", "answerReceivedOn", "2026-09-22"));

    // 2026-09-20 is a Sunday worked in lieu of National Day: Sun, Mon, Tue = 3 working days not counted
    assertThat(pi).isWaitingAt("Task_HandleRequest").variables().containsEntry("agencyAnswer", "AGREE");
    assertThat(row(pi).pausedWorkingDays()).isEqualTo(3);
  }

  @Test
  void extendsTheReplyDeadlineWithTheLeadersApprovalAndTellsTheApplicant() {
    ProcessInstance pi = registered();
    screenAccepted(pi);
    process.complete(pi, "Task_HandleRequest", "handler",
        Map.of("nextAction", "REQUEST_EXTENSION", "extensionReason", "档案需调取"));
    assertThat(pi).isWaitingAt("Task_ApproveExtension");
    assertThat(process.task(pi, "Task_ApproveExtension")).hasCandidateGroup("leader");

    process.complete(pi, "Task_ApproveExtension", "leader",
        Map.of("extensionDecision", "APPROVED", "extensionWorkingDays", 20, "extensionApprovedOn", "2026-09-18"));

    // 2026-09-18 + 40 WD = 2026-11-19 (domain §2 worked example)
    assertThat(pi).isWaitingAt("Task_NotifyExtension");
    assertThat(process.task(pi, "Task_NotifyExtension")).hasCandidateGroup("intake");
    assertThat(row(pi).replyDueOn()).isEqualTo(date("2026-11-19"));
    assertThat(row(pi).extensionWorkingDays()).isEqualTo(20);
    assertThat(process.timer(pi, "BoundaryEvent_ReplyDeadlinePassed").getDuedate())
        .isEqualTo(beijing("2026-11-20T00:00"));
    assertThat(process.task(pi, "Task_NotifyExtension").getDueDate()).isEqualTo(beijing("2026-11-19T23:59"));
    process.complete(pi, "Task_NotifyExtension", "intake", Map.of("extensionNoticeSentOn", "2026-09-18"));
    assertThat(pi).isWaitingAt("Task_HandleRequest");
  }

  @Test
  void refusesAnExtensionLongerThanTwentyWorkingDays() {
    ProcessInstance pi = registered();
    screenAccepted(pi);
    process.complete(pi, "Task_HandleRequest", "handler",
        Map.of("nextAction", "REQUEST_EXTENSION", "extensionReason", "档案需调取"));

    assertThatThrownBy(() -> process.complete(pi, "Task_ApproveExtension", "leader",
        Map.of("extensionDecision", "APPROVED", "extensionWorkingDays", 21)))
        .isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("最长不得超过20个工作日");
  }

  @Test
  void deemsTheRequestWithdrawnWhenTheFeeIsNotPaidInTime() {
    ProcessInstance pi = registered();
    screenAccepted(pi);
    process.complete(pi, "Task_HandleRequest", "handler", Map.of("nextAction", "CHARGE_FEE",
        "feeBasis", "PAGES", "feeQuantity", 100, "feeNoticeDeliveredOn", "2026-09-18"));

    assertThat(pi).isWaitingAt("Task_RegisterFeePayment");
    assertThat(row(pi).feeAmount()).isEqualByComparingTo("700");
    assertThat(row(pi).pauseReason()).isEqualTo("FEE");
    // 20 working days from the day after the notice: 2026-10-22, the window ends at its 24:00
    assertThat(process.timer(pi, "BoundaryEvent_FeePeriodExpired").getDuedate())
        .isEqualTo(beijing("2026-10-23T00:00"));

    process.fireTimer(pi, "BoundaryEvent_FeePeriodExpired");

    assertThat(pi).hasPassed("Task_RecordFeeUnpaid", "EndEvent_FeeNotPaid");
    assertArchived(pi, Outcome.FEE_UNPAID);
  }

  @Test
  void resumesTheClockWhenTheFeeIsPaid() {
    ProcessInstance pi = registered();
    screenAccepted(pi);
    process.complete(pi, "Task_HandleRequest", "handler", Map.of("nextAction", "CHARGE_FEE",
        "feeBasis", "PAGES", "feeQuantity", 40, "feeNoticeDeliveredOn", "2026-09-18"));

    clockAt("2026-09-22T09:00");
    process.complete(pi, "Task_RegisterFeePayment", "intake", Map.of("feePaidOn", "2026-09-22"));

    assertThat(pi).isWaitingAt("Task_HandleRequest");
    DisclosureCase c = row(pi);
    assertThat(c.feePaidOn()).isEqualTo(date("2026-09-22"));
    // paused from the notice (Fri 09-18) to payment (Tue 09-22), Sunday 09-20 being a make-up working day
    assertThat(c.pausedWorkingDays()).isEqualTo(3);
    assertThat(c.replyDueOn()).isEqualTo(date("2026-10-27"));
  }

  @Test
  void refusesAFeeWhenTheTariffChargesNothing() {
    ProcessInstance pi = registered();
    screenAccepted(pi);

    assertThatThrownBy(() -> process.complete(pi, "Task_HandleRequest", "handler", Map.of("nextAction",
        "CHARGE_FEE", "feeBasis", "PAGES", "feeQuantity", 30, "feeNoticeDeliveredOn", "2026-09-18")))
        .isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("无需收费");
  }

  @Test
  void remindsThenMarksOverdueAndCallsTheSupervisorWhileHandlingContinues() {
    ProcessInstance pi = registered();
    screenAccepted(pi);

    // reminder 3 working days before 2026-10-22: 2026-10-19 09:00
    assertThat(process.timer(pi, "BoundaryEvent_ReplyDeadlineNear").getDuedate())
        .isEqualTo(beijing("2026-10-19T09:00"));
    process.fireTimer(pi, "BoundaryEvent_ReplyDeadlineNear");
    assertThat(register.events(row(pi).id())).extracting(CaseEvent::stepKey).contains("Task_RemindHandlers");

    // not overdue on the last day at 23:59, overdue at 00:00 of the next day
    clockAt("2026-10-22T23:59");
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).executable().count())
        .isZero();
    clockAt("2026-10-23T00:00");
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).executable().count())
        .isEqualTo(1);
    process.fireTimer(pi, "BoundaryEvent_ReplyDeadlinePassed");

    assertThat(pi).isWaitingAt("Task_HandleRequest", "Task_SuperviseOverdueCase");
    assertThat(process.task(pi, "Task_SuperviseOverdueCase")).hasCandidateGroup("supervisor");
    assertThat(row(pi).overdue()).isTrue();
    assertThat(row(pi).overdueSince()).isEqualTo(date("2026-10-23"));
    assertThat(row(pi).currentStep()).isEqualTo("Task_HandleRequest");
    assertThat(pi).variables().containsEntry("overdue", true);
  }
}

package cn.gongkai.casestudy;

import static cn.gongkai.testing.EngineDriver.beijing;
import static cn.gongkai.testing.EngineDriver.clockAt;
import static cn.gongkai.testing.EngineDriver.date;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.gongkai.supervision.SupervisionOverview;
import cn.gongkai.supervision.SupervisionState;
import cn.gongkai.testing.EngineDriver;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
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
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * disclosure-case-study (依申请公开案例入库, 云政办发〔2019〕55号 item 74), one test per path: where it waits, for
 * whom, what the register and the case library say. Dates lie in November 2026, which has no holiday.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DisclosureCaseStudyProcessIT {

  /** The GB 11643 standard's own example number: the source case's applicant. */
  static final String APPLICANT_ID = "11010519491231002X";

  @Autowired ProcessEngine engine;
  @Autowired CaseStudyRegister register;
  @Autowired SupervisionOverview overview;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;
  @Autowired TestRestTemplate rest;

  private final ObjectMapper json = new ObjectMapper();

  EngineDriver process;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    process = new EngineDriver(engine);
    // Monday 2026-11-16: no holiday in the weeks after
    clockAt("2026-11-16T09:00");
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  static String today() {
    return CaseStudyClock.today().toString();
  }

  /** A disclosure request by 张三, registered and screened, still open. */
  ProcessInstance openRequest() {
    Map<String, Object> fields = new HashMap<>();
    fields.put("applicantType", "NATURAL_PERSON");
    fields.put("applicantName", "张三");
    fields.put("idType", "ID_CARD");
    fields.put("idNumber", APPLICANT_ID);
    fields.put("phone", "13812345678");
    fields.put("address", "云南省楚雄彝族自治州楚雄市鹿城镇某路1号");
    fields.put("email", "zhangsan@example.cn");
    fields.put("channel", "IN_PERSON");
    fields.put("receivedOn", today());
    fields.put("description", "2025年度楚雄市城市道路维修工程招标文件");
    fields.put("purpose", "了解工程情况");
    fields.put("provisionForm", "ELECTRONIC");
    fields.put("deliveryMethod", "EMAIL");
    ProcessInstance pi = process.startAs("intake", "disclosure-request", fields);
    process.complete(pi, "Task_ScreenRequest", "intake", Map.of("screeningDecision", "ACCEPT"));
    return pi;
  }

  /** The same request refused as process information (过程性信息), signed off and delivered: closed. */
  ProcessInstance closedRequest() {
    ProcessInstance pi = openRequest();
    Map<String, Object> decision = new HashMap<>();
    decision.put("nextAction", "DECIDE");
    decision.put("outcome", "REFUSE");
    decision.put("exemptionCode", "PROCESS_INFO");
    decision.put("decisionReason", "所申请信息属于尚在讨论中的过程性信息");
    decision.put("provisionGuidance", "无");
    decision.put("decisionArticles", "《中华人民共和国政府信息公开条例》第十六条第二款");
    process.complete(pi, "Task_HandleRequest", "handler", decision);
    process.complete(pi, "Task_LegalReview", "legal", Map.of("legalReviewResult", "APPROVED"));
    process.complete(pi, "Task_SignOffReply", "leader", Map.of("signOffResult", "APPROVED", "signedOn", today()));
    process.complete(pi, "Task_DeliverReply", "intake", Map.of("replyDeliveryMethod", "EMAIL", "repliedOn", today()));
    assertThat(pi).isEnded();
    return pi;
  }

  ProcessInstance proposed(ProcessInstance source) {
    return process.startAs("office", CaseStudyVariables.PROCESS_KEY,
        Map.of("sourceCaseNumber", source.getBusinessKey()));
  }

  /** A de-identified case study as the handler writes it. */
  static Map<String, Object> draft() {
    Map<String, Object> fields = new HashMap<>();
    fields.put("questionType", "HANDLING");
    fields.put("requestSummary", "某申请人申请公开某市道路维修工程招标文件及评标过程记录");
    fields.put("decisionSummary", "评标过程记录不予公开，告知申请人理由和救济途径");
    fields.put("decisionReason", "评标过程记录属于行政机关在履行行政管理职能过程中形成的讨论记录、过程稿，属于过程性信息");
    fields.put("legalBasis", "《中华人民共和国政府信息公开条例》第十六条第二款、第三十六条第（三）项");
    fields.put("lessons", "过程性信息的认定应看其是否处于讨论、研究或者审查过程中；决定作出后，相关信息不再当然属于过程性信息。");
    fields.put("proactiveReleaseProposed", false);
    return fields;
  }

  CaseStudy row(ProcessInstance pi) {
    return register.findByProcessInstance(pi.getId()).orElseThrow();
  }

  @Test
  void publishesAReviewedCaseStudyIntoTheLibrary() {
    // given a closed request, refused as process information
    ProcessInstance source = closedRequest();

    // when the office proposes it for the case library
    ProcessInstance pi = proposed(source);

    // then it is numbered, the decision is copied from the case, and the handler writes the case study
    assertThat(pi.getBusinessKey()).matches("案例〔2026〕第\\d+号");
    assertThat(pi).isWaitingAt("Task_DraftCaseStudy");
    assertThat(process.task(pi, "Task_DraftCaseStudy")).hasCandidateGroup("handler");
    assertThat(pi).variables().containsEntry("sourceCaseNumber", source.getBusinessKey())
        .containsEntry("outcome", "REFUSE").containsEntry("outcomeLabel", "不予公开")
        .containsEntry("exemptionCode", "PROCESS_INFO").containsEntry("exemptionLabel", "属于四类过程性信息")
        .containsEntry("legalBasis", "《中华人民共和国政府信息公开条例》第三十六条第（三）项");
    CaseStudy proposedRow = row(pi);
    assertThat(proposedRow.status()).isEqualTo(CaseStudy.OPEN);
    assertThat(proposedRow.sourceCaseNumber()).isEqualTo(source.getBusinessKey());
    assertThat(proposedRow.proposedBy()).isEqualTo("office");
    assertThat(proposedRow.reviewDueOn()).isNull();

    // when the handler submits it the same day
    process.complete(pi, "Task_DraftCaseStudy", "handler", draft());

    // then the office reviews it within 5 working days: Monday 2026-11-23, until 24:00 Beijing time
    assertThat(pi).isWaitingAt("Task_ReviewCaseStudy");
    assertThat(process.task(pi, "Task_ReviewCaseStudy")).hasCandidateGroup("office");
    assertThat(process.task(pi, "Task_ReviewCaseStudy").getDueDate()).isEqualTo(beijing("2026-11-23T23:59"));
    assertThat(process.timer(pi, "BoundaryEvent_ReviewDeadlinePassed").getDuedate())
        .isEqualTo(beijing("2026-11-24T00:00"));
    assertThat(process.timer(pi, "BoundaryEvent_ReviewReminderDue").getDuedate())
        .isEqualTo(beijing("2026-11-23T00:00"));
    assertThat(row(pi).reviewDueOn()).isEqualTo(date("2026-11-23"));
    assertThat(row(pi).currentGroup()).isEqualTo("office");

    // when the office approves it on Wednesday
    clockAt("2026-11-18T10:00");
    process.complete(pi, "Task_ReviewCaseStudy", "office", Map.of("reviewResult", "APPROVED"));

    // then it is in the library, found by outcome, exemption code and keyword, and nowhere else
    assertThat(pi).isEnded().hasPassedInOrder("Task_RegisterCaseStudy", "Task_DraftCaseStudy",
        "Task_ReviewCaseStudy", "Task_PublishCaseStudy", "EndEvent_CaseStudyPublished")
        .hasNotPassed("Task_ReviseCaseStudy", "Task_ConvertToProactiveRelease", "Task_MarkReviewOverdue");
    CaseStudy c = row(pi);
    assertThat(c.status()).isEqualTo(CaseStudy.PUBLISHED);
    assertThat(c.publishedOn()).isEqualTo(date("2026-11-18"));
    assertThat(c.publishedBy()).isEqualTo("office");
    assertThat(c.currentStepName()).isEqualTo("已入库");
    assertThat(c.overdue()).isFalse();
    assertThat(register.library(null, "REFUSE", "PROCESS_INFO", "评标", 200)).extracting(CaseStudy::caseNumber)
        .contains(pi.getBusinessKey());
    assertThat(register.library(null, "DISCLOSE", null, null, 200)).extracting(CaseStudy::caseNumber)
        .doesNotContain(pi.getBusinessKey());
    assertThat(register.library(null, null, "THIRD_PARTY", null, 200)).extracting(CaseStudy::caseNumber)
        .doesNotContain(pi.getBusinessKey());
    assertThat(register.library(null, null, null, "不存在的关键词", 200)).isEmpty();
    assertThat(register.library(Set.of("another-agency"), null, null, null, 200)).isEmpty();
    assertThat(register.events(c.id())).extracting(CaseStudyRegister.Event::stepKey).containsExactly(
        "Task_RegisterCaseStudy", "Task_DraftCaseStudy", "Task_ReviewCaseStudy", "Task_PublishCaseStudy");
  }

  @Test
  void refusesToProposeACaseThatIsStillOpen() {
    // given a request still being handled
    ProcessInstance source = openRequest();

    // then it cannot be proposed, in a plain Chinese sentence naming the field, and nothing is registered
    assertThatThrownBy(() -> proposed(source)).isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("尚未办结").hasMessageContaining("sourceCaseNumber");
    assertThatThrownBy(() -> process.startAs("office", CaseStudyVariables.PROCESS_KEY,
        Map.of("sourceCaseNumber", "〔1999〕第1号"))).isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("本机关没有编号为");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM gk_case_study WHERE source_case_number = ?")
        .param(source.getBusinessKey()).query(Long.class).single()).isZero();
  }

  @Test
  void returnsTheCaseStudyWithReasonsAndPublishesTheRevision() {
    ProcessInstance pi = proposed(closedRequest());
    process.complete(pi, "Task_DraftCaseStudy", "handler", draft());

    // a return needs its reasons
    assertThatThrownBy(() -> process.complete(pi, "Task_ReviewCaseStudy", "office",
        Map.of("reviewResult", "RETURNED"))).isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("退回时必须写明理由");
    assertThat(pi).isWaitingAt("Task_ReviewCaseStudy");

    // when the office returns it on Tuesday
    clockAt("2026-11-17T10:00");
    process.complete(pi, "Task_ReviewCaseStudy", "office",
        Map.of("reviewResult", "RETURNED", "reviewComment", "经验与启示过于笼统，请结合本案写明认定要点"));

    // then the handler revises it, with the reasons; this round's review clock has ended
    assertThat(pi).isWaitingAt("Task_ReviseCaseStudy");
    assertThat(process.task(pi, "Task_ReviseCaseStudy")).hasCandidateGroup("handler");
    assertThat(pi).variables().containsEntry("reviewComment", "经验与启示过于笼统，请结合本案写明认定要点");
    assertThat(row(pi).returnCount()).isEqualTo(1);
    assertThat(row(pi).reviewDueOn()).isNull();

    // when it is resubmitted on Thursday
    clockAt("2026-11-19T09:00");
    Map<String, Object> revised = draft();
    revised.put("lessons", "讨论稿在决定作出前属于过程性信息；决定作出并公开后，申请公开讨论记录仍可依第十六条第二款不予公开，但应说明理由。");
    process.complete(pi, "Task_ReviseCaseStudy", "handler", revised);

    // then a new review round runs 5 working days from Thursday: Thursday 2026-11-26
    assertThat(pi).isWaitingAt("Task_ReviewCaseStudy");
    assertThat(row(pi).reviewDueOn()).isEqualTo(date("2026-11-26"));
    assertThat(row(pi).submissionCount()).isEqualTo(2);
    assertThat(process.task(pi, "Task_ReviewCaseStudy").getDueDate()).isEqualTo(beijing("2026-11-26T23:59"));

    process.complete(pi, "Task_ReviewCaseStudy", "office", Map.of("reviewResult", "APPROVED"));
    assertThat(pi).isEnded().hasPassed("Task_ReviseCaseStudy", "EndEvent_CaseStudyPublished");
    CaseStudy c = row(pi);
    assertThat(c.status()).isEqualTo(CaseStudy.PUBLISHED);
    assertThat(c.lessons()).startsWith("讨论稿在决定作出前");
    assertThat(c.publishedOn()).isEqualTo(date("2026-11-19"));
  }

  @Test
  void refusesACaseStudyContainingPersonalData() {
    ProcessInstance pi = proposed(closedRequest());

    // the applicant's name in the request summary
    Map<String, Object> named = draft();
    named.put("requestSummary", "张三申请公开某市道路维修工程招标文件");
    assertThatThrownBy(() -> process.complete(pi, "Task_DraftCaseStudy", "handler", named))
        .isInstanceOf(BadUserRequestException.class)
        .hasMessage("“申请内容概述”中含有申请人的姓名或名称，案例库不得收录个人信息，请改为概括表述后重新提交（requestSummary）");

    // the applicant's e-mail, spaced out, in the reason
    Map<String, Object> mailed = draft();
    mailed.put("decisionReason", "已通过 zhangsan@example.cn 答复");
    assertThatThrownBy(() -> process.complete(pi, "Task_DraftCaseStudy", "handler", mailed))
        .hasMessageContaining("申请人的电子邮箱").hasMessageContaining("decisionReason");

    // anyone's resident ID number (valid GB 11643 check digit), mobile number or bank card number (Luhn)
    Map<String, Object> id = draft();
    id.put("lessons", "另一申请人（身份证号110101199003074477）同时申请");
    assertThatThrownBy(() -> process.complete(pi, "Task_DraftCaseStudy", "handler", id))
        .hasMessageContaining("居民身份证号码").hasMessageContaining("lessons");
    Map<String, Object> mobile = draft();
    mobile.put("decisionSummary", "电话 139 0871 0000 告知");
    assertThatThrownBy(() -> process.complete(pi, "Task_DraftCaseStudy", "handler", mobile))
        .hasMessageContaining("手机号码").hasMessageContaining("decisionSummary");
    Map<String, Object> card = draft();
    card.put("lessons", "退还信息处理费至 6222 0200 0000 0000 000");
    assertThatThrownBy(() -> process.complete(pi, "Task_DraftCaseStudy", "handler", card))
        .hasMessageContaining("银行卡号");

    // nothing was stored: the task still waits, the register and the engine's history hold none of it
    assertThat(pi).isWaitingAt("Task_DraftCaseStudy");
    assertThat(row(pi).requestSummary()).isNull();
    assertThat(row(pi).submissionCount()).isZero();
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .list()).noneMatch(v -> String.valueOf(v.getValue()).contains("张三")
            || String.valueOf(v.getValue()).contains("zhangsan") || String.valueOf(v.getValue()).contains("4477"));

    // a de-identified text passes
    process.complete(pi, "Task_DraftCaseStudy", "handler", draft());
    assertThat(pi).isWaitingAt("Task_ReviewCaseStudy");
  }

  @Test
  void proposesARequestManyApplicantsMakeForProactiveRelease() {
    ProcessInstance pi = proposed(closedRequest());

    // a proposal for proactive release needs its reason
    Map<String, Object> proposal = draft();
    proposal.put("proactiveReleaseProposed", true);
    assertThatThrownBy(() -> process.complete(pi, "Task_DraftCaseStudy", "handler", proposal))
        .hasMessageContaining("proactiveReleaseReason");
    proposal.put("proactiveReleaseReason", "2026年以来已有6名申请人申请该工程招标文件");
    process.complete(pi, "Task_DraftCaseStudy", "handler", proposal);
    process.complete(pi, "Task_ReviewCaseStudy", "office", Map.of("reviewResult", "APPROVED"));

    // then after publication the office decides on 转主动公开 (条例第四十四条)
    assertThat(pi).isWaitingAt("Task_ConvertToProactiveRelease");
    assertThat(process.task(pi, "Task_ConvertToProactiveRelease")).hasCandidateGroup("office");
    assertThat(row(pi).status()).isEqualTo(CaseStudy.PUBLISHED);
    assertThat(row(pi).currentStepName()).isEqualTo("转主动公开");

    // a release day in the future is refused
    assertThatThrownBy(() -> process.complete(pi, "Task_ConvertToProactiveRelease", "office",
        Map.of("proactiveReleaseDecision", "ADOPTED", "proactiveReleasedOn", "2026-12-01")))
        .hasMessageContaining("proactiveReleasedOn");

    clockAt("2026-11-20T10:00");
    process.complete(pi, "Task_ConvertToProactiveRelease", "office", Map.of("proactiveReleaseDecision", "ADOPTED",
        "proactiveReleasedOn", "2026-11-20", "proactiveReleaseUrl", "https://www.cxz.gov.cn/zwgk/zdgk/2026/1120.html"));

    // then the register records it
    assertThat(pi).isEnded().hasPassed("Task_ConvertToProactiveRelease", "EndEvent_CaseStudyPublished");
    CaseStudy c = row(pi);
    assertThat(c.proactiveReleaseProposed()).isTrue();
    assertThat(c.proactiveReleaseReason()).isEqualTo("2026年以来已有6名申请人申请该工程招标文件");
    assertThat(c.proactiveReleaseDecision()).isEqualTo("ADOPTED");
    assertThat(c.proactiveReleasedOn()).isEqualTo(date("2026-11-20"));
    assertThat(c.proactiveReleaseUrl()).isEqualTo("https://www.cxz.gov.cn/zwgk/zdgk/2026/1120.html");
    assertThat(c.currentStepName()).isEqualTo("已入库");
  }

  @Test
  void remindsTheReviewerAndSupervisesAnOverdueReview() {
    ProcessInstance pi = proposed(closedRequest());
    process.complete(pi, "Task_DraftCaseStudy", "handler", draft());
    SupervisionOverview.Query overdueQuery = new SupervisionOverview.Query(CaseStudyVariables.PROCESS_KEY,
        Set.of(SupervisionState.OVERDUE), 1, 500);
    assertThat(overview.overview(overdueQuery).cases().get(SupervisionState.OVERDUE).items())
        .extracting(SupervisionOverview.CaseRow::caseNumber).doesNotContain(pi.getBusinessKey());

    // when the last day (Monday 2026-11-23) begins, the reviewer is reminded; the review stays open
    process.fireTimer(pi, "BoundaryEvent_ReviewReminderDue");
    assertThat(ClockUtil.getCurrentTime()).isEqualTo(beijing("2026-11-23T00:00"));
    assertThat(pi).isWaitingAt("Task_ReviewCaseStudy").hasPassed("Task_RemindReviewer");
    assertThat(row(pi).remindedAt()).isNotNull();
    assertThat(row(pi).overdue()).isFalse();

    // when the day ends unreviewed
    process.fireTimer(pi, "BoundaryEvent_ReviewDeadlinePassed");

    // then it is overdue from Tuesday and a supervisor supervises it, while the office may still review
    assertThat(pi).isWaitingAt("Task_ReviewCaseStudy", "Task_SuperviseCaseStudyReview");
    assertThat(process.task(pi, "Task_SuperviseCaseStudyReview")).hasCandidateGroup("supervisor");
    CaseStudy late = row(pi);
    assertThat(late.overdue()).isTrue();
    assertThat(late.overdueSince()).isEqualTo(date("2026-11-24"));
    assertThat(late.currentStep()).isEqualTo("Task_ReviewCaseStudy");
    assertThat(pi).variables().containsEntry("overdue", true);

    // and it is in the 督办 overview under its process
    clockAt("2026-11-24T09:00");
    var board = overview.overview(overdueQuery);
    assertThat(board.cases().get(SupervisionState.OVERDUE).items())
        .filteredOn(row -> row.caseNumber().equals(pi.getBusinessKey()))
        .singleElement()
        .satisfies(row -> {
          assertThat(row.processKey()).isEqualTo(CaseStudyVariables.PROCESS_KEY);
          assertThat(row.processInstanceId()).isEqualTo(pi.getId());
        });

    // when the supervisor records the supervision and the office then approves, the case study is published
    process.complete(pi, "Task_SuperviseCaseStudyReview", "supervisor",
        Map.of("supervisionComment", "已电话督促办公室当日完成审核"));
    process.complete(pi, "Task_ReviewCaseStudy", "office", Map.of("reviewResult", "APPROVED"));
    assertThat(pi).isEnded().hasPassed("Task_MarkReviewOverdue", "EndEvent_ReviewSupervised",
        "EndEvent_CaseStudyPublished");
    assertThat(row(pi).publishedOn()).isEqualTo(date("2026-11-24"));
    assertThat(register.events(row(pi).id())).extracting(CaseStudyRegister.Event::decision)
        .contains("REMINDED", "OVERDUE", "SUPERVISED", "APPROVED");
    // published late: no longer open, so no longer in the overview
    assertThat(overview.overview(overdueQuery).cases().get(SupervisionState.OVERDUE).items())
        .extracting(SupervisionOverview.CaseRow::caseNumber).doesNotContain(pi.getBusinessKey());
  }

  static HttpEntity<String> jsonBody(String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setAccept(java.util.List.of(MediaType.APPLICATION_JSON));
    return new HttpEntity<>(body, headers);
  }

  @Test
  void answersOverRestInChineseAndListsTheLibraryAndTheOverview() throws Exception {
    // a still open case proposed through the engine's REST API: 400 with the Chinese sentence
    ProcessInstance open = openRequest();
    ResponseEntity<String> refused = rest.withBasicAuth("office", "demo").postForEntity(
        "/engine-rest/process-definition/key/disclosure-case-study/submit-form", jsonBody(
            "{\"variables\":{\"sourceCaseNumber\":{\"value\":\"" + open.getBusinessKey() + "\",\"type\":\"String\"}}}"),
        String.class);
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(json.readTree(refused.getBody()).path("message").asText()).contains("尚未办结");

    // a published case study is found by outcome, exemption code and keyword
    ProcessInstance pi = proposed(closedRequest());
    process.complete(pi, "Task_DraftCaseStudy", "handler", draft());
    process.complete(pi, "Task_ReviewCaseStudy", "office", Map.of("reviewResult", "APPROVED"));
    ResponseEntity<String> found = rest.withBasicAuth("handler", "demo").getForEntity(
        "/api/case-library?outcome=REFUSE&exemption=PROCESS_INFO&q=评标", String.class);
    assertThat(found.getStatusCode().value()).isEqualTo(200);
    JsonNode items = json.readTree(found.getBody()).path("items");
    JsonNode entry = null;
    for (JsonNode item : items) {
      if (item.path("caseNumber").asText().equals(pi.getBusinessKey())) {
        entry = item;
      }
    }
    assertThat(entry).isNotNull();
    assertThat(entry.path("outcomeLabel").asText()).isEqualTo("不予公开");
    assertThat(entry.path("exemptionLabel").asText()).isEqualTo("属于四类过程性信息");
    assertThat(entry.path("questionTypeLabel").asText()).isEqualTo("办理");
    assertThat(found.getBody()).doesNotContain("张三", "13812345678", "zhangsan");

    // an unknown code: 400 naming the field
    ResponseEntity<String> bad = rest.withBasicAuth("handler", "demo").getForEntity("/api/case-library?outcome=NOPE",
        String.class);
    assertThat(bad.getStatusCode().value()).isEqualTo(400);
    assertThat(bad.getBody()).contains("outcome").contains("处理结果代码无效");

    // texts screened beforehand: 400 with the field and a Chinese message
    ResponseEntity<String> screened = rest.withBasicAuth("handler", "demo").postForEntity(
        "/api/case-library/personal-data-check",
        jsonBody("{\"texts\":{\"lessons\":\"申请人手机13912345678\"}}"), String.class);
    assertThat(screened.getStatusCode().value()).isEqualTo(400);
    assertThat(screened.getBody()).contains("lessons").contains("手机号码");

    // the staff page and the 督办 overview of this process
    ResponseEntity<String> page = rest.withBasicAuth("handler", "demo").getForEntity(
        "/cases/library?exemption=PROCESS_INFO", String.class);
    assertThat(page.getStatusCode().value()).isEqualTo(200);
    assertThat(page.getBody()).contains("依申请公开案例库").contains(pi.getBusinessKey());
    ResponseEntity<String> board = rest.withBasicAuth("supervisor", "demo").getForEntity(
        "/api/supervision/overview?process=disclosure-case-study", String.class);
    assertThat(board.getStatusCode().value()).isEqualTo(200);
    assertThat(json.readTree(board.getBody()).path("process").asText()).isEqualTo("disclosure-case-study");
  }
}

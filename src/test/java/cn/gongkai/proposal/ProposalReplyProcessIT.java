package cn.gongkai.proposal;

import static cn.gongkai.testing.EngineDriver.beijing;
import static cn.gongkai.testing.EngineDriver.clockAt;
import static cn.gongkai.testing.EngineDriver.date;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.gongkai.interpretation.DisclosureAttribute;
import cn.gongkai.testing.EngineDriver;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
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
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * proposal-reply (建议提案办理结果公开), one test per path: where it waits, for whom, the answer deadline, what
 * the register says. The answer limit is in calendar months, so the dates hold on any holiday calendar.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ProposalReplyProcessIT {

  /** Numbers unique within this context's database (the register refuses a number registered twice). */
  private static final AtomicInteger NUMBERS = new AtomicInteger((int) (System.nanoTime() % 100000));

  @Autowired ProcessEngine engine;
  @Autowired ProposalRegister register;
  @LocalServerPort int port;

  EngineDriver process;
  final HttpClient http = HttpClient.newHttpClient();
  final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    process = new EngineDriver(engine);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  static Map<String, Object> registration(String kind, String receivedOn) {
    Map<String, Object> fields = new HashMap<>();
    fields.put("proposalKind", kind);
    fields.put("proposalNumber", Integer.toString(NUMBERS.incrementAndGet()));
    fields.put("sessionName", "SUGGESTION".equals(kind) ? "州十五届人大二次会议" : "州政协十二届二次会议");
    fields.put("submitter", "SUGGESTION".equals(kind) ? "李代表等5名代表" : "州政协农业农村委员会");
    fields.put("proposalTitle", "关于加强农村饮水安全保障的建议");
    fields.put("receivedOn", receivedOn);
    return fields;
  }

  ProposalCase row(ProcessInstance pi) {
    return register.findByProcessInstance(pi.getId()).orElseThrow();
  }

  ProcessInstance registeredAndAssigned(String kind, String receivedOn, String assignedOn) {
    clockAt(assignedOn + "T09:00");
    ProcessInstance pi = process.startAs("office", ProposalVariables.PROCESS_KEY, registration(kind, receivedOn));
    process.complete(pi, "Task_AssignHandlingUnit", "office",
        Map.of("leadUnit", "州水务局", "jointUnits", "州财政局、州卫生健康委", "assignedOn", assignedOn));
    return pi;
  }

  void draft(ProcessInstance pi, String repliedOn, String result) {
    clockAt(repliedOn + "T10:00");
    process.complete(pi, "Task_DraftReply", "handler", Map.of("replyDocumentNumber", "楚水复〔2026〕" + result + "号",
        "replySummary", "已将农村饮水安全巩固提升工程列入年度计划，现将办理情况答复如下。", "handlingResult", result,
        "repliedOn", repliedOn));
  }

  void approve(ProcessInstance pi, String attribute, String reason) {
    Map<String, Object> fields = new HashMap<>();
    fields.put("replyReviewResult", "APPROVED");
    fields.put("disclosureAttribute", attribute);
    if (reason != null) {
      fields.put("disclosureReason", reason);
    }
    process.complete(pi, "Task_ReviewReply", "leader", fields);
  }

  @Test
  void publishesTheReplyToADeputysSuggestionAnsweredOnTime() {
    // given a deputy's suggestion received on Friday 2026-01-30 and registered by the office
    clockAt("2026-01-31T09:00");
    ProcessInstance pi = process.startAs("office", ProposalVariables.PROCESS_KEY,
        registration("SUGGESTION", "2026-01-30"));

    // then it is numbered by kind, year and its own number, and waits to be assigned by the office
    assertThat(pi.getBusinessKey()).matches("建议〔2026〕第\\d+号");
    assertThat(pi).isWaitingAt("Task_AssignHandlingUnit");
    assertThat(process.task(pi, "Task_AssignHandlingUnit")).hasCandidateGroup("office");
    ProposalCase registered = row(pi);
    assertThat(registered.kind()).isEqualTo(ProposalKind.SUGGESTION);
    assertThat(registered.receivedOn()).isEqualTo(date("2026-01-30"));
    assertThat(registered.status()).isEqualTo(ProposalCase.OPEN);
    assertThat(registered.answerDueOn()).isNull();
    // the submitter's name is kept in the register only: not a variable, nor in the engine's history
    assertThat(registered.submitter()).isEqualTo("李代表等5名代表");
    assertThat(pi).variables().doesNotContainKey("submitter");
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName("submitter").count()).isZero();
    assertThat(engine.getHistoryService().createHistoricDetailQuery().processInstanceId(pi.getId()).list())
        .noneMatch(d -> d instanceof org.camunda.bpm.engine.history.HistoricVariableUpdate u
            && ("submitter".equals(u.getVariableName()) || String.valueOf(u.getValue()).contains("李代表")));

    // when the office assigns it on 2026-01-31 to the water bureau, with two joint units
    process.complete(pi, "Task_AssignHandlingUnit", "office",
        Map.of("leadUnit", "州水务局", "jointUnits", "州财政局、州卫生健康委", "assignedOn", "2026-01-31"));

    // then the reply is due three months later: April has no 31st, so 2026-04-30, until 24:00 Beijing time
    assertThat(pi).isWaitingAt("Task_DraftReply");
    assertThat(process.task(pi, "Task_DraftReply")).hasCandidateGroup("handler");
    assertThat(pi).variables().containsEntry("answerDueOn", "2026-04-30");
    assertThat(process.task(pi, "Task_DraftReply").getDueDate()).isEqualTo(beijing("2026-04-30T23:59"));
    assertThat(process.timer(pi, "BoundaryEvent_AnswerDeadlinePassed").getDuedate())
        .isEqualTo(beijing("2026-05-01T00:00"));
    assertThat(process.timer(pi, "BoundaryEvent_AnswerReminderDue").getDuedate())
        .isEqualTo(beijing("2026-04-15T09:00"));
    ProposalCase assigned = row(pi);
    assertThat(assigned.leadUnit()).isEqualTo("州水务局");
    assertThat(assigned.jointUnits()).isEqualTo("州财政局、州卫生健康委");
    assertThat(assigned.assignedOn()).isEqualTo(date("2026-01-31"));
    assertThat(assigned.answerDueOn()).isEqualTo(date("2026-04-30"));
    assertThat(assigned.currentStep()).isEqualTo("Task_DraftReply");

    // when the water bureau replies on 2026-03-20 (B: planned) and the leader approves it for publication
    draft(pi, "2026-03-20", "B");
    assertThat(pi).isWaitingAt("Task_ReviewReply");
    assertThat(process.task(pi, "Task_ReviewReply")).hasCandidateGroup("leader");
    approve(pi, "PROACTIVE", null);

    // then the office records its publication on the website, and the case is closed on time
    assertThat(pi).isWaitingAt("Task_RecordReplyPublication");
    assertThat(process.task(pi, "Task_RecordReplyPublication")).hasCandidateGroup("office");
    assertThat(process.timer(pi, "BoundaryEvent_AnswerDeadlinePassed")).isNull();
    clockAt("2026-03-23T09:00");
    process.complete(pi, "Task_RecordReplyPublication", "office", Map.of("replyPublishedOn", "2026-03-23",
        "replyUrl", "https://www.cxz.gov.cn/zwgk/jytabl/2026/0323.html"));
    assertThat(pi).isEnded().hasPassedInOrder("Task_RegisterProposal", "Task_AssignHandlingUnit", "Task_DraftReply",
            "Task_ReviewReply", "Task_RecordReplyPublication", "Task_CloseProposal", "EndEvent_ProposalClosed")
        .hasNotPassed("Task_MarkAnswerOverdue", "Task_RemindHandlingUnit");
    ProposalCase c = row(pi);
    assertThat(c.status()).isEqualTo(ProposalCase.CLOSED);
    assertThat(c.handlingResult()).isEqualTo(HandlingResult.B);
    assertThat(c.answeredOn()).isEqualTo(date("2026-03-20"));
    assertThat(c.answeredLate()).isFalse();
    assertThat(c.overdue()).isFalse();
    assertThat(c.disclosureAttribute()).isEqualTo(DisclosureAttribute.PROACTIVE);
    assertThat(c.disclosureReason()).isNull();
    assertThat(c.reviewedBy()).isEqualTo("leader");
    assertThat(c.publishedOn()).isEqualTo(date("2026-03-23"));
    assertThat(c.publishedUrl()).isEqualTo("https://www.cxz.gov.cn/zwgk/jytabl/2026/0323.html");
    assertThat(register.events(c.id())).extracting(ProposalEvent::stepKey).containsSubsequence(
        "Task_RegisterProposal", "Task_AssignHandlingUnit", "Task_DraftReply", "Task_ReviewReply",
        "Task_RecordReplyPublication", "Task_CloseProposal");
    assertThat(register.events(c.id())).filteredOn(e -> e.stepKey().equals("Task_AssignHandlingUnit"))
        .extracting(ProposalEvent::factOn, ProposalEvent::actor)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(date("2026-01-31"), "office"));
  }

  @Test
  void keepsAProposalsReplyUnpublishedWithTheStatedReason() {
    // given a CPPCC proposal assigned and answered (C: explained)
    ProcessInstance pi = registeredAndAssigned("PROPOSAL", "2026-02-02", "2026-02-10");
    assertThat(pi.getBusinessKey()).matches("提案〔2026〕第\\d+号");
    assertThat(pi).variables().containsEntry("answerDueOn", "2026-05-10");
    draft(pi, "2026-04-01", "C");

    // when the leader marks it 不予公开 without a reason, the review is refused in Chinese and nothing moves
    assertThatThrownBy(() -> approve(pi, "NOT_PUBLIC", null)).isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("公开属性为“不予公开”时必须说明理由");
    assertThat(pi).isWaitingAt("Task_ReviewReply");
    assertThat(row(pi).reviewResult()).isNull();

    // when the leader states the reason
    approve(pi, "NOT_PUBLIC", "复文涉及尚在论证的项目选址，公开后可能影响社会稳定");

    // then the reply is not published: the case closes without a publication task, the reason kept
    assertThat(pi).isEnded().hasPassed("EndEvent_ProposalClosed").hasNotPassed("Task_RecordReplyPublication");
    ProposalCase c = row(pi);
    assertThat(c.status()).isEqualTo(ProposalCase.CLOSED);
    assertThat(c.kind()).isEqualTo(ProposalKind.PROPOSAL);
    assertThat(c.disclosureAttribute()).isEqualTo(DisclosureAttribute.NOT_PUBLIC);
    assertThat(c.disclosureReason()).isEqualTo("复文涉及尚在论证的项目选址，公开后可能影响社会稳定");
    assertThat(c.answeredOn()).isEqualTo(date("2026-04-01"));
    assertThat(c.publishedOn()).isNull();
  }

  @Test
  void returnsTheReplyToTheHandlingUnitWhenTheReviewFindsFault() {
    // given a suggestion whose reply waits for review
    ProcessInstance pi = registeredAndAssigned("SUGGESTION", "2026-03-02", "2026-03-05");
    draft(pi, "2026-04-20", "A");

    // when the leader returns it without saying why, the return is refused
    assertThatThrownBy(() -> process.complete(pi, "Task_ReviewReply", "leader",
        Map.of("replyReviewResult", "RETURNED"))).isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("退回时必须写明理由");

    // when the leader returns it with the reasons
    process.complete(pi, "Task_ReviewReply", "leader",
        Map.of("replyReviewResult", "RETURNED", "replyReviewComment", "办理结果应为B类，请写明实施计划和时间"));

    // then the handling unit redrafts it, the deadline unchanged, nothing answered yet
    assertThat(pi).isWaitingAt("Task_DraftReply");
    assertThat(process.task(pi, "Task_DraftReply").getDueDate()).isEqualTo(beijing("2026-06-05T23:59"));
    ProposalCase returned = row(pi);
    assertThat(returned.returnCount()).isEqualTo(1);
    assertThat(returned.answeredOn()).isNull();
    assertThat(returned.reviewComment()).isEqualTo("办理结果应为B类，请写明实施计划和时间");

    // when it is redrafted and approved for publication after redaction, with the reason
    draft(pi, "2026-04-28", "B");
    approve(pi, "AFTER_REDACTION", "删除复文中涉及个人信息的内容后公开");

    // then the approved reply's day is the answer day, and it goes to publication
    assertThat(pi).isWaitingAt("Task_RecordReplyPublication");
    ProposalCase c = row(pi);
    assertThat(c.answeredOn()).isEqualTo(date("2026-04-28"));
    assertThat(c.handlingResult()).isEqualTo(HandlingResult.B);
    assertThat(c.disclosureAttribute()).isEqualTo(DisclosureAttribute.AFTER_REDACTION);
    assertThat(register.events(c.id())).extracting(ProposalEvent::stepKey, ProposalEvent::decision)
        .containsSubsequence(org.assertj.core.groups.Tuple.tuple("Task_ReviewReply", "RETURNED"),
            org.assertj.core.groups.Tuple.tuple("Task_ReviewReply", "APPROVED"));
  }

  @Test
  void remindsBeforeTheLimitAndSupervisesWhenTheLimitPassesUnanswered() throws Exception {
    // given a suggestion assigned on 2026-01-31: due 2026-04-30
    ProcessInstance pi = registeredAndAssigned("SUGGESTION", "2026-01-30", "2026-01-31");
    assertThat(row(pi).answerDueOn()).isEqualTo(date("2026-04-30"));

    // when the clock reaches 15 days before the limit, the handling unit is reminded
    clockAt("2026-04-15T08:59");
    assertThat(executableTimer(pi, "BoundaryEvent_AnswerReminderDue")).isFalse();
    process.fireTimer(pi, "BoundaryEvent_AnswerReminderDue");
    assertThat(row(pi).remindedOn()).isEqualTo(date("2026-04-15"));
    assertThat(process.task(pi, "Task_DraftReply").getPriority()).isEqualTo(80);
    assertThat(row(pi).overdue()).isFalse();

    // then on the last day, one minute before 24:00 Beijing, the case is not overdue yet
    clockAt("2026-04-30T23:59");
    assertThat(executableTimer(pi, "BoundaryEvent_AnswerDeadlinePassed")).isFalse();
    JsonNode dueSoon = get("/api/supervision/overview?process=proposal-reply&size=500", "supervisor");
    assertThat(caseNumbers(dueSoon, "OVERDUE")).doesNotContain(pi.getBusinessKey());

    // when the clock passes 24:00 of 2026-04-30 Beijing time and the timer's job runs
    clockAt("2026-05-01T00:00");
    assertThat(executableTimer(pi, "BoundaryEvent_AnswerDeadlinePassed")).isTrue();
    process.fireTimer(pi, "BoundaryEvent_AnswerDeadlinePassed");

    // then the case is overdue and a supervisor works the 督办 task, while the reply is still awaited
    assertThat(pi).isWaitingAt("Task_DraftReply", "Task_SuperviseOverdueReply");
    assertThat(process.task(pi, "Task_SuperviseOverdueReply")).hasCandidateGroup("supervisor");
    assertThat(row(pi).overdue()).isTrue();
    assertThat(row(pi).currentStep()).isEqualTo("Task_DraftReply");

    // and the 督办 overview lists it as overdue
    clockAt("2026-05-06T09:00");
    JsonNode overview = get("/api/supervision/overview?process=proposal-reply&size=500", "supervisor");
    assertThat(caseNumbers(overview, "OVERDUE")).contains(pi.getBusinessKey());

    // when the supervisor records the 督办 and the reply follows late
    process.complete(pi, "Task_SuperviseOverdueReply", "supervisor",
        Map.of("supervisionNote", "已电话督促州水务局于5月8日前办复"));
    draft(pi, "2026-05-08", "A");
    approve(pi, "PROACTIVE", null);
    process.complete(pi, "Task_RecordReplyPublication", "office", Map.of("replyPublishedOn", "2026-05-08",
        "replyUrl", "https://www.cxz.gov.cn/zwgk/jytabl/2026/0508.html"));

    // then the case is closed as answered late, and leaves the open overview
    assertThat(pi).isEnded().hasPassed("Task_MarkAnswerOverdue", "EndEvent_OverdueReplySupervised",
        "EndEvent_ProposalClosed");
    ProposalCase c = row(pi);
    assertThat(c.answeredLate()).isTrue();
    assertThat(c.status()).isEqualTo(ProposalCase.CLOSED);
    JsonNode after = get("/api/supervision/overview?process=proposal-reply&size=500", "supervisor");
    assertThat(caseNumbers(after, "OVERDUE")).doesNotContain(pi.getBusinessKey());
  }

  @Test
  void reportsTheYearsOverallHandlingSituationFromTheRegister() throws Exception {
    // given in 2027: a suggestion answered on time and published, a proposal answered but not public, and a
    // suggestion still unanswered after its limit
    ProcessInstance published = registeredAndAssigned("SUGGESTION", "2027-01-20", "2027-01-25");
    draft(published, "2027-03-01", "A");
    approve(published, "PROACTIVE", null);
    clockAt("2027-03-02T09:00");
    process.complete(published, "Task_RecordReplyPublication", "office", Map.of("replyPublishedOn", "2027-03-02",
        "replyUrl", "https://www.cxz.gov.cn/zwgk/jytabl/2027/0302.html"));
    ProcessInstance notPublic = registeredAndAssigned("PROPOSAL", "2027-01-20", "2027-01-25");
    draft(notPublic, "2027-03-10", "C");
    approve(notPublic, "ON_REQUEST", "涉及第三方商业信息");
    registeredAndAssigned("SUGGESTION", "2027-02-01", "2027-02-03");

    // when the office asks for the year's figures on 2027-06-01
    clockAt("2027-06-01T09:00");
    JsonNode summary = get("/api/proposals/summary?year=2027", "office");

    // then they are counted from the register, with the paragraph for the annual report
    assertThat(summary.get("received").asLong()).isEqualTo(3);
    assertThat(summary.get("receivedByKind").get("SUGGESTION").asLong()).isEqualTo(2);
    assertThat(summary.get("receivedByKind").get("PROPOSAL").asLong()).isEqualTo(1);
    assertThat(summary.get("answered").asLong()).isEqualTo(2);
    assertThat(summary.get("answeredOnTime").asLong()).isEqualTo(2);
    assertThat(summary.get("answeredLate").asLong()).isZero();
    assertThat(summary.get("unanswered").asLong()).isEqualTo(1);
    assertThat(summary.get("overdueUnanswered").asLong()).isEqualTo(1);
    assertThat(summary.get("markedPublic").asLong()).isEqualTo(1);
    assertThat(summary.get("published").asLong()).isEqualTo(1);
    assertThat(summary.get("notPublic").asLong()).isEqualTo(1);
    assertThat(summary.get("notPublishedReasons").get(0).get("reason").asText()).isEqualTo("涉及第三方商业信息");
    assertThat(summary.get("text").asText()).isEqualTo(
        "2027年共承办人大代表建议2件、政协提案1件，合计3件；已办复2件，其中按期办复2件、逾期办复0件，尚未办复1件"
            + "（其中已超过办理期限1件）。办理结果：所提问题已解决或基本解决的1件，列入计划逐步解决的0件，"
            + "因条件限制等原因作出说明解释的1件。办理复文公开1件（已发布1件），不公开1件，不公开的理由为："
            + "依申请公开——涉及第三方商业信息（1件）。");

    // and a bad year is a 400 naming the field, in Chinese
    HttpResponse<String> bad = send("/api/proposals/summary?year=abc", "office");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("year").contains("年度应为四位数字年份");
    assertThat(send("/api/proposals/summary?year=1999", "office").statusCode()).isEqualTo(400);
    // a drafter has no business with it
    assertThat(send("/api/proposals/summary?year=2027", "drafter").statusCode()).isEqualTo(403);
  }

  @Test
  void refusesANumberAlreadyRegisteredInTheSameSession() {
    clockAt("2026-02-02T09:00");
    Map<String, Object> fields = registration("PROPOSAL", "2026-02-02");
    process.startAs("office", ProposalVariables.PROCESS_KEY, fields);
    assertThatThrownBy(() -> process.startAs("office", ProposalVariables.PROCESS_KEY, fields))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("已经登记，不能重复登记");
  }

  boolean executableTimer(ProcessInstance pi, String activityId) {
    var job = process.timer(pi, activityId);
    return job != null && !job.getDuedate().after(ClockUtil.getCurrentTime());
  }

  static java.util.List<String> caseNumbers(JsonNode overview, String state) {
    java.util.List<String> numbers = new java.util.ArrayList<>();
    JsonNode items = overview.path("cases").path(state).path("items");
    items.forEach(i -> numbers.add(i.get("caseNumber").asText()));
    return numbers;
  }

  HttpResponse<String> send(String path, String user) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Accept", "application/json")
        .header("Authorization", "Basic "
            + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
        .GET().build();
    return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  JsonNode get(String path, String user) throws Exception {
    HttpResponse<String> response = send(path, user);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json.readTree(response.body());
  }
}

package cn.gongkai.citizen;

import static cn.gongkai.testing.EngineDriver.beijing;
import static cn.gongkai.testing.EngineDriver.clockAt;
import static cn.gongkai.testing.EngineDriver.date;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.gongkai.testing.EngineDriver;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * citizen-message (网民留言咨询办理, issue 17 §2), one test per path: where it waits, for whom, the working-day
 * deadlines to the day and minute, what the register says. Messages are registered through the API as the office
 * would. The dates are chosen on the real 2026 calendar (中秋 25-27 September, 国庆 1-7 October with the make-up
 * working days Sunday 20 September and Saturday 10 October, and ordinary weekends in November).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CitizenMessageProcessIT {

  static final String PHONE = "13812345678";
  static final String NAME = "李明华";
  static final String EMAIL = "liminghua@example.cn";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired CitizenMessageRegister register;

  @Autowired JdbcClient jdbc;

  EngineDriver process;
  private final List<String> started = new java.util.ArrayList<>();
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    process = new EngineDriver(engine);
  }

  /**
   * Other test classes share this Spring context and database, and some count open cases of every process: the
   * messages a test left open are withdrawn (instance deleted, register row closed).
   */
  @AfterEach
  void withdrawOpenMessagesAndResetClock() {
    for (String id : started) {
      if (engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).count() > 0) {
        engine.getRuntimeService().deleteProcessInstance(id, "test finished");
      }
      jdbc.sql("UPDATE gk_citizen_message SET status = 'CLOSED' WHERE process_instance_id = ?").param(id).update();
    }
    started.clear();
    ClockUtil.reset();
  }

  // --- helpers -------------------------------------------------------------------------------------------

  HttpResponse<String> send(String method, String path, String user, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Accept", "application/json")
        .header("Authorization", "Basic "
            + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
    if (body != null) {
      request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  JsonNode get(String path, String user) throws Exception {
    HttpResponse<String> response = send("GET", path, user, null);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json.readTree(response.body());
  }

  /** The office registers a message received on that day, as the website or 12345 passed it on. */
  ProcessInstance received(String receivedOn, String type, boolean publicationAgreed) throws Exception {
    Map<String, Object> body = new HashMap<>();
    body.put("channel", "WEBSITE");
    body.put("receivedOn", receivedOn);
    body.put("messageType", type);
    body.put("subject", "关于" + type + "的留言");
    body.put("content", "请问办理居住证需要哪些材料？");
    body.put("publicationAgreed", publicationAgreed);
    body.put("citizenName", NAME);
    body.put("citizenPhone", PHONE);
    body.put("citizenEmail", EMAIL);
    HttpResponse<String> response = send("POST", "/api/citizen-messages", "office", json.writeValueAsString(body));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    String instance = json.readTree(response.body()).get("processInstanceId").asText();
    started.add(instance);
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance).singleResult();
  }

  CitizenMessage row(ProcessInstance pi) {
    return register.findByProcessInstance(pi.getId()).orElseThrow();
  }

  void accept(ProcessInstance pi, String on, String department) {
    process.complete(pi, "Task_AcceptMessage", "office",
        Map.of("acceptDecision", "ACCEPTED", "acceptedOn", on, "responsibleDepartment", department));
  }

  void answer(ProcessInstance pi, String on) {
    process.complete(pi, "Task_AnswerMessage", "handler",
        Map.of("answerDecision", "ANSWERED", "answerText", "需携带身份证、居住证明，到派出所办理。", "answeredOn", on));
  }

  void assertNoPersonalDataInTheEngine(ProcessInstance pi) {
    List<HistoricVariableInstance> variables = engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(pi.getId()).list();
    assertThat(variables).isNotEmpty();
    for (HistoricVariableInstance v : variables) {
      assertThat(String.valueOf(v.getValue())).as(v.getName()).doesNotContain(PHONE, NAME, EMAIL);
    }
  }

  // --- paths ------------------------------------------------------------------------------------------------

  @Test
  void acceptsTransfersAnswersFeedsBackAndPublishesAcrossTheMidAutumnAndNationalDayHolidays() throws Exception {
    // given a consultation left on the website on Thursday 2026-09-24, the citizen agreeing to publication
    clockAt("2026-09-24T09:00");
    ProcessInstance pi = received("2026-09-24", "CONSULTATION", true);

    // then it is numbered and waits for the office: accept within 1 working day, across 中秋 (25-27 Sept)
    assertThat(pi.getBusinessKey()).matches("留言〔2026〕第\\d+号");
    assertThat(pi).isWaitingAt("Task_AcceptMessage");
    assertThat(process.task(pi, "Task_AcceptMessage")).hasCandidateGroup("office");
    assertThat(pi).variables().containsEntry("acceptDueOn", "2026-09-28").containsEntry("messageType", "咨询")
        .containsEntry("channel", "政府网站留言").containsEntry("publicationAgreed", true);
    assertThat(process.task(pi, "Task_AcceptMessage").getDueDate()).isEqualTo(beijing("2026-09-28T23:59"));
    assertThat(process.timer(pi, "BoundaryEvent_AcceptDeadlinePassed").getDuedate())
        .isEqualTo(beijing("2026-09-29T00:00"));
    assertThat(row(pi).clockDueOn()).isEqualTo(date("2026-09-28"));

    // when the office accepts it the same day and transfers it to the public security bureau
    accept(pi, "2026-09-24", "州公安局（消息转办测试一）");

    // then the department answers within 5 working days: 28, 29, 30 Sept, 8, 9 Oct (国庆 1-7 Oct not counted)
    assertThat(pi).isWaitingAt("Task_AnswerMessage");
    assertThat(process.task(pi, "Task_AnswerMessage")).hasCandidateGroup("handler");
    assertThat(pi).variables().containsEntry("answerDueOn", "2026-10-09")
        .containsEntry("responsibleDepartment", "州公安局（消息转办测试一）");
    assertThat(process.task(pi, "Task_AnswerMessage").getDueDate()).isEqualTo(beijing("2026-10-09T23:59"));
    assertThat(process.timer(pi, "BoundaryEvent_AnswerDeadlinePassed").getDuedate())
        .isEqualTo(beijing("2026-10-10T00:00"));
    assertThat(row(pi).acceptedOn()).isEqualTo(date("2026-09-24"));
    assertThat(row(pi).clockDueOn()).isEqualTo(date("2026-10-09"));

    // when it answers on Thursday 8 October, the office approves the answer for publication and feeds it back
    clockAt("2026-10-08T10:00");
    answer(pi, "2026-10-08");
    assertThat(pi).isWaitingAt("Task_ReviewMessageAnswer");
    assertThat(process.task(pi, "Task_ReviewMessageAnswer")).hasCandidateGroup("office");
    process.complete(pi, "Task_ReviewMessageAnswer", "office",
        Map.of("reviewDecision", "APPROVED", "publishAnswer", true));
    assertThat(pi).isWaitingAt("Task_FeedBackToCitizen");
    process.complete(pi, "Task_FeedBackToCitizen", "office",
        Map.of("feedbackOn", "2026-10-08", "feedbackMethod", "SMS"));

    // then, public, it is published with its date and link, and the message is closed
    assertThat(pi).isWaitingAt("Task_PublishMessageAnswer");
    clockAt("2026-10-09T10:00");
    assertThatThrownBy(() -> process.complete(pi, "Task_PublishMessageAnswer", "office",
        Map.of("publishedOn", "2026-10-09", "publishedUrl", "www.cxz.gov.cn/hdjl")))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("公开网址");
    process.complete(pi, "Task_PublishMessageAnswer", "office",
        Map.of("publishedOn", "2026-10-09", "publishedUrl", "https://www.cxz.gov.cn/hdjl/2026/1009.html"));
    assertThat(pi).isEnded().hasPassed("EndEvent_MessageClosed");
    CitizenMessage closed = row(pi);
    assertThat(closed.status()).isEqualTo("CLOSED");
    assertThat(closed.outcome()).isEqualTo("ANSWERED");
    assertThat(closed.answeredOn()).isEqualTo(date("2026-10-08"));
    assertThat(closed.feedbackOn()).isEqualTo(date("2026-10-08"));
    assertThat(closed.feedbackMethod()).isEqualTo("SMS");
    assertThat(closed.publishedOn()).isEqualTo(date("2026-10-09"));
    assertThat(closed.publishedUrl()).isEqualTo("https://www.cxz.gov.cn/hdjl/2026/1009.html");
    assertThat(closed.citizenPhone()).isEqualTo(PHONE);

    // and the citizen's contact data never reached the engine
    assertNoPersonalDataInTheEngine(pi);

    // and the department's statistics count it answered on time
    JsonNode stats = get("/api/citizen-messages/statistics?year=2026", "office");
    JsonNode department = department(stats, "州公安局（消息转办测试一）");
    assertThat(department.get("received").asLong()).isEqualTo(1);
    assertThat(department.get("answeredOnTime").asLong()).isEqualTo(1);
    assertThat(department.get("answeredLate").asLong()).isZero();
  }

  @Test
  void refusesAMessageWithAReasonAndFeedsTheRefusalBack() throws Exception {
    // given a message received on Friday 2026-11-20: accept within 1 working day, Monday 23 (weekend between)
    clockAt("2026-11-20T15:00");
    ProcessInstance pi = received("2026-11-20", "OTHER", false);
    assertThat(pi).variables().containsEntry("acceptDueOn", "2026-11-23");
    assertThat(process.timer(pi, "BoundaryEvent_AcceptDeadlinePassed").getDuedate())
        .isEqualTo(beijing("2026-11-24T00:00"));

    // when the office refuses it without a reason, nothing happens
    assertThatThrownBy(() -> process.complete(pi, "Task_AcceptMessage", "office",
        Map.of("acceptDecision", "REFUSED", "acceptedOn", "2026-11-20")))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("理由");
    assertThat(pi).isWaitingAt("Task_AcceptMessage");
    // nor with a date before the message was received
    assertThatThrownBy(() -> process.complete(pi, "Task_AcceptMessage", "office",
        Map.of("acceptDecision", "REFUSED", "acceptedOn", "2026-11-19", "refusalReason", "属于信访事项")))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("不能早于收到留言日期");

    // when it refuses it with the reason on Monday 23
    clockAt("2026-11-23T09:00");
    process.complete(pi, "Task_AcceptMessage", "office", Map.of("acceptDecision", "REFUSED", "acceptedOn",
        "2026-11-23", "refusalReason", "反映的事项属于信访事项，请通过信访渠道提出"));

    // then the refusal is fed back to the citizen, nothing is published, the message is closed
    assertThat(pi).isWaitingAt("Task_FeedBackToCitizen");
    process.complete(pi, "Task_FeedBackToCitizen", "office",
        Map.of("feedbackOn", "2026-11-23", "feedbackMethod", "WEBSITE"));
    assertThat(pi).isEnded().hasPassed("Task_FeedBackToCitizen", "EndEvent_MessageClosed")
        .hasNotPassed("Task_AnswerMessage", "Task_PublishMessageAnswer");
    CitizenMessage closed = row(pi);
    assertThat(closed.outcome()).isEqualTo("REFUSED");
    assertThat(closed.refusedOn()).isEqualTo(date("2026-11-23"));
    assertThat(closed.refusalReason()).contains("信访");
    assertThat(closed.acceptedOn()).isNull();
    // accepted on its last day: not late
    assertThat(closed.clockDoneOn()).isEqualTo(closed.clockDueOn());
  }

  @Test
  void aDepartmentSendsTheMessageBackAndTheOfficeTransfersItAgain() throws Exception {
    // given a consultation received and transferred on Monday 2026-11-16: answer by Monday 23
    clockAt("2026-11-16T09:00");
    ProcessInstance pi = received("2026-11-16", "CONSULTATION", false);
    accept(pi, "2026-11-16", "州教育体育局（退回测试）");
    assertThat(pi).variables().containsEntry("answerDueOn", "2026-11-23");

    // when the department sends it back on Friday 20 as not theirs
    clockAt("2026-11-20T16:00");
    process.complete(pi, "Task_AnswerMessage", "handler",
        Map.of("answerDecision", "RETURNED", "returnReason", "居住证由公安机关办理，不属于本局职责"));

    // then it goes back to the accepting office, to be transferred again within 1 working day (Monday 23)
    assertThat(pi).isWaitingAt("Task_AcceptMessage");
    assertThat(process.task(pi, "Task_AcceptMessage")).hasCandidateGroup("office");
    assertThat(process.task(pi, "Task_AcceptMessage").getDueDate()).isEqualTo(beijing("2026-11-23T23:59"));
    assertThat(process.timer(pi, "BoundaryEvent_AcceptDeadlinePassed").getDuedate())
        .isEqualTo(beijing("2026-11-24T00:00"));
    assertThat(pi).variables().containsEntry("lastReturnReason", "州教育体育局（退回测试）退回：居住证由公安机关办理，不属于本局职责");
    assertThat(row(pi).returnCount()).isEqualTo(1);

    // when the office transfers it to the right department on Monday 23
    clockAt("2026-11-23T09:00");
    accept(pi, "2026-11-23", "州公安局（退回测试）");

    // then that department answers it, the citizen's wait not restarted: still due Monday 23
    assertThat(pi).isWaitingAt("Task_AnswerMessage");
    assertThat(process.task(pi, "Task_AnswerMessage").getDueDate()).isEqualTo(beijing("2026-11-23T23:59"));
    CitizenMessage transferred = row(pi);
    assertThat(transferred.responsibleDepartment()).isEqualTo("州公安局（退回测试）");
    assertThat(transferred.transferCount()).isEqualTo(2);
    assertThat(transferred.acceptedOn()).isEqualTo(date("2026-11-16"));
    assertThat(transferred.answerDueOn()).isEqualTo(date("2026-11-23"));
    answer(pi, "2026-11-23");
    assertThat(pi).isWaitingAt("Task_ReviewMessageAnswer");
    assertThat(register.events(transferred.id())).extracting(CitizenMessageRegister.Event::decision)
        .contains("受理并转办", "退回（不属于本部门职责）", "重新转办", "已答复");
  }

  @Test
  void extendsTheAnswerDeadlineOnceWithTheLeadersApproval() throws Exception {
    // given a complaint received and accepted on Friday 2026-09-18: 10 working days, Sunday 20 Sept a working day,
    // 中秋 and 国庆 not: due Friday 9 October
    clockAt("2026-09-18T09:00");
    ProcessInstance pi = received("2026-09-18", "COMPLAINT", false);
    accept(pi, "2026-09-18", "州市场监督管理局（延期测试）");
    assertThat(pi).variables().containsEntry("answerDueOn", "2026-10-09");

    // when the department asks for more time on Tuesday 29 September
    clockAt("2026-09-29T10:00");
    process.complete(pi, "Task_AnswerMessage", "handler",
        Map.of("answerDecision", "EXTENSION", "extensionReason", "需要现场核查"));
    assertThat(pi).isWaitingAt("Task_ApproveMessageExtension");
    assertThat(process.task(pi, "Task_ApproveMessageExtension")).hasCandidateGroup("leader");

    // then the leader cannot approve more than the setting allows, nor after the deadline
    assertThatThrownBy(() -> process.complete(pi, "Task_ApproveMessageExtension", "leader",
        Map.of("extensionDecision", "APPROVED", "extensionWorkingDays", 11, "extensionApprovedOn", "2026-09-29")))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("1至10");

    // when the leader approves 5 working days on Wednesday 30 September
    clockAt("2026-09-30T10:00");
    process.complete(pi, "Task_ApproveMessageExtension", "leader",
        Map.of("extensionDecision", "APPROVED", "extensionWorkingDays", 5, "extensionApprovedOn", "2026-09-30"));

    // then the deadline runs 5 working days on from 9 October: Saturday 10 (make-up day), 12, 13, 14, 15 October
    assertThat(pi).isWaitingAt("Task_AnswerMessage");
    assertThat(pi).variables().containsEntry("answerDueOn", "2026-10-15");
    assertThat(process.task(pi, "Task_AnswerMessage").getDueDate()).isEqualTo(beijing("2026-10-15T23:59"));
    assertThat(process.timer(pi, "BoundaryEvent_AnswerDeadlinePassed").getDuedate())
        .isEqualTo(beijing("2026-10-16T00:00"));
    CitizenMessage extended = row(pi);
    assertThat(extended.extensionWorkingDays()).isEqualTo(5);
    assertThat(extended.extensionApprovedOn()).isEqualTo(date("2026-09-30"));
    assertThat(extended.clockDueOn()).isEqualTo(date("2026-10-15"));

    // and a second extension is refused: once only
    assertThatThrownBy(() -> process.complete(pi, "Task_AnswerMessage", "handler",
        Map.of("answerDecision", "EXTENSION", "extensionReason", "还需要时间")))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("只能申请一次延期");

    // when it answers on the extended last day, it is on time
    clockAt("2026-10-15T17:00");
    answer(pi, "2026-10-15");
    assertThat(pi).isWaitingAt("Task_ReviewMessageAnswer");
    JsonNode department = department(get("/api/citizen-messages/statistics?year=2026", "supervisor"),
        "州市场监督管理局（延期测试）");
    assertThat(department.get("answeredOnTime").asLong()).isEqualTo(1);
    assertThat(department.get("answeredLate").asLong()).isZero();
  }

  @Test
  void anOverdueMessageGoesToSupervisionAndCountsLate() throws Exception {
    // given a consultation received on Friday 2026-11-20 and not accepted: due Monday 23 (weekend between)
    clockAt("2026-11-20T11:00");
    ProcessInstance pi = received("2026-11-20", "CONSULTATION", false);

    // when the acceptance timer fires at the end of Monday 23, Beijing time (not before: Friday's weekend)
    assertThat(process.timer(pi, "BoundaryEvent_AcceptDeadlinePassed").getDuedate())
        .isEqualTo(beijing("2026-11-24T00:00"));
    process.fireTimer(pi, "BoundaryEvent_AcceptDeadlinePassed");

    // then a supervisor holds a 督办 task, and the office can still accept
    assertThat(pi).isWaitingAt("Task_AcceptMessage", "Task_SuperviseOverdueMessage");
    assertThat(process.task(pi, "Task_SuperviseOverdueMessage")).hasCandidateGroup("supervisor");
    assertThat(pi).variables().containsEntry("overdue", true).containsEntry("overdueStepName", "受理并转办留言")
        .containsEntry("overdueDueOn", "2026-11-23");
    assertThat(row(pi).overdue()).isTrue();

    // and the 督办 overview lists it overdue under its process
    JsonNode overview = get("/api/supervision/overview?process=citizen-message&state=OVERDUE&size=500", "supervisor");
    assertThat(overview.toString()).contains(pi.getBusinessKey());

    process.complete(pi, "Task_SuperviseOverdueMessage", "supervisor",
        Map.of("supervisionComment", "请办公室今天内受理并转办"));
    assertThat(pi).hasPassed("EndEvent_OverdueSupervised");

    // when the office accepts it on Tuesday 24: answer due Tuesday 1 December (weekend 28-29 not counted)
    clockAt("2026-11-24T09:00");
    accept(pi, "2026-11-24", "州住房和城乡建设局（逾期测试）");
    assertThat(pi).variables().containsEntry("answerDueOn", "2026-12-01");

    // and nobody answers: the answer timer fires at the end of 1 December, another 督办 task
    process.fireTimer(pi, "BoundaryEvent_AnswerDeadlinePassed");
    assertThat(ClockUtil.getCurrentTime()).isEqualTo(beijing("2026-12-02T00:00"));
    assertThat(pi).isWaitingAt("Task_AnswerMessage", "Task_SuperviseOverdueMessage");
    assertThat(pi).variables().containsEntry("overdueStepName", "办理答复留言")
        .containsEntry("overdueDueOn", "2026-12-01");

    // when the department answers late on 2 December, the statistics count it late
    clockAt("2026-12-02T10:00");
    answer(pi, "2026-12-02");
    JsonNode department = department(get("/api/citizen-messages/statistics?year=2026", "leader"),
        "州住房和城乡建设局（逾期测试）");
    assertThat(department.get("answeredLate").asLong()).isEqualTo(1);
    assertThat(department.get("answeredOnTime").asLong()).isZero();
  }

  // --- API: bad input, personal data ------------------------------------------------------------------------

  @Test
  void refusesBadMessagesWithTheFieldAndAChineseMessage() throws Exception {
    clockAt("2026-11-16T09:00");
    for (var bad : List.of(
        Map.entry("channel", "{\"channel\":\"FAX\",\"receivedOn\":\"2026-11-16\",\"messageType\":\"CONSULTATION\",\"subject\":\"a\",\"content\":\"b\"}"),
        Map.entry("receivedOn", "{\"channel\":\"WEBSITE\",\"receivedOn\":\"2026-11-17\",\"messageType\":\"CONSULTATION\",\"subject\":\"a\",\"content\":\"b\"}"),
        Map.entry("receivedOn", "{\"channel\":\"WEBSITE\",\"receivedOn\":\"1999-12-31\",\"messageType\":\"CONSULTATION\",\"subject\":\"a\",\"content\":\"b\"}"),
        Map.entry("messageType", "{\"channel\":\"WEBSITE\",\"receivedOn\":\"2026-11-16\",\"messageType\":\"x\",\"subject\":\"a\",\"content\":\"b\"}"),
        Map.entry("content", "{\"channel\":\"WEBSITE\",\"receivedOn\":\"2026-11-16\",\"messageType\":\"COMPLAINT\",\"subject\":\"a\"}"),
        Map.entry("citizenPhone", "{\"channel\":\"WEBSITE\",\"receivedOn\":\"2026-11-16\",\"messageType\":\"COMPLAINT\",\"subject\":\"a\",\"content\":\"b\",\"citizenPhone\":\"call me\"}"))) {
      long before = register.findByNumber("x").size();
      HttpResponse<String> response = send("POST", "/api/citizen-messages", "office", bad.getValue());
      assertThat(response.statusCode()).as(bad.getValue() + " " + response.body()).isEqualTo(400);
      JsonNode error = json.readTree(response.body()).get("errors").get(0);
      assertThat(error.get("field").asText()).isEqualTo(bad.getKey());
      assertThat(error.get("message").asText()).matches(".*\\p{IsHan}.*");
      assertThat(register.findByNumber("x").size()).isEqualTo(before);
    }
    HttpResponse<String> year = send("GET", "/api/citizen-messages/statistics?year=1999", "office", null);
    assertThat(year.statusCode()).isEqualTo(400);
    assertThat(json.readTree(year.body()).get("errors").get(0).get("field").asText()).isEqualTo("year");
    // a handler may not register messages
    assertThat(send("POST", "/api/citizen-messages", "handler", "{}").statusCode()).isEqualTo(403);
  }

  @Test
  void showsTheContactDataToTheOfficeOnlyAndMasksItForOthers() throws Exception {
    clockAt("2026-11-16T09:00");
    ProcessInstance pi = received("2026-11-16", "HELP", true);
    String path = "/api/citizen-messages/" + URLEncoder.encode(pi.getBusinessKey(), StandardCharsets.UTF_8);
    JsonNode office = get(path, "office");
    assertThat(office.get("citizenPhone").asText()).isEqualTo(PHONE);
    assertThat(office.get("citizenName").asText()).isEqualTo(NAME);
    JsonNode handler = get(path, "handler");
    assertThat(handler.get("citizenPhone").asText()).isEqualTo("138****5678");
    assertThat(handler.get("citizenName").asText()).isEqualTo("李**");
    assertThat(handler.get("citizenEmail").asText()).isEqualTo("l***@example.cn");
    assertThat(handler.get("contactMasked").asBoolean()).isTrue();
    assertThat(handler.get("content").asText()).contains("居住证");
    // the process cannot be started around the register (no registered message for its business key)
    assertThatThrownBy(() -> process.as("office", () -> engine.getRuntimeService()
        .startProcessInstanceByKey("citizen-message", "留言〔2026〕第999999号")))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("登记");
    assertNoPersonalDataInTheEngine(pi);
  }

  static JsonNode department(JsonNode statistics, String name) {
    for (JsonNode d : statistics.get("departments")) {
      if (name.equals(d.get("department").asText())) {
        return d;
      }
    }
    throw new AssertionError("no department " + name + " in " + statistics);
  }
}

package cn.gongkai.request;

import static cn.gongkai.request.ProcessTestSupport.beijing;
import static cn.gongkai.request.ProcessTestSupport.clockAt;
import static cn.gongkai.request.ProcessTestSupport.date;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.gongkai.request.internal.ReplyClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * 超期 is derived from the facts' dates, never from the overdue timer having fired (domain §9, 条例第三十三条):
 * facts recorded after the timer fired clear the flag, end the 督办 task with the reason in the record, and
 * the supervision overview and the annual report follow. Request received 2026-09-18, reply due 2026-10-22.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class OverdueFromDatesIT {

  static final String OVERDUE_TIMER = "BoundaryEvent_ReplyDeadlinePassed";
  static final String OVERDUE_TIMER_AGAIN = "IntermediateEvent_ReplyDeadlinePassedAgain";
  static final String SUPERVISE = "Task_SuperviseOverdueCase";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired CaseRegister register;

  ProcessTestSupport process;
  final HttpClient http = HttpClient.newHttpClient();
  final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    process = new ProcessTestSupport(engine);
    clockAt("2026-09-18T10:00");
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  ProcessInstance registeredAndAccepted() {
    ProcessInstance pi = process.startAsIntake(CaseFixtures.request("2026-09-18"));
    process.complete(pi, "Task_ScreenRequest", "intake", Map.of("screeningDecision", "ACCEPT"));
    return pi;
  }

  DisclosureCase row(ProcessInstance pi) {
    return register.findByNumber(pi.getBusinessKey()).orElseThrow();
  }

  /** The handler answers 信息不存在 on 2026-10-22 and the leader signs off the same day. */
  void decidedAndSignedOffOnTheLastDay(ProcessInstance pi) {
    clockAt("2026-10-22T10:00");
    Map<String, Object> vars = new HashMap<>();
    vars.put("nextAction", "DECIDE");
    vars.put("outcome", "NOT_EXIST");
    vars.put("decisionReason", "经检索，本机关未制作或获取该信息");
    vars.put("decisionArticles", "《中华人民共和国政府信息公开条例》第三十六条第四项");
    process.complete(pi, "Task_HandleRequest", "handler", vars);
    clockAt("2026-10-22T15:00");
    process.complete(pi, "Task_SignOffReply", "leader", Map.of("signOffResult", "APPROVED", "signedOn", "2026-10-22"));
  }

  /** At 00:00 on 2026-10-23 the deadline has passed: the overdue timer fires and a supervisor gets a 督办 task. */
  void overdueTimerFires(ProcessInstance pi) {
    process.fireTimer(pi, OVERDUE_TIMER);
    assertThat(ClockUtil.getCurrentTime()).isEqualTo(beijing("2026-10-23T00:00"));
    assertThat(process.task(pi, SUPERVISE)).isNotNull().hasCandidateGroup("supervisor");
    assertThat(row(pi).overdue()).isTrue();
  }

  CaseEvent lastEvent(ProcessInstance pi, String decision) {
    List<CaseEvent> events = register.events(row(pi).id()).stream()
        .filter(e -> decision.equals(e.decision())).toList();
    assertThat(events).as("events with decision " + decision).isNotEmpty();
    return events.get(events.size() - 1);
  }

  boolean passed(ProcessInstance pi, String activityId) {
    return engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
        .activityId(activityId).count() > 0;
  }

  JsonNode get(String path, String user) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Accept", "application/json")
            .header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
            .GET().build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json.readTree(response.body());
  }

  /** The case numbers the supervision overview lists in a state, over HTTP as the supervisor. */
  List<String> listed(String state) throws Exception {
    JsonNode body = get("/api/supervision/overview?state=" + state + "&size=500", "supervisor");
    List<String> numbers = new ArrayList<>();
    body.get("cases").get(state).get("items").forEach(item -> numbers.add(item.get("caseNumber").asText()));
    return numbers;
  }

  /** The older format's replies of 2026 by timeliness (按期 / 延期 / 超期), over HTTP as the supervisor. */
  Map<String, Long> replied2026() throws Exception {
    JsonNode replied = get("/api/reports/annual/2026", "supervisor").get("olderFormat").get("replied");
    Map<String, Long> counts = new HashMap<>();
    replied.fields().forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asLong()));
    return counts;
  }

  @Test
  void aReplyDeliveredOnItsLastDayButRecordedTheNextMorningCountsOnTime() throws Exception {
    // given a reply signed off on its last day, and the overdue timer firing at midnight
    ProcessInstance pi = registeredAndAccepted();
    decidedAndSignedOffOnTheLastDay(pi);
    overdueTimerFires(pi);
    Map<String, Long> before = replied2026();

    // when intake records the next morning that the reply was delivered on 2026-10-22
    clockAt("2026-10-23T09:30");
    process.complete(pi, "Task_DeliverReply", "intake",
        Map.of("replyDeliveryMethod", "EMAIL", "repliedOn", "2026-10-22"));

    // then the case is not overdue: the flag is cleared and the 督办 task ended with the reason on record
    assertThat(pi).isEnded();
    DisclosureCase c = row(pi);
    assertThat(c.repliedOn()).isEqualTo(date("2026-10-22"));
    assertThat(c.overdue()).isFalse();
    assertThat(c.overdueSince()).isNull();
    assertThat(passed(pi, "BoundaryEvent_OverdueCleared")).as("督办 ended by 不再逾期").isTrue();
    CaseEvent cleared = lastEvent(pi, "OVERDUE_CLEARED");
    assertThat(cleared.stepKey()).isEqualTo(SUPERVISE);
    assertThat(cleared.actor()).isEqualTo("intake");
    assertThat(cleared.comment()).contains("已按期答复（答复日期2026-10-22", "督办结束");
    // and the annual report's older format counts it 按期, not 超期
    Map<String, Long> after = replied2026();
    assertThat(after.get("ON_TIME")).isEqualTo(before.get("ON_TIME") + 1);
    assertThat(after.get("OVERDUE")).isEqualTo(before.get("OVERDUE"));
  }

  @Test
  void anExtensionApprovedBeforeTheDeadlineButRecordedAfterTheTimerFiredClearsOverdueAndMovesTheDeadline()
      throws Exception {
    // given an extension asked for in time, and the overdue timer firing before the approval is recorded
    ProcessInstance pi = registeredAndAccepted();
    clockAt("2026-10-20T10:00");
    process.complete(pi, "Task_HandleRequest", "handler",
        Map.of("nextAction", "REQUEST_EXTENSION", "extensionReason", "档案需调取"));
    overdueTimerFires(pi);
    clockAt("2026-10-23T09:00");
    assertThat(listed("OVERDUE")).contains(pi.getBusinessKey());

    // when the approval of 20 working days, given on paper on 2026-10-22, is recorded the next morning
    process.complete(pi, "Task_ApproveExtension", "leader",
        Map.of("extensionDecision", "APPROVED", "extensionWorkingDays", 20, "extensionApprovedOn", "2026-10-22"));

    // then the deadline moves to 2026-11-19, the flag clears and the 督办 task ends with the reason
    DisclosureCase c = row(pi);
    assertThat(c.replyDueOn()).isEqualTo(date("2026-11-19"));
    assertThat(c.overdue()).isFalse();
    assertThat(process.task(pi, SUPERVISE)).isNull();
    assertThat(pi).isWaitingAt("Task_NotifyExtension", OVERDUE_TIMER_AGAIN);
    assertThat(pi).variables().containsEntry("overdue", false).containsEntry("replyDueOn", "2026-11-19");
    CaseEvent cleared = lastEvent(pi, "OVERDUE_CLEARED");
    assertThat(cleared.actor()).isEqualTo("leader");
    assertThat(cleared.comment()).contains("延期答复20个工作日", "答复期限为2026-11-19", "督办结束");
    // and the overview no longer lists it as overdue
    assertThat(listed("OVERDUE")).doesNotContain(pi.getBusinessKey());
    assertThat(listed("NORMAL")).contains(pi.getBusinessKey());

    // when the new deadline passes unanswered, the alarm rings again and a supervisor gets a new 督办 task
    assertThat(process.timer(pi, OVERDUE_TIMER_AGAIN).getDuedate()).isEqualTo(beijing("2026-11-20T00:00"));
    process.fireTimer(pi, OVERDUE_TIMER_AGAIN);
    assertThat(process.task(pi, SUPERVISE)).isNotNull().hasCandidateGroup("supervisor");
    assertThat(row(pi).overdue()).isTrue();
    assertThat(row(pi).overdueSince()).isEqualTo(date("2026-11-20"));
  }

  @Test
  void aPauseDatedWithinTheDeadlineButRecordedAfterTheTimerFiredClearsOverdue() throws Exception {
    // given the overdue timer fired while the consultation letter of 2026-10-21 was not yet entered
    ProcessInstance pi = registeredAndAccepted();
    overdueTimerFires(pi);

    // when the handler records on 2026-10-23 that the third party was consulted on 2026-10-21
    clockAt("2026-10-23T10:00");
    process.complete(pi, "Task_HandleRequest", "handler", Map.of("nextAction", "CONSULT_THIRD_PARTY",
        "consultedParty", "某建筑公司", "consultationSentOn", "2026-10-21"));

    // then the stopped days are not counted: not overdue, 督办 ended, the overview shows it paused
    assertThat(row(pi).overdue()).isFalse();
    assertThat(process.task(pi, SUPERVISE)).isNull();
    assertThat(lastEvent(pi, "OVERDUE_CLEARED").comment()).contains("计时已于2026-10-21中止", "征求第三方意见");
    assertThat(listed("OVERDUE")).doesNotContain(pi.getBusinessKey());
    assertThat(listed("PAUSED")).contains(pi.getBusinessKey());
    // the re-armed alarm waits where a paused clock's timers wait
    assertThat(process.timer(pi, OVERDUE_TIMER_AGAIN).getDuedate()).isEqualTo(ReplyClock.PAUSED);
  }

  @Test
  void theOverdueTimerFiringWhileTheClockIsPausedDoesNotMarkItOverdue() {
    // given the third party consulted on 2026-10-20, within the deadline
    ProcessInstance pi = registeredAndAccepted();
    clockAt("2026-10-20T10:00");
    process.complete(pi, "Task_HandleRequest", "handler", Map.of("nextAction", "CONSULT_THIRD_PARTY",
        "consultedParty", "某建筑公司", "consultationSentOn", "2026-10-20"));

    // when the overdue timer is run anyway after the original deadline (say from Cockpit)
    clockAt("2026-10-23T00:30");
    engine.getManagementService().executeJob(process.timer(pi, OVERDUE_TIMER).getId());

    // then the case is not overdue and no supervisor is called; the alarm waits for the clock to resume
    assertThat(row(pi).overdue()).isFalse();
    assertThat(process.task(pi, SUPERVISE)).isNull();
    assertThat(pi).variables().containsEntry("overdue", false);
    assertThat(lastEvent(pi, "NOT_OVERDUE").comment()).contains("计时自2026-10-20起中止");
    assertThat(process.timer(pi, OVERDUE_TIMER_AGAIN).getDuedate()).isEqualTo(ReplyClock.PAUSED);

    // when the answer arrives on 2026-10-27: 21, 22, 23, 26, 27 October are not counted, due 2026-10-29
    clockAt("2026-10-27T10:00");
    process.complete(pi, "Task_ConsultThirdParty", "handler", Map.of("thirdPartyAnswer", "AGREE",
        "thirdPartyOpinion", "同意公开", "answerReceivedOn", "2026-10-27"));

    // then the alarm is set for the end of the new deadline day
    assertThat(row(pi).replyDueOn()).isEqualTo(date("2026-10-29"));
    assertThat(process.timer(pi, OVERDUE_TIMER_AGAIN).getDuedate()).isEqualTo(beijing("2026-10-30T00:00"));
    assertThat(row(pi).overdue()).isFalse();
  }

  @Test
  void aReplyReallyLateIsOverdueEvenWhenTheTimerNeverRan() throws Exception {
    // given a reply signed off on its last day, and no timer run (the job executor was down)
    ProcessInstance pi = registeredAndAccepted();
    decidedAndSignedOffOnTheLastDay(pi);
    Map<String, Long> before = replied2026();

    // when it is delivered, and recorded, on 2026-10-26
    clockAt("2026-10-26T10:00");
    process.complete(pi, "Task_DeliverReply", "intake",
        Map.of("replyDeliveryMethod", "EMAIL", "repliedOn", "2026-10-26"));

    // then the case is overdue since 2026-10-23 and the report counts it 超期
    DisclosureCase c = row(pi);
    assertThat(c.overdue()).isTrue();
    assertThat(c.overdueSince()).isEqualTo(date("2026-10-23"));
    assertThat(lastEvent(pi, "OVERDUE").comment()).contains("答复日期2026-10-26晚于答复期限2026-10-22");
    Map<String, Long> after = replied2026();
    assertThat(after.get("OVERDUE")).isEqualTo(before.get("OVERDUE") + 1);
    assertThat(after.get("ON_TIME")).isEqualTo(before.get("ON_TIME"));
  }
}

package cn.gongkai.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.calendar.WorkingDayCalendar;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** {@code GET /api/supervision/overview} over real HTTP against a seeded register: figures, rows, paging, access. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SupervisionOverviewIT {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;
  @Autowired WorkingDayCalendar calendar;
  @Autowired SupervisionOverview overview;

  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();

  Map<SupervisionState, Long> countsBefore;
  List<SeededCases.Seeded> seeded;

  @BeforeAll
  void seed() throws Exception {
    SeededCases.clockAt(SeededCases.TODAY);
    // other test classes share this Spring context and its database: remember what was there
    countsBefore = counts(get("/api/supervision/overview?size=1", "supervisor"));
    seeded = new SeededCases(engine, jdbc).seed();
  }

  @BeforeEach
  void today() {
    SeededCases.clockAt(SeededCases.TODAY);
  }

  @AfterAll
  void resetClock() {
    ClockUtil.reset();
  }

  HttpResponse<String> send(String path, String user) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Accept", "application/json");
    if (user != null) {
      request.header("Authorization", "Basic "
          + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
    }
    return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  JsonNode get(String path, String user) throws Exception {
    HttpResponse<String> response = send(path, user);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json.readTree(response.body());
  }

  static Map<SupervisionState, Long> counts(JsonNode body) {
    Map<SupervisionState, Long> counts = new EnumMap<>(SupervisionState.class);
    for (SupervisionState state : SupervisionState.values()) {
      counts.put(state, body.get("counts").get(state.name()).asLong());
    }
    return counts;
  }

  /** The register's truth: every open row classified by the reference rule, in Java. */
  Map<SupervisionState, Long> registerTruth() {
    SupervisionWindow window = overview.window(LocalDate.parse(SeededCases.TODAY.substring(0, 10)));
    Map<SupervisionState, Long> truth = new EnumMap<>(SupervisionState.class);
    for (SupervisionState state : SupervisionState.values()) {
      truth.put(state, 0L);
    }
    jdbc.sql("SELECT replied_on, reply_due_on, paused_since, reply_due_provisional FROM gk_disclosure_case"
            + " WHERE status = 'OPEN'")
        .query(rs -> {
          SupervisionState state = SupervisionState.of(rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class),
              rs.getObject(3, LocalDate.class), rs.getBoolean(4), window);
          truth.merge(state, 1L, Long::sum);
        });
    return truth;
  }

  JsonNode row(JsonNode body, SeededCases.Seeded c) {
    for (JsonNode item : body.get("cases").get(c.state().name()).get("items")) {
      if (item.get("caseNumber").asText().equals(c.caseNumber())) {
        return item;
      }
    }
    throw new AssertionError(c.name() + " " + c.caseNumber() + " not listed under " + c.state());
  }

  SeededCases.Seeded seeded(String name) {
    return seeded.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void countsEqualTheRegistersTruthIncludingPausedAndProvisionalCases() throws Exception {
    // when the supervisor asks for the overview
    JsonNode body = get("/api/supervision/overview", "supervisor");

    // then every count equals the register classified row by row, and the seeded cases added exactly their states
    Map<SupervisionState, Long> counts = counts(body);
    assertThat(counts).isEqualTo(registerTruth());
    Map<SupervisionState, Long> added = new EnumMap<>(SupervisionState.class);
    counts.forEach((state, n) -> added.put(state, n - countsBefore.get(state)));
    assertThat(added).isEqualTo(SeededCases.countByState(seeded));
    assertThat(body.get("total").asLong()).isEqualTo(counts.values().stream().mapToLong(Long::longValue).sum());
    // the paused clocks say why they stopped
    JsonNode paused = body.get("states").get(SupervisionState.PAUSED.ordinal());
    assertThat(paused.get("label").asText()).isEqualTo("计时暂停");
    List<String> reasons = new ArrayList<>();
    paused.get("pauseReasons").forEach(r -> reasons.add(r.get("label").asText()));
    assertThat(reasons).contains("征求第三方意见", "征求其他机关意见");
    assertThat(body.get("dueSoonWorkingDays").asInt()).isEqualTo(3);
  }

  @Test
  void listsEachSeededCaseUnderItsStateWithDeadlineWorkingDaysLeftAndHolder() throws Exception {
    JsonNode body = get("/api/supervision/overview?size=500", "supervisor");

    JsonNode dueSoon = row(body, seeded("dueSoon"));
    assertThat(dueSoon.get("dueOn").asText()).isEqualTo("2026-11-27");
    assertThat(dueSoon.get("workingDaysLeft").asInt()).isEqualTo(2);
    assertThat(dueSoon.get("stateLabel").asText()).isEqualTo("即将到期");
    assertThat(dueSoon.get("provisional").asBoolean()).isFalse();
    assertThat(dueSoon.get("receivedOn").asText()).isEqualTo("2026-10-30");
    assertThat(dueSoon.get("processKey").asText()).isEqualTo("disclosure-request");
    assertThat(dueSoon.get("processName").asText()).isEqualTo("政府信息公开申请办理");
    assertThat(dueSoon.get("currentStepName").asText()).isEqualTo("审核申请");
    assertThat(dueSoon.get("holder").asText()).isEqualTo("受理登记");
    assertThat(dueSoon.get("openTasks").get(0).get("candidateGroups").get(0).asText()).isEqualTo("intake");
    assertThat(dueSoon.get("cockpitUrl").asText()).isEqualTo(
        "/camunda/app/cockpit/default/#/process-instance/" + seeded("dueSoon").processInstanceId() + "/runtime");

    assertThat(row(body, seeded("dueSoonProvisional")).get("provisional").asBoolean()).isTrue();
    assertThat(row(body, seeded("provisional")).get("stateLabel").asText()).isEqualTo("期限待定");

    JsonNode overdue = row(body, seeded("overdueByDate"));
    assertThat(overdue.get("dueOn").asText()).isEqualTo("2026-11-17");
    assertThat(overdue.get("workingDaysLeft").asInt()).isEqualTo(-6);

    // the deadline timer handed this one to supervisors: two open tasks, two holders
    JsonNode marked = row(body, seeded("overdueMarked"));
    assertThat(marked.get("openTasks")).hasSize(2);
    assertThat(marked.get("holder").asText()).contains("受理登记", "督办");

    JsonNode paused = row(body, seeded("paused"));
    assertThat(paused.get("pauseReason").asText()).isEqualTo("CONSULT_THIRD_PARTY");
    assertThat(paused.get("pauseReasonLabel").asText()).isEqualTo("征求第三方意见");
    assertThat(paused.get("pausedSince").asText()).isEqualTo("2026-11-24");
    assertThat(paused.get("workingDaysLeft").asInt()).isEqualTo(18);
    assertThat(paused.get("currentStepName").asText()).isEqualTo("征求第三方意见");
    assertThat(paused.get("holder").asText()).isEqualTo("承办科室");

    // paused before its date passed: what was left when the clock stopped
    JsonNode pausedPastDate = row(body, seeded("pausedPastDate"));
    assertThat(pausedPastDate.get("dueOn").asText()).isEqualTo("2026-11-17");
    assertThat(pausedPastDate.get("workingDaysLeft").asInt()).isEqualTo(5);
    assertThat(pausedPastDate.get("holder").asText()).isEqualTo("承办员（handler）");
    assertThat(pausedPastDate.get("openTasks").get(0).get("assignee").asText()).isEqualTo("handler");

    assertThat(row(body, seeded("normal")).get("workingDaysLeft").asInt()).isEqualTo(20);
  }

  @Test
  void pagesEachStateMostUrgentFirstAndItsTotalsMatchTheCounts() throws Exception {
    JsonNode all = get("/api/supervision/overview?size=500", "supervisor");
    for (SupervisionState state : SupervisionState.values()) {
      JsonNode page = all.get("cases").get(state.name());
      long count = all.get("counts").get(state.name()).asLong();
      assertThat(page.get("total").asLong()).isEqualTo(count);
      assertThat(page.get("items")).hasSize((int) Math.min(count, 500));
      List<String> dues = new ArrayList<>();
      page.get("items").forEach(item -> {
        assertThat(item.get("state").asText()).isEqualTo(state.name());
        dues.add(item.get("dueOn").isNull() ? "9999-12-31" : item.get("dueOn").asText());
      });
      assertThat(dues).isSorted();
    }

    // page 2 of size 1 is the second row of page 1 of size 2, and only the asked states are listed
    JsonNode first = get("/api/supervision/overview?state=OVERDUE&size=2", "supervisor");
    JsonNode second = get("/api/supervision/overview?state=OVERDUE&size=1&page=2", "supervisor");
    assertThat(second.get("cases").has("PAUSED")).isFalse();
    assertThat(second.get("cases").get("OVERDUE").get("items").get(0).get("caseNumber"))
        .isEqualTo(first.get("cases").get("OVERDUE").get("items").get(1).get("caseNumber"));
    assertThat(second.get("cases").get("OVERDUE").get("pages").asLong())
        .isEqualTo(all.get("counts").get("OVERDUE").asLong());

    // one process only: the same figures while disclosure requests are the only source
    JsonNode disclosure = get("/api/supervision/overview?process=disclosure-request&size=1", "supervisor");
    assertThat(counts(disclosure)).isEqualTo(counts(all));
  }

  @Test
  void refusesBadPagingStatesAndProcessesWithAChineseMessageNamingTheParameter() throws Exception {
    for (var bad : List.of(Map.entry("page", "page=0"), Map.entry("page", "page=x"), Map.entry("size", "size=0"),
        Map.entry("size", "size=501"), Map.entry("state", "state=LATE"), Map.entry("process", "process=nope"))) {
      HttpResponse<String> response = send("/api/supervision/overview?" + bad.getValue(), "supervisor");
      assertThat(response.statusCode()).as(bad.getValue()).isEqualTo(400);
      JsonNode error = json.readTree(response.body()).get("errors").get(0);
      assertThat(error.get("field").asText()).isEqualTo(bad.getKey());
      assertThat(error.get("message").asText()).matches(".*\\p{IsHan}.*");
    }
  }

  @Test
  void answersSupervisorsAndAdministratorsOnly() throws Exception {
    assertThat(send("/api/supervision/overview", null).statusCode()).isEqualTo(401);
    assertThat(send("/api/supervision/overview", "handler").statusCode()).isEqualTo(403);
    assertThat(send("/api/supervision/overview", "intake").statusCode()).isEqualTo(403);
    assertThat(send("/api/supervision/overview?size=1", "admin").statusCode()).isEqualTo(200);
  }

  @Test
  void dueSoonMeansAtMostNWorkingDaysAhead() {
    LocalDate today = LocalDate.parse("2026-11-25");
    SupervisionWindow window = overview.window(today);
    for (LocalDate due = today; due.isBefore(today.plusDays(60)); due = due.plusDays(1)) {
      boolean inWindow = !due.isAfter(window.dueSoonUntil());
      assertThat(inWindow).as(due.toString())
          .isEqualTo(calendar.workingDaysBetween(today, due) <= window.dueSoonWorkingDays());
    }
  }
}

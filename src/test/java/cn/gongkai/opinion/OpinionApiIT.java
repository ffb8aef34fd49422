package cn.gongkai.opinion;

import static cn.gongkai.testing.EngineDriver.clockAt;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Over real HTTP: the 督办 overview with {@code process=public-opinion} (hour clocks: late the same day counts),
 * and the year's events with their response times for the annual report's 回应关切 section.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class OpinionApiIT {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();

  @AfterEach
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

  static List<String> caseNumbers(JsonNode overview, String state) {
    List<String> numbers = new ArrayList<>();
    overview.get("cases").get(state).get("items").forEach(i -> numbers.add(i.get("caseNumber").asText()));
    return numbers;
  }

  @Test
  void overviewCountsAnEventUnansweredAtFiveHoursOverdueTheSameDay() throws Exception {
    OpinionProcessSupport process = new OpinionProcessSupport(engine);
    // given a major event seen at 09:00 (limit 14:00) and an ordinary one seen at 13:00 (limit in 48 hours)
    clockAt("2026-11-16T09:20");
    ProcessInstance major = process.register("2026-11-16T09:00");
    process.assess(major, "MAJOR");
    clockAt("2026-11-16T13:10");
    ProcessInstance general = process.register("2026-11-16T13:00");
    process.assess(general, "GENERAL");

    // when a supervisor looks at 14:30 the same day
    clockAt("2026-11-16T14:30");
    JsonNode overview = get("/api/supervision/overview?process=public-opinion&size=500", "supervisor");

    // then the major event is overdue (by the hour, though its deadline day is today), the other one is not
    assertThat(overview.get("process").asText()).isEqualTo("public-opinion");
    assertThat(overview.get("processes").toString()).contains("public-opinion", "政务舆情回应");
    assertThat(caseNumbers(overview, "OVERDUE")).contains(major.getBusinessKey())
        .doesNotContain(general.getBusinessKey());
    JsonNode row = null;
    for (JsonNode item : overview.get("cases").get("OVERDUE").get("items")) {
      if (item.get("caseNumber").asText().equals(major.getBusinessKey())) {
        row = item;
      }
    }
    assertThat(row.get("processName").asText()).isEqualTo("政务舆情回应");
    assertThat(row.get("stateLabel").asText()).isEqualTo("已逾期");
    assertThat(row.get("dueOn").asText()).isEqualTo("2026-11-16");
    assertThat(overview.get("counts").get("OVERDUE").asLong()).isGreaterThanOrEqualTo(1);

    // when the unit records at 14:45 a publication made at 14:35, and the events of 2026 are listed
    clockAt("2026-11-16T14:45");
    process.respond(major, "Task_PublishAuthoritativeInformation", "2026-11-16T14:35");
    JsonNode events = get("/api/public-opinion/events?year=2026", "office");

    // then the list gives the response time from first seen to first response and says it was late
    JsonNode event = null;
    for (JsonNode e : events.get("events")) {
      if (e.get("caseNumber").asText().equals(major.getBusinessKey())) {
        event = e;
      }
    }
    assertThat(events.get("year").asInt()).isEqualTo(2026);
    assertThat(event.get("levelLabel").asText()).isEqualTo("特别重大、重大突发事件");
    assertThat(event.get("firstSeenAt").asText()).isEqualTo("2026-11-16 09:00");
    assertThat(event.get("firstResponseAt").asText()).isEqualTo("2026-11-16 14:35");
    assertThat(event.get("responseTime").asText()).isEqualTo("5:35");
    assertThat(event.get("late").asBoolean()).isTrue();
    assertThat(event.get("timelinessLabel").asText()).isEqualTo("超期");
    assertThat(event.get("responsibleUnit").asText()).isEqualTo("州住房城乡建设局");
    assertThat(events.get("lateCount").asLong()).isGreaterThanOrEqualTo(1);
  }

  @Test
  void aYearOutsideTheSaneRangeIsRefusedInChineseAndStrangersAreKeptOut() throws Exception {
    for (String year : List.of("1999", "2101", "abc", "99999999999")) {
      HttpResponse<String> response = send("/api/public-opinion/events?year=" + year, "office");
      assertThat(response.statusCode()).as(year).isEqualTo(400);
      JsonNode body = json.readTree(response.body());
      assertThat(body.toString()).contains("year").contains("年份应为2000至2100之间");
    }
    assertThat(send("/api/public-opinion/events?year=2026", null).statusCode()).isEqualTo(401);
    assertThat(send("/api/public-opinion/events?year=2026", "intake").statusCode()).isEqualTo(403);
  }
}

package cn.gongkai.interpretation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The 三同步 API over real HTTP: the published pairs with both dates, the working days between them and
 * whether the rule was met; who may read them. Dates in November 2026 (no holiday): any calendar agrees.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class InterpretationApiIT {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  HttpResponse<String> get(String path, String user) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
    if (user != null) {
      request.header("Authorization", "Basic "
          + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  JsonNode pairOf(JsonNode body, String caseNumber) {
    return StreamSupport.stream(body.get("pairs").spliterator(), false)
        .filter(p -> p.get("caseNumber").asText().equals(caseNumber))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no pair " + caseNumber));
  }

  @Test
  void listsPublishedPairsWithBothDatesTheWorkingDaysBetweenAndWhetherTheRuleWasMet() throws Exception {
    // given one interpretation published two working days after its policy, another four
    PolicyProcessSupport process = new PolicyProcessSupport(engine);
    String onTime = process.publishedPair("2026-11-16", "2026-11-18").getBusinessKey();
    String late = process.publishedPair("2026-11-16", "2026-11-20").getBusinessKey();

    // when a supervisor asks for the published pairs
    HttpResponse<String> response = get("/api/interpretations/published", "supervisor");

    // then both are listed with their dates, the working days between them and the verdict
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode body = json.readTree(response.body());
    assertThat(body.get("count").asInt()).isGreaterThanOrEqualTo(2);
    JsonNode first = pairOf(body, onTime);
    assertThat(first.get("title").asText()).isEqualTo("楚雄州关于进一步优化营商环境的若干措施");
    assertThat(first.get("policyPublishedOn").asText()).isEqualTo("2026-11-16");
    assertThat(first.get("interpretationPublishedOn").asText()).isEqualTo("2026-11-18");
    assertThat(first.get("policyUrl").asText()).startsWith("https://");
    assertThat(first.get("interpretationUrl").asText()).startsWith("https://");
    assertThat(first.get("workingDaysBetween").asInt()).isEqualTo(2);
    assertThat(first.get("limitWorkingDays").asInt()).isEqualTo(3);
    assertThat(first.get("interpretationDueOn").asText()).isEqualTo("2026-11-19");
    assertThat(first.get("ruleMet").asBoolean()).isTrue();
    JsonNode second = pairOf(body, late);
    assertThat(second.get("interpretationPublishedOn").asText()).isEqualTo("2026-11-20");
    assertThat(second.get("workingDaysBetween").asInt()).isEqualTo(4);
    assertThat(second.get("ruleMet").asBoolean()).isFalse();
  }

  @Test
  void answers401WithoutCredentialsAnd403ToOtherRoles() throws Exception {
    assertThat(get("/api/interpretations/published", null).statusCode()).isEqualTo(401);
    assertThat(get("/api/interpretations/published", "intake").statusCode()).isEqualTo(403);
    assertThat(get("/api/interpretations/published", "drafter").statusCode()).isEqualTo(200);
  }

  @Test
  void showsTheCaseFileWithItsHistoryToStaff() throws Exception {
    String caseNumber = new PolicyProcessSupport(engine).publishedPair("2026-11-16", "2026-11-17").getBusinessKey();
    String path = "/cases/interpretations/"
        + URLEncoder.encode(caseNumber, StandardCharsets.UTF_8).replace("+", "%20");

    HttpResponse<String> page = get(path, "office");

    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    assertThat(page.body()).contains(caseNumber).contains("楚雄州关于进一步优化营商环境的若干措施")
        .contains("同时批准").contains("1 个工作日，符合三同步发布要求").contains("收文审核");
    assertThat(get(path, "intake").statusCode()).isEqualTo(403);
  }

  HttpResponse<String> postJson(String path, String user, String body) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic "
            + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
        .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  @Test
  void countsAPolicyPublishedOnTheEveOfNationalDayAndEnteredAfterTheHolidayWithItsOwnDay() throws Exception {
    // given a pair submitted 2026-09-28, received, approved (09-29) and its policy's publication (09-30)
    // all entered after the National Day holiday, the interpretation published on the make-up Saturday
    PolicyProcessSupport process = new PolicyProcessSupport(engine);
    PolicyProcessSupport.clockAt("2026-09-28T09:00");
    var pi = process.submitAsDrafter(PolicyFixtures.submission());
    PolicyProcessSupport.clockAt("2026-10-08T09:00");
    process.accept(pi, "2026-09-28");
    process.reviewAndApprove(pi, "2026-09-29");
    PolicyProcessSupport.clockAt("2026-10-09T09:00");
    process.publishPolicy(pi, "2026-09-30");
    PolicyProcessSupport.clockAt("2026-10-10T10:00");
    process.publishInterpretation(pi, "2026-10-10");

    // when a supervisor asks for the published pairs
    HttpResponse<String> response = get("/api/interpretations/published", "supervisor");

    // then the pair counts from the policy's day: 3 working days (REAL CALENDAR), on time
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode pair = pairOf(json.readTree(response.body()), pi.getBusinessKey());
    assertThat(pair.get("policyPublishedOn").asText()).isEqualTo("2026-09-30");
    assertThat(pair.get("interpretationPublishedOn").asText()).isEqualTo("2026-10-10");
    assertThat(pair.get("interpretationDueOn").asText()).isEqualTo("2026-10-10");
    assertThat(pair.get("workingDaysBetween").asInt()).isEqualTo(3);
    assertThat(pair.get("ruleMet").asBoolean()).isTrue();
  }

  @Test
  void theOfficeCannotCompleteAnIncompleteSubmissionBySendingAPlanAndTheCasePageShowsTheDrafters()
      throws Exception {
    // given a pair submitted without an interpretation plan
    PolicyProcessSupport process = new PolicyProcessSupport(engine);
    PolicyProcessSupport.clockAt("2026-11-16T09:00");
    var pi = process.submitAsDrafter(PolicyFixtures.without("interpretationPlan"));
    String taskId = process.task(pi, "Task_ReceiveSubmission").getId();

    // when the office completes its receipt over the engine's REST API, sending a plan of its own
    HttpResponse<String> completed = postJson("/engine-rest/task/" + taskId + "/complete", "office", """
        {"variables": {"receiptDecision": {"value": "ACCEPTED"}, "receivedOn": {"value": "2026-11-16"},
         "interpretationPlan": {"value": "办公室代填的解读方案"}}}""");

    // then it is refused with the reason, and the task still waits for the office's decision
    assertThat(completed.statusCode()).as(completed.body()).isEqualTo(400);
    assertThat(completed.body()).contains("interpretationPlan");
    assertThat(process.task(pi, "Task_ReceiveSubmission")).isNotNull();

    // and the case page shows what the drafter submitted: no plan, the system's finding, nothing received
    String path = "/cases/interpretations/"
        + URLEncoder.encode(pi.getBusinessKey(), StandardCharsets.UTF_8).replace("+", "%20");
    HttpResponse<String> page = get(path, "office");
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    assertThat(page.body()).contains("材料不全").contains("缺少解读方案").doesNotContain("办公室代填的解读方案")
        .doesNotContain("收文日期");
  }
}

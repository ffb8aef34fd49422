package cn.gongkai.request;

import static cn.gongkai.request.ProcessTestSupport.clockAt;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The record cannot be rewritten from outside (issue §3): a case is found by its process instance,
 * variables can be written only through the task's form, and a form submission carries only what the
 * form declares. Over HTTP, as the engine REST API and the webapps' engine API (Tasklist's) are used.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CaseRecordIntegrityIT {

  @Autowired ProcessEngine engine;
  @Autowired CaseRegister register;
  @LocalServerPort int port;

  final ObjectMapper json = new ObjectMapper();
  ProcessTestSupport process;

  @BeforeEach
  void setUp() {
    process = new ProcessTestSupport(engine);
    clockAt("2026-09-18T10:00");
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  DisclosureCase row(ProcessInstance instance) {
    return register.findByNumber(instance.getBusinessKey()).orElseThrow();
  }

  HttpResponse<String> rest(String user, String method, String path, String body) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes()))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
        .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  static String closingAsPetition() {
    return """
        {"variables": {"screeningDecision": {"value": "CLOSE"}, "closingOutcome": {"value": "PETITION"},
          "screeningComment": {"value": "请向信访部门反映"}}}""";
  }

  @Test
  void refusesTheCaseIdRewriteFromAnotherCasesTaskAndLeavesThatCaseUntouched() throws Exception {
    // given two registered cases; intake works the second one's screening task
    ProcessInstance first = process.startAsIntake(CaseFixtures.request("2026-09-18"));
    ProcessInstance second = process.startAsIntake(CaseFixtures.request("2026-09-18"));
    DisclosureCase firstBefore = row(first);
    int firstEvents = register.events(firstBefore.id()).size();
    Task task = process.task(second, "Task_ScreenRequest");

    // when intake points the second case's task at the first case
    HttpResponse<String> rewrite = rest("intake", "PUT", "/engine-rest/task/" + task.getId() + "/variables/caseId",
        "{\"value\": " + firstBefore.id() + ", \"type\": \"Long\"}");
    // and completes it with a closing decision
    HttpResponse<String> closed = rest("intake", "POST", "/engine-rest/task/" + task.getId() + "/submit-form",
        closingAsPetition());

    // then the rewrite is refused and the closing acts on the second case only
    assertThat(rewrite.statusCode()).isEqualTo(403);
    assertThat(closed.statusCode()).as(closed.body()).isEqualTo(204);
    DisclosureCase firstAfter = row(first);
    assertThat(firstAfter.outcome()).isNull();
    assertThat(firstAfter.currentStep()).isEqualTo("Task_ScreenRequest");
    assertThat(register.events(firstBefore.id())).hasSize(firstEvents);
    assertThat(row(second).outcome()).isEqualTo(Outcome.PETITION);
    assertThat(row(second).currentStep()).isEqualTo("Task_DeliverReply");
  }

  @Test
  void findsTheCaseByProcessInstanceWhateverTheCaseIdVariableSays() {
    // given the second case's caseId variable pointing at the first case (as the engine itself could write it)
    ProcessInstance first = process.startAsIntake(CaseFixtures.request("2026-09-18"));
    ProcessInstance second = process.startAsIntake(CaseFixtures.request("2026-09-18"));
    engine.getRuntimeService().setVariable(second.getId(), "caseId", row(first).id());

    // when the second case is closed at screening
    process.complete(second, "Task_ScreenRequest", "intake", Map.of("screeningDecision", "CLOSE",
        "closingOutcome", "PETITION", "screeningComment", "请向信访部门反映"));

    // then the second case got the outcome, the first none
    assertThat(row(second).outcome()).isEqualTo(Outcome.PETITION);
    assertThat(row(first).outcome()).isNull();
    assertThat(row(first).currentStep()).isEqualTo("Task_ScreenRequest");
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(delimiter = '|', value = {
      "PUT|/engine-rest/task/{task}/variables/caseId|{\"value\": 1, \"type\": \"Long\"}",
      "POST|/engine-rest/task/{task}/variables|{\"modifications\": {\"caseId\": {\"value\": 1, \"type\": \"Long\"}}}",
      "PUT|/engine-rest/task/{task}/localVariables/caseId|{\"value\": 1, \"type\": \"Long\"}",
      "POST|/engine-rest/task/{task}/localVariables|{\"modifications\": {\"replyDueOn\": {\"value\": \"2027-12-31\"}}}",
      "PUT|/engine-rest/process-instance/{instance}/variables/caseNumber|{\"value\": \"〔2026〕第1号\"}",
      "POST|/engine-rest/process-instance/{instance}/variables|{\"modifications\": {\"receivedOn\": {\"value\": \"2026-01-01\"}}}",
      "PUT|/engine-rest/execution/{instance}/localVariables/caseId|{\"value\": 1, \"type\": \"Long\"}",
      "POST|/engine-rest/execution/{instance}/localVariables|{\"modifications\": {\"caseId\": {\"value\": 1, \"type\": \"Long\"}}}"})
  void refusesEveryVariableWriteOutsideTheFormAndChangesNothing(String method, String path, String body)
      throws Exception {
    ProcessInstance pi = process.startAsIntake(CaseFixtures.request("2026-09-18"));
    Task task = process.task(pi, "Task_ScreenRequest");
    // the candidate claims the task: as assignee too, writing variables is refused
    assertThat(rest("intake", "POST", "/engine-rest/task/" + task.getId() + "/claim", "{\"userId\": \"intake\"}")
        .statusCode()).isEqualTo(204);
    Map<String, Object> before = engine.getRuntimeService().getVariables(pi.getId());
    Map<String, Object> localBefore = engine.getTaskService().getVariablesLocal(task.getId());

    HttpResponse<String> response = rest("intake", method,
        path.replace("{task}", task.getId()).replace("{instance}", pi.getId()), body);

    assertThat(response.statusCode()).as(response.body()).isIn(400, 403);
    assertThat(engine.getRuntimeService().getVariables(pi.getId())).isEqualTo(before);
    assertThat(engine.getTaskService().getVariablesLocal(task.getId())).isEqualTo(localBefore);
  }

  @Test
  void refusesAVariableWriteThroughTheWebappsEngineApi() throws Exception {
    ProcessInstance pi = process.startAsIntake(CaseFixtures.request("2026-09-18"));
    Task task = process.task(pi, "Task_ScreenRequest");
    Object caseId = engine.getRuntimeService().getVariable(pi.getId(), "caseId");
    WebappSession tasklist = WebappSession.login(port, "intake");

    HttpResponse<String> response = tasklist.send("PUT",
        "/camunda/api/engine/engine/default/task/" + task.getId() + "/variables/caseId",
        "{\"value\": 1, \"type\": \"Long\"}");
    HttpResponse<String> undeclared = tasklist.send("POST",
        "/camunda/api/engine/engine/default/task/" + task.getId() + "/submit-form",
        "{\"variables\": {\"screeningDecision\": {\"value\": \"ACCEPT\"}, \"caseId\": {\"value\": 1}}}");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
    assertRefused(undeclared, "caseId");
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), "caseId")).isEqualTo(caseId);
    assertThat(process.task(pi, "Task_ScreenRequest")).isNotNull();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "/submit-form|{\"variables\": {\"screeningDecision\": {\"value\": \"ACCEPT\"}, \"caseId\": {\"value\": 1, \"type\": \"Long\"}}}|caseId",
      "/complete|{\"variables\": {\"screeningDecision\": {\"value\": \"ACCEPT\"}, \"handledBy\": {\"value\": \"intake\"}}}|handledBy",
      "/submit-form|{\"variables\": {\"screeningDecision\": {\"value\": \"ACCEPT\"}, \"caseNumber\": {\"value\": \"〔2026〕第1号\"}}}|caseNumber"})
  void refusesATaskSubmissionWithAFieldItsFormDoesNotDeclare(String action, String body, String field)
      throws Exception {
    ProcessInstance pi = process.startAsIntake(CaseFixtures.request("2026-09-18"));
    Task task = process.task(pi, "Task_ScreenRequest");

    HttpResponse<String> response = rest("intake", "POST", "/engine-rest/task/" + task.getId() + action, body);

    assertRefused(response, field);
    assertThat(process.task(pi, "Task_ScreenRequest")).isNotNull();
    assertThat(row(pi).screenedAt()).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"/submit-form", "/start"})
  void refusesAStartWithAFieldTheStartFormDoesNotDeclare(String action) throws Exception {
    long cases = register.count();
    Map<String, Object> fields = CaseFixtures.request("2026-09-18");
    StringBuilder variables = new StringBuilder("{\"variables\": {\"caseId\": {\"value\": 1, \"type\": \"Long\"}");
    fields.forEach((k, v) -> variables.append(", \"").append(k).append("\": {\"value\": \"").append(v).append("\"}"));
    variables.append("}}");

    HttpResponse<String> response = rest("intake", "POST",
        "/engine-rest/process-definition/key/disclosure-request" + action, variables.toString());

    assertRefused(response, "caseId");
    assertThat(register.count()).isEqualTo(cases);
  }

  /** Refused with 400 and the Chinese message naming the field, whichever engine resource was called. */
  void assertRefused(HttpResponse<String> response, String field) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(json.readTree(response.body()).get("message").asText())
        .contains("字段“" + field + "”", "表单");
  }

  /** A logged-in webapp session (Tasklist's): session cookie and CSRF token as the browser has them. */
  record WebappSession(HttpClient client, CookieManager cookies, int port) {

    static WebappSession login(int port, String user) throws Exception {
      CookieManager cookies = new CookieManager();
      HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
      WebappSession session = new WebappSession(client, cookies, port);
      client.send(HttpRequest.newBuilder(session.uri("/camunda/app/tasklist/default/")).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> login = client.send(HttpRequest.newBuilder(
              session.uri("/camunda/api/admin/auth/user/default/login/tasklist"))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .header("X-XSRF-TOKEN", session.token())
          .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo"))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
      // the login starts a new session: its CSRF token comes with the next request
      HttpResponse<String> me = client.send(HttpRequest.newBuilder(session.uri(
          "/camunda/api/engine/engine/default/user/" + user + "/profile")).header("Accept", "application/json")
          .GET().build(), HttpResponse.BodyHandlers.ofString());
      assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
      return session;
    }

    URI uri(String path) {
      return URI.create("http://localhost:" + port + path);
    }

    String token() {
      return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
          .map(HttpCookie::getValue).reduce((a, b) -> b).orElse("");
    }

    HttpResponse<String> send(String method, String path, String body) throws Exception {
      return client.send(HttpRequest.newBuilder(uri(path))
          .header("Content-Type", "application/json")
          .header("Accept", "application/json")
          .header("X-XSRF-TOKEN", token())
          .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
          .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
  }
}

package cn.gongkai.desk;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.util.UriUtils;

/**
 * The desk staff's view of their work: the task list's case summary (number, applicant masked per role, due
 * date, working days left), the case page in Chinese with names, Cockpit's case of an instance, and the
 * office practice of giving intake tasks to the clerk who registered the case.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "gongkai.tasks.assign-to-registering-clerk=true")
@ActiveProfiles("test")
class DeskIT {

  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;
  @LocalServerPort int port;

  EngineDriver driver;

  @BeforeEach
  void setUp() {
    driver = new EngineDriver(engine);
    // Thursday 26 November 2026, 10:00 in Beijing
    EngineDriver.clockAt("2026-11-26T10:00:00");
    IdentityService identity = engine.getIdentityService();
    if (identity.createUserQuery().userId("clerk2").count() == 0) {
      User clerk = identity.newUser("clerk2");
      clerk.setLastName("李");
      clerk.setFirstName("四");
      // the password policy (GongkaiPasswordPolicy) refuses "demo" for new users
      clerk.setPassword("Gk#2026clerk");
      identity.saveUser(clerk);
      identity.createMembership("clerk2", "intake");
      // a clerk of the prefecture office (agencies are Camunda tenants, issue 14)
      identity.createTenantUserMembership("chuxiong", "clerk2");
    }
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  static Map<String, Object> request(String receivedOn) {
    Map<String, Object> fields = new HashMap<>();
    fields.put("applicantType", "NATURAL_PERSON");
    fields.put("applicantName", "张三丰");
    fields.put("idType", "ID_CARD");
    fields.put("idNumber", "11010519491231002X");
    fields.put("phone", "13812345678");
    fields.put("address", "云南省楚雄彝族自治州楚雄市鹿城镇某路1号");
    fields.put("channel", "IN_PERSON");
    fields.put("receivedOn", receivedOn);
    fields.put("description", "2025年度楚雄市城市道路维修工程招标文件");
    fields.put("provisionForm", "ELECTRONIC");
    fields.put("deliveryMethod", "PICKUP");
    return fields;
  }

  @Test
  void givesTheScreeningTaskToTheClerkWhoRegisteredTheCase() {
    // when a second intake clerk registers a request
    ProcessInstance pi = driver.startAs("clerk2", "disclosure-request", request("2026-11-25"));

    // then screening waits in that clerk's 我的待办, not in the group's pool
    Task screening = driver.task(pi, "Task_ScreenRequest");
    assertThat(screening.getAssignee()).isEqualTo("clerk2");
  }

  @Test
  void leavesTheTaskToTheGroupWhenTheRegisteringClerkLeftIntake() {
    // given the clerk who registered the case has since moved to another post
    engine.getIdentityService().createMembership("clerk2", "handler");
    ProcessInstance pi = driver.startAs("clerk2", "disclosure-request", request("2026-11-25"));
    engine.getIdentityService().deleteMembership("clerk2", "intake");
    try {
      // when screening asks for a correction and the correction-notice task is created
      Task screening = driver.task(pi, "Task_ScreenRequest");
      engine.getTaskService().setAssignee(screening.getId(), null);
      driver.complete(pi, "Task_ScreenRequest", "intake", Map.of("screeningDecision", "NEEDS_CORRECTION",
          "screeningComment", "请写明所需文件的年度"));

      // then the new intake task waits for any intake clerk to claim it
      Task notice = driver.task(pi, "Task_SendCorrectionNotice");
      assertThat(notice.getAssignee()).isNull();
    } finally {
      engine.getIdentityService().createMembership("clerk2", "intake");
      engine.getIdentityService().deleteMembership("clerk2", "handler");
    }
  }

  @Test
  void summarisesEachTaskWithCaseNumberApplicantDueDateAndWorkingDaysLeft() throws Exception {
    // given a request received on Wednesday 25 November: the correction notice is due 7 working days later
    ProcessInstance pi = driver.startAs("intake", "disclosure-request", request("2026-11-25"));
    Task screening = driver.task(pi, "Task_ScreenRequest");
    engine.getTaskService().setAssignee(screening.getId(), null);

    // when intake and a handler ask for the summary of that task
    JsonNode forIntake = get("/api/tasks/summary?ids=" + screening.getId(), "intake");
    JsonNode forHandler = get("/api/tasks/summary?ids=" + screening.getId(), "handler");

    // then intake sees the applicant in full, the due date and the working days from Thursday 26 November
    JsonNode item = forIntake.get("tasks").get(screening.getId());
    assertThat(item.get("caseNumber").asText()).isEqualTo(pi.getBusinessKey());
    assertThat(item.get("applicantName").asText()).isEqualTo("张三丰");
    assertThat(item.get("dueOn").asText()).isEqualTo("2026-12-04");
    // 27 Nov, 30 Nov, 1-4 Dec: six working days left (weekend not counted)
    assertThat(item.get("workingDaysLeft").asInt()).isEqualTo(6);
    // and a handler, who is no candidate for screening, gets nothing about it
    assertThat(forHandler.get("tasks").has(screening.getId())).isFalse();

    // when the case reaches the handler, the handler sees the applicant masked
    driver.complete(pi, "Task_ScreenRequest", "intake", Map.of("screeningDecision", "ACCEPT"));
    Task handling = driver.task(pi, "Task_HandleRequest");
    JsonNode handler = get("/api/tasks/summary?ids=" + handling.getId(), "handler").get("tasks")
        .get(handling.getId());
    assertThat(handler.get("applicantName").asText()).isEqualTo("张**");
    assertThat(handler.get("caseNumber").asText()).isEqualTo(pi.getBusinessKey());
    // reply due 20 working days after 25 November: 23 December
    assertThat(handler.get("dueOn").asText()).isEqualTo("2026-12-23");
    assertThat(handler.get("workingDaysLeft").asInt()).isEqualTo(19);
  }

  @Test
  void refusesASummaryOfTooManyOrNoTasksWithAChineseMessage() throws Exception {
    String many = IntStream.range(0, 101).mapToObj(i -> "t" + i).collect(Collectors.joining(","));
    HttpResponse<String> tooMany = send("/api/tasks/summary?ids=" + many, "intake");
    HttpResponse<String> none = send("/api/tasks/summary", "intake");

    assertThat(tooMany.statusCode()).isEqualTo(400);
    assertThat(tooMany.body()).contains("\"field\":\"ids\"", "一次最多查询100个任务");
    assertThat(none.statusCode()).isEqualTo(400);
    assertThat(none.body()).contains("请提供任务编号");
  }

  @Test
  void casePageSpeaksChineseNamesEveryoneAndHeadsWithCaseApplicantAndState() throws Exception {
    // given a case screened and handled up to the secrecy review, which returned it
    ProcessInstance pi = driver.startAs("clerk2", "disclosure-request", request("2026-11-25"));
    driver.complete(pi, "Task_ScreenRequest", "clerk2", Map.of("screeningDecision", "ACCEPT"));
    driver.complete(pi, "Task_HandleRequest", "handler", Map.of("nextAction", "DECIDE", "outcome", "DISCLOSE",
        "provisionGuidance", "电子邮件发送", "decisionReason", "属于公开范围"));
    driver.complete(pi, "Task_SecrecyReview", "reviewer", Map.of("secrecyReviewResult", "APPROVED"));

    // when a reviewer (who may not see the applicant in full) opens the case page
    HttpResponse<String> page = send("/cases/" + URLEncoder.encode(pi.getBusinessKey(), StandardCharsets.UTF_8),
        "reviewer");

    // then codes read in Chinese, people by name, and the header names case, applicant (masked) and state
    assertThat(page.statusCode()).isEqualTo(200);
    String html = page.body();
    assertThat(html).contains("class=\"case-number\">" + pi.getBusinessKey(), "class=\"case-applicant\">张**",
        "办理中", "返回任务办理", "/camunda/app/tasklist/default/");
    assertThat(html).contains("李四", "予以公开", "通过").doesNotContain(">DISCLOSE<", ">APPROVED<", ">ACCEPT<",
        ">clerk2<", "张三丰");
    String steps = html.substring(html.indexOf("办理过程"));
    assertThat(steps).contains("登记申请", "审核申请", "办理申请", "保密审查");
  }

  @Test
  void cockpitReadsTheCaseOfAnInstanceWithCodesInChinese() throws Exception {
    ProcessInstance pi = driver.startAs("intake", "disclosure-request", request("2026-11-25"));

    JsonNode c = get("/api/instances/" + pi.getId() + "/case", "supervisor");

    assertThat(c.get("caseNumber").asText()).isEqualTo(pi.getBusinessKey());
    assertThat(c.get("applicantName").asText()).isEqualTo("张**");
    assertThat(c.get("applicantType").asText()).isEqualTo("自然人");
    assertThat(c.get("channel").asText()).isEqualTo("当面提交");
    assertThat(c.get("variableLabels").get("applicantType").get("NATURAL_PERSON").asText()).isEqualTo("自然人");
    assertThat(send("/api/instances/no-such-instance/case", "supervisor").statusCode()).isEqualTo(404);
    assertThat(send("/api/instances/" + pi.getId() + "/case", "drafter").statusCode()).isEqualTo(403);
  }

  @Test
  void registrationAtTheDeskGivesTheApplicantAQueryCodeShownOnlyToTheRegisteringClerk() throws Exception {
    HttpResponse<String> created = post("/api/requests", "intake", request("2026-11-26"));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode answer = new ObjectMapper().readTree(created.body());
    String caseNumber = answer.get("caseNumber").asText();
    String code = answer.get("queryCode").asText();
    assertThat(code).matches("[A-HJKMNP-Z2-9]{16}");

    // the Tasklist start form reads it for the clerk who registered the case, for a while
    JsonNode shown = get("/api/requests/query-code?caseNumber=" + encode(caseNumber), "intake");
    assertThat(shown.get("caseNumber").asText()).isEqualTo(caseNumber);
    assertThat(shown.get("queryCode").asText()).isEqualTo(code);
    // nobody else: another agency's clerk, the administrator, a drafter
    assertThat(sendAs("GET", "/api/requests/query-code?caseNumber=" + encode(caseNumber), "clerk2", "Gk#2026clerk",
        null).statusCode()).isEqualTo(404);
    assertThat(send("/api/requests/query-code?caseNumber=" + encode(caseNumber), "admin").statusCode())
        .isEqualTo(404);
    assertThat(send("/api/requests/query-code?caseNumber=" + encode(caseNumber), "drafter").statusCode())
        .isEqualTo(403);
    assertThat(send("/api/requests/query-code?caseNumber=" + encode("〔2026〕第999号"), "intake").statusCode())
        .isEqualTo(404);

    // the applicant tracks the case on the portal with the case number and the code
    HttpResponse<String> tracked = track(caseNumber, code);
    assertThat(tracked.statusCode()).as(tracked.body()).isEqualTo(200);
    JsonNode view = new ObjectMapper().readTree(tracked.body());
    assertThat(view.get("state").asText()).isEqualTo("已受理");
    assertThat(view.get("caseNumber").asText()).isEqualTo(caseNumber);
    assertThat(view.get("receivedOn").asText()).isEqualTo("2026-11-26");
    assertThat(view.get("letters").get(0).get("title").asText()).isEqualTo("收件回执");
    assertThat(view.toString()).doesNotContain("张三丰", "11010519491231002X", "intake");
    // a wrong code answers exactly like an unknown case
    HttpResponse<String> wrong = track(caseNumber, "AAAABBBBCCCCDDDD");
    HttpResponse<String> unknown = track("〔2026〕第999号", "AAAABBBBCCCCDDDD");
    assertThat(wrong.statusCode()).isEqualTo(404);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(wrong.body()).isEqualTo(unknown.body());

    // the code is stored only hashed, and nowhere in the engine
    String pi = answer.get("processInstanceId").asText();
    assertThat(engine.getRuntimeService().getVariables(pi).toString()).doesNotContain(code);
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi).list()
        .toString()).doesNotContain(code);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM gk_portal_submission WHERE query_code_hash = ? OR query_code_salt = ?")
        .params(code, code).query(Long.class).single()).isZero();
  }

  HttpResponse<String> track(String number, String code) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/public/requests/" + UriUtils.encodePathSegment(number, StandardCharsets.UTF_8)))
            .header("Accept", "application/json").header("X-Query-Code", code).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  HttpResponse<String> post(String path, String user, Object body) throws Exception {
    return sendAs("POST", path, user, "demo", body);
  }

  HttpResponse<String> sendAs(String method, String path, String user, String password, Object body)
      throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
            .header("Accept", "application/json")
            .header("Content-Type", "application/json")
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(new ObjectMapper().writeValueAsString(body)))
            .build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  JsonNode get(String path, String user) throws Exception {
    HttpResponse<String> response = send(path, user);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return new ObjectMapper().readTree(response.body());
  }

  HttpResponse<String> send(String path, String user) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
            .header("Accept", "application/json")
            .build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}

package cn.gongkai.agency;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 14's isolation matrix: every role of another agency (wsjk's six, the prefecture office's case workers)
 * asks for every resource of a zwfw case (gongkai's API, the case page, its letters, its archive, the instance,
 * the engine REST API's instance, tasks, history and variables, the supervision drill-down, the report) and is
 * refused exactly as if the case did not exist; zwfw's own staff and the prefecture's supervisor see it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgencyIsolationIT {

  static final List<String> ROLES = List.of("intake", "handler", "reviewer", "legal", "leader", "supervisor");

  @LocalServerPort int port;
  @Autowired TaskService taskService;

  AgencyHttp http;
  String caseNumber;
  String instanceId;
  String taskId;
  long documentId;

  @BeforeAll
  void aZwfwCase() {
    http = new AgencyHttp(port);
    // given a request registered by zwfw's intake clerk (its receipt letter is issued at registration)
    JsonNode created = http.register("intake-zwfw");
    caseNumber = created.get("caseNumber").asText();
    instanceId = created.get("processInstanceId").asText();
    taskId = taskService.createTaskQuery().processInstanceId(instanceId).singleResult().getId();
    JsonNode documents = http.read(http.get("/api/cases/" + AgencyHttp.encode(caseNumber) + "/documents",
        "intake-zwfw"));
    documentId = documents.get(0).get("id").asLong();
  }

  /** Every resource of the zwfw case, by path. */
  List<String> resources() {
    String n = AgencyHttp.encode(caseNumber);
    int year = AgencyHttp.today().getYear();
    return List.of(
        "/api/cases/" + n,
        "/api/cases/" + n + "/personal-data",
        "/cases/" + n,
        "/api/cases/" + n + "/documents",
        "/api/documents/" + documentId,
        "/api/documents/" + documentId + "/content",
        "/api/cases/" + n + "/archive",
        "/api/cases/" + n + "/archive/verification",
        "/api/cases/" + n + "/remedies?agency=zwfw",
        "/api/instances/" + instanceId + "/case",
        "/api/supervision/overview?agency=zwfw",
        "/api/reports/annual/" + year + "?agency=zwfw",
        "/engine-rest/process-instance/" + instanceId,
        "/engine-rest/process-instance/" + instanceId + "/variables",
        "/engine-rest/history/process-instance/" + instanceId,
        "/engine-rest/task/" + taskId,
        "/engine-rest/task/" + taskId + "/form-variables");
  }

  @Test
  void zwfwsStaffAndThePrefectureSupervisorSeeTheCase() {
    assertThat(caseNumber).as("a department's numbers carry its short name").startsWith("楚州政务局〔");
    assertThat(http.get("/api/cases/" + AgencyHttp.encode(caseNumber), "handler-zwfw").statusCode()).isEqualTo(200);
    assertThat(http.get("/cases/" + AgencyHttp.encode(caseNumber), "handler-zwfw").statusCode()).isEqualTo(200);
    assertThat(http.get("/api/documents/" + documentId + "/content", "intake-zwfw").statusCode()).isEqualTo(200);
    assertThat(http.get("/engine-rest/process-instance/" + instanceId, "supervisor-zwfw").statusCode())
        .isEqualTo(200);
    assertThat(http.read(http.get("/engine-rest/task?processInstanceId=" + instanceId, "intake-zwfw")))
        .as("zwfw's intake sees the task in its group").hasSize(1);
    // the prefecture's supervisor (member of every agency's tenant) sees it too
    assertThat(http.get("/api/cases/" + AgencyHttp.encode(caseNumber), "supervisor").statusCode()).isEqualTo(200);
    assertThat(http.get("/engine-rest/process-instance/" + instanceId, "supervisor").statusCode()).isEqualTo(200);
    assertThat(http.get("/api/supervision/overview?agency=zwfw", "supervisor").statusCode()).isEqualTo(200);
  }

  @Test
  void everyRoleOfAnotherAgencyIsRefusedEveryResourceAsIfItDidNotExist() {
    List<String> users = new ArrayList<>();
    ROLES.forEach(role -> users.add(role + "-wsjk"));
    // the prefecture office's case workers are another agency too (its supervisor is the prefecture's)
    List.of("intake", "handler", "reviewer", "legal", "leader").forEach(users::add);
    List<String> leaks = new ArrayList<>();
    for (String user : users) {
      for (String path : resources()) {
        HttpResponse<String> answer = http.get(path, user);
        boolean refused = answer.statusCode() == 404 || answer.statusCode() == 403
            || answer.statusCode() == asIfUnknown(path, user).statusCode();
        // the answer may repeat the number asked for, never the case's content
        if (!refused || answer.body().contains("张三") || answer.body().contains("窗口设置方案")
            || answer.body().contains("receivedOn")) {
          leaks.add(user + " GET " + path + " -> " + answer.statusCode() + " " + abbreviate(answer.body()));
        }
      }
      // lists answer as if the case did not exist: no task, no instance
      for (String list : List.of("/engine-rest/task?processInstanceId=" + instanceId,
          "/engine-rest/process-instance?processInstanceIds=" + instanceId,
          "/engine-rest/history/process-instance?processInstanceId=" + instanceId,
          "/engine-rest/history/task?processInstanceId=" + instanceId)) {
        HttpResponse<String> answer = http.get(list, user);
        if (answer.statusCode() != 200 || !"[]".equals(answer.body().strip())) {
          leaks.add(user + " GET " + list + " -> " + answer.statusCode() + " " + abbreviate(answer.body()));
        }
      }
      // and nothing can be done to it
      HttpResponse<String> claim = http.send("POST", "/engine-rest/task/" + taskId + "/claim", user,
          Map.of("userId", user));
      if (claim.statusCode() < 400) {
        leaks.add(user + " claimed zwfw's task -> " + claim.statusCode());
      }
    }
    assertThat(leaks).as("resources of zwfw reached by another agency's staff").isEmpty();
    assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isNull();
  }

  @Test
  void anUnknownCaseAndAnotherAgencysCaseAnswerTheSame() {
    HttpResponse<String> foreign = http.get("/api/cases/" + AgencyHttp.encode(caseNumber), "intake-wsjk");
    HttpResponse<String> unknown = http.get("/api/cases/" + AgencyHttp.encode("楚州政务局〔1999〕第1号"), "intake-wsjk");
    assertThat(foreign.statusCode()).isEqualTo(404);
    assertThat(http.read(foreign).get("message").asText())
        .isEqualTo(http.read(unknown).get("message").asText().replace("楚州政务局〔1999〕第1号", caseNumber));
  }

  @Test
  void agencyStaffRegisterIntoTheirOwnAgency() {
    JsonNode wsjk = http.register("intake-wsjk");
    JsonNode chuxiong = http.register("intake");
    assertThat(http.read(http.get("/api/cases/" + AgencyHttp.encode(wsjk.get("caseNumber").asText()), "intake-wsjk"))
        .get("agency").asText()).isEqualTo("wsjk");
    assertThat(chuxiong.get("caseNumber").asText()).as("the prefecture office keeps its numbers")
        .matches("〔\\d{4}〕第\\d+号");
    assertThat(http.get("/api/cases/" + AgencyHttp.encode(chuxiong.get("caseNumber").asText()), "intake-zwfw")
        .statusCode()).isEqualTo(404);
  }

  /**
   * The same call for an instance or task that does not exist: Camunda's REST API answers its variables of an
   * unknown id with 500 ("execution ... doesn't exist"), and another agency's must answer exactly the same.
   */
  private HttpResponse<String> asIfUnknown(String path, String user) {
    String unknown = path.replace(instanceId, "00000000-0000-0000-0000-000000000000")
        .replace(taskId, "00000000-0000-0000-0000-000000000000");
    return unknown.equals(path) ? http.get("/api/cases/none-such", user) : http.get(unknown, user);
  }

  private static String abbreviate(String body) {
    return body.length() > 160 ? body.substring(0, 160) + "…" : body;
  }
}

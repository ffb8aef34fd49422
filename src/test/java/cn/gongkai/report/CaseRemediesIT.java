package cn.gongkai.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** Recording reconsiderations and lawsuits against a case (table 四) over HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CaseRemediesIT {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired org.camunda.bpm.engine.IdentityService identityService;

  private final ObjectMapper json = new ObjectMapper();
  private ReportHttp http;
  private RegisterFixture fixture;
  private String path;

  @BeforeEach
  void refusedCase() {
    http = new ReportHttp(port);
    fixture = RegisterFixture.newAgency(jdbc, identityService, "legal");
    String caseNumber = fixture.received("NATURAL_PERSON", "2025-03-03").replied("2025-03-20", "REFUSE", "STATE_SECRET")
        .insert();
    path = "/api/cases/" + ReportHttp.encode(caseNumber) + "/remedies?agency=" + fixture.agencyCode;
  }

  private static Map<String, Object> remedy(String kind, String result, String filedOn, String decidedOn) {
    Map<String, Object> body = new HashMap<>();
    body.put("kind", kind);
    body.put("result", result);
    body.put("filedOn", filedOn);
    body.put("decidedOn", decidedOn);
    return body;
  }

  @Test
  void recordsARemedyAndListsItWithChineseLabels() throws Exception {
    // when legal staff record a pending reconsideration
    HttpResponse<String> created =
        http.send("POST", path, "legal", remedy("RECONSIDERATION", "PENDING", "2025-04-10", null));

    // then it is stored and listed for supervisors
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode remedy = json.readTree(created.body());
    assertThat(created.headers().firstValue("Location")).hasValueSatisfying(
        l -> assertThat(l).endsWith("/remedies/" + remedy.get("id").asLong()));
    assertThat(remedy.get("kindLabel").asText()).isEqualTo("行政复议");
    assertThat(remedy.get("resultLabel").asText()).isEqualTo("尚未审结");
    assertThat(remedy.get("recordedBy").asText()).isEqualTo("legal");
    HttpResponse<String> list = http.send("GET", path, "supervisor", null);
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(json.readTree(list.body())).singleElement()
        .satisfies(r -> assertThat(r.get("filedOn").asText()).isEqualTo("2025-04-10"));

    // and when it is decided, the record is updated
    String item = path.replace("/remedies?", "/remedies/" + remedy.get("id").asLong() + "?");
    HttpResponse<String> decided =
        http.send("PUT", item, "admin", remedy("RECONSIDERATION", "UPHELD", "2025-04-10", "2025-06-01"));
    assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
    assertThat(json.readTree(http.send("GET", path, "legal", null).body())).singleElement().satisfies(r -> {
      assertThat(r.get("result").asText()).isEqualTo("UPHELD");
      assertThat(r.get("decidedOn").asText()).isEqualTo("2025-06-01");
      assertThat(r.get("recordedBy").asText()).isEqualTo("admin");
    });
  }

  @Test
  void refusesIncompleteOrContradictoryRemediesFieldByFieldInChinese() throws Exception {
    assertProblems(remedy(null, null, null, null), Map.of("kind", "请填写救济类型", "result", "请填写审理结果",
        "filedOn", "请填写申请复议或起诉的日期"));
    assertProblems(remedy("APPEAL", "WON", "2025/04/10", null), Map.of("kind", "救济类型应为", "result", "审理结果应为",
        "filedOn", "日期格式应为 YYYY-MM-DD"));
    assertProblems(remedy("RECONSIDERATION", "PENDING", "2025-04-10", "2025-05-01"),
        Map.of("decidedOn", "尚未审结的不能填写审结日期"));
    assertProblems(remedy("LAWSUIT_DIRECT", "UPHELD", "2025-04-10", null), Map.of("decidedOn", "已审结的须填写审结日期"));
    assertProblems(remedy("LAWSUIT_DIRECT", "CORRECTED", "2025-04-10", "2025-04-01"),
        Map.of("decidedOn", "审结日期不能早于申请复议或起诉的日期"));
    assertProblems(remedy("RECONSIDERATION", "PENDING", "2025-02-01", null),
        Map.of("filedOn", "不能早于该政府信息公开申请的收到日期 2025-03-03"));
    assertProblems(remedy("RECONSIDERATION", "OTHER", "2025-04-01", "2999-01-01"), Map.of("decidedOn", "审结日期不能晚于今天"));
    assertProblems(remedy("RECONSIDERATION", "PENDING", "2999-01-01", null), Map.of("filedOn", "不能晚于今天"));
    assertThat(jdbc.sql("SELECT COUNT(*) FROM gk_case_remedy r JOIN gk_disclosure_case c ON c.id = r.case_id"
        + " WHERE c.agency_code = ?").param(fixture.agencyCode).query(Long.class).single()).isZero();
  }

  private void assertProblems(Map<String, Object> body, Map<String, String> expected) throws Exception {
    HttpResponse<String> response = http.send("POST", path, "legal", body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    Map<String, String> problems = new HashMap<>();
    json.readTree(response.body()).get("errors").forEach(e -> problems.put(e.get("field").asText(),
        e.get("message").asText()));
    assertThat(problems.keySet()).as(response.body()).containsExactlyInAnyOrderElementsOf(expected.keySet());
    expected.forEach((field, message) -> assertThat(problems.get(field)).contains(message));
  }

  @Test
  void letsOnlyLegalStaffAndAdministratorsRecordRemedies() throws Exception {
    Map<String, Object> body = remedy("RECONSIDERATION", "PENDING", "2025-04-10", null);
    assertThat(http.send("POST", path, "handler", body).statusCode()).isEqualTo(403);
    assertThat(http.send("POST", path, "supervisor", body).statusCode()).isEqualTo(403);
    assertThat(http.send("POST", path, null, body).statusCode()).isEqualTo(401);
    assertThat(http.send("GET", path, "handler", null).statusCode()).isEqualTo(403);
    HttpResponse<String> unknown = http.send("POST",
        "/api/cases/" + ReportHttp.encode("〔2025〕第99999号") + "/remedies?agency=" + fixture.agencyCode, "legal", body);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(json.readTree(unknown.body()).get("message").asText()).isEqualTo("案件不存在：〔2025〕第99999号");
  }
}

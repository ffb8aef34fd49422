package cn.gongkai.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Year;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** 三员分立: the system, security and audit administrators each do their own job and none another's. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AdministratorRolesIT {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  /** The engine REST API finds its engine by name; every test context registers its own. */
  @BeforeEach
  void useThisContextsEngine() {
    ProcessEngines.registerProcessEngine(engine);
  }

  static final String AUTHORIZATION = """
      {"type":1,"permissions":["READ"],"groupId":"handler","resourceType":8,"resourceId":"disclosure-request"}""";

  Http as(String user) {
    return Http.basic(port, user, "demo");
  }

  @Test
  void theSystemAdministratorManagesAccountsAndTheCalendarButNeitherAuditNorAuthorizations() {
    Http sysadmin = as("sysadmin");
    String user = """
        {"profile":{"id":"clerk9","firstName":"","lastName":"新人","email":"c9@gk.local"},"credentials":{"password":"Gk#2026ok"}}""";

    assertThat(sysadmin.post("/engine-rest/user/create", user).statusCode()).isEqualTo(204);
    assertThat(sysadmin.put("/engine-rest/group/intake/members/clerk9", "").statusCode()).isEqualTo(204);
    // the calendar is theirs: a bad body is a 400 about the body, not a 403
    assertThat(sysadmin.put("/api/calendar/" + Year.now().plusYears(1), "{}").statusCode()).isNotEqualTo(403);
    assertThat(sysadmin.get("/api/letters/templates").statusCode()).isEqualTo(200);

    assertThat(sysadmin.get("/api/audit").statusCode()).isEqualTo(403);
    assertThat(sysadmin.post("/engine-rest/authorization/create", AUTHORIZATION).statusCode()).isEqualTo(403);
    // nor can they make themselves (or anyone) an auditor, or take over the auditor's account
    assertThat(sysadmin.put("/engine-rest/group/auditor/members/sysadmin", "").statusCode()).isEqualTo(403);
    HttpResponse<String> takeover = sysadmin.put("/engine-rest/user/auditor/credentials",
        "{\"password\":\"Gk#2026xx\",\"authenticatedUserPassword\":\"demo\"}");
    assertThat(takeover.statusCode()).isEqualTo(403);
    assertThat(takeover.body()).contains("管理员的账户只能由本人或安装管理员修改");
    assertThat(sysadmin.get("/api/security/accounts/locked").statusCode()).isEqualTo(403);
  }

  @Test
  void theSecurityAdministratorGrantsButReadsNoCase() {
    String caseNumber = SecurityFixtures.registerCase(port);
    Http secadmin = as("secadmin");

    assertThat(secadmin.post("/engine-rest/authorization/create", AUTHORIZATION).statusCode()).isEqualTo(200);
    assertThat(secadmin.get("/api/security/accounts/locked").statusCode()).isEqualTo(200);

    assertThat(secadmin.get("/cases/" + Http.path(caseNumber)).statusCode()).isEqualTo(403);
    assertThat(secadmin.get("/api/cases/" + Http.path(caseNumber)).statusCode()).isEqualTo(403);
    assertThat(secadmin.get("/engine-rest/process-instance/count").body()).isEqualTo("{\"count\":0}");
    assertThat(secadmin.get("/api/audit").statusCode()).isEqualTo(403);
    assertThat(secadmin.post("/engine-rest/user/create", """
        {"profile":{"id":"clerk8","firstName":"","lastName":"新人","email":"c8@gk.local"},"credentials":{"password":"Gk#2026ok"}}""")
        .statusCode()).isEqualTo(403);
  }

  @Test
  void theAuditorReadsTheAuditLogAndNothingElse() {
    String caseNumber = SecurityFixtures.registerCase(port);
    Http auditor = as("auditor");

    assertThat(auditor.get("/api/audit").statusCode()).isEqualTo(200);
    assertThat(auditor.get("/api/audit/verify").statusCode()).isEqualTo(200);
    assertThat(auditor.get("/audit").statusCode()).isEqualTo(200);

    assertThat(auditor.get("/cases/" + Http.path(caseNumber)).statusCode()).isEqualTo(403);
    assertThat(auditor.get("/api/supervision/overview").statusCode()).isEqualTo(403);
    assertThat(auditor.get("/api/security/accounts/locked").statusCode()).isEqualTo(403);
    assertThat(auditor.post("/engine-rest/authorization/create", AUTHORIZATION).statusCode()).isEqualTo(403);
    assertThat(auditor.put("/engine-rest/group/intake/members/auditor", "").statusCode()).isEqualTo(403);
    assertThat(auditor.get("/engine-rest/process-instance/count").body()).isEqualTo("{\"count\":0}");
  }

  @Test
  void theInstallationAdministratorKeepsWorkingAsBeforeButDoesNotReadTheAuditLog() {
    Http admin = as("admin");
    assertThat(admin.get("/api/supervision/overview").statusCode()).isEqualTo(200);
    assertThat(admin.get("/api/audit").statusCode()).isEqualTo(403);
  }
}

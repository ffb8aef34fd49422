package cn.gongkai.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gongkai.audit.AuditKind;
import cn.gongkai.audit.AuditLog;
import java.net.http.HttpResponse;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * 三员分立: neither the security nor the system administrator can give himself another's rights, and the
 * installation administrator is told to step aside once the three administrators exist.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class SeparationOfDutiesIT {

  static final String REFUSED = "安全管理员不得为本人或本人所在的组授权";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired AuditLog auditLog;
  @Autowired FirstAdministratorNotice notice;

  @BeforeEach
  void useThisContextsEngine() {
    ProcessEngines.registerProcessEngine(engine);
  }

  static String grant(String owner) {
    return """
        {"type":1,"permissions":["READ","UPDATE"],%s,"resourceType":8,"resourceId":"*"}""".formatted(owner);
  }

  @Test
  void theSecurityAdministratorCannotGrantHimselfOrHisGroupOrEveryoneOverEngineRest() {
    Http secadmin = Http.basic(port, "secadmin", "demo");
    long refusalsBefore = refusals();

    for (String owner : List.of("\"userId\":\"secadmin\"", "\"groupId\":\"secadmin\"", "\"userId\":\"*\"")) {
      HttpResponse<String> refused = secadmin.post("/engine-rest/authorization/create", grant(owner));
      assertThat(refused.statusCode()).as(owner).isEqualTo(403);
      assertThat(refused.body()).as(owner).contains(REFUSED);
    }
    assertThat(engine.getAuthorizationService().createAuthorizationQuery().userIdIn("secadmin")
        .resourceType(Resources.PROCESS_INSTANCE).count()).isZero();
    assertThat(engine.getAuthorizationService().createAuthorizationQuery().groupIdIn("secadmin")
        .resourceType(Resources.PROCESS_INSTANCE).count()).isZero();
    assertThat(refusals()).isEqualTo(refusalsBefore + 3);
    // and he still sees no case
    SecurityFixtures.registerCase(port);
    assertThat(secadmin.get("/engine-rest/process-instance/count").body()).isEqualTo("{\"count\":0}");

    // granting the handlers stays his job; turning that grant into his own is refused too
    HttpResponse<String> created = secadmin.post("/engine-rest/authorization/create", grant("\"groupId\":\"handler\""));
    assertThat(created.statusCode()).isEqualTo(200);
    String id = created.body().replaceAll("(?s).*\"id\":\"([^\"]+)\".*", "$1");
    HttpResponse<String> update = secadmin.put("/engine-rest/authorization/" + id, """
        {"permissions":["READ"],"userId":"secadmin","groupId":null,"resourceType":8,"resourceId":"*"}""");
    assertThat(update.statusCode()).isEqualTo(403);
    assertThat(update.body()).contains(REFUSED);
    assertThat(engine.getAuthorizationService().createAuthorizationQuery().authorizationId(id).singleResult().getGroupId())
        .isEqualTo("handler");
  }

  @Test
  void theEngineApiRefusesItForJavaCallers() {
    IdentityService identity = engine.getIdentityService();
    AuthorizationService authorizations = engine.getAuthorizationService();
    identity.setAuthentication("secadmin", List.of("secadmin"));
    try {
      Authorization own = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      own.setUserId("secadmin");
      own.setResource(Resources.PROCESS_INSTANCE);
      own.setResourceId("*");
      own.addPermission(Permissions.READ);
      assertThatThrownBy(() -> authorizations.saveAuthorization(own))
          .isInstanceOf(AuthorizationException.class).hasMessageContaining(REFUSED);
    } finally {
      identity.clearAuthentication();
    }
    assertThat(authorizations.createAuthorizationQuery().userIdIn("secadmin").resourceType(Resources.PROCESS_INSTANCE)
        .count()).isZero();
  }

  @Test
  void theSystemAdministratorAddsNobodyToTheAdministratorsGroups() {
    Http sysadmin = Http.basic(port, "sysadmin", "demo");
    for (String group : List.of("secadmin", "auditor", "admin", "camunda-admin")) {
      for (String user : List.of("sysadmin", "intake")) {
        assertThat(sysadmin.put("/engine-rest/group/" + group + "/members/" + user, "").statusCode())
            .as(user + " → " + group).isEqualTo(403);
        assertThat(engine.getIdentityService().createUserQuery().userId(user).memberOfGroup(group).count())
            .as(user + " in " + group).isZero();
      }
    }
  }

  @Test
  void theInstallationAdministratorIsToldToStepAsideOnceTheThreeAdministratorsExist(CapturedOutput output) {
    // the test profile (not demo) has admin next to sysadmin, secadmin and auditor
    assertThat(notice.warning()).hasValueSatisfying(text -> assertThat(text)
        .contains("三员分立", "[admin]", "移出 admin 和 camunda-admin 组", "level-3"));
    notice.atStart();
    assertThat(output.getAll()).contains("WARN").contains("仍在 admin/camunda-admin 组");
  }

  private long refusals() {
    return auditLog.search("secadmin", AuditKind.AUTHORIZATION_CHANGED, null, null, 0).entries().stream()
        .filter(e -> e.result().contains(REFUSED))
        .count();
  }
}

package cn.gongkai.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gongkai.audit.AuditEntry;
import cn.gongkai.audit.AuditKind;
import cn.gongkai.audit.AuditLog;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** 安全审计: what is logged, by whom it is read, and that an edited entry is found. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AuditLogIT {

  @Autowired AuditLog auditLog;
  @Autowired JdbcClient jdbc;
  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  /** The engine REST API finds its engine by name; every test context registers its own. */
  @BeforeEach
  void useThisContextsEngine() {
    ProcessEngines.registerProcessEngine(engine);
  }

  List<AuditEntry> latest(String user, AuditKind kind) {
    return auditLog.search(user, kind, null, null, 0).entries();
  }

  @Test
  void logsPersonalDataViewsExportsAndCalendarLoadsWithWhoWhenAndFromWhere() {
    String caseNumber = SecurityFixtures.registerCase(port);
    Http intake = Http.basic(port, "intake", "demo");
    Http admin = Http.basic(port, "admin", "demo");

    assertThat(intake.get("/api/cases/" + Http.path(caseNumber) + "/personal-data").statusCode()).isEqualTo(200);
    assertThat(intake.get("/cases/" + Http.path(caseNumber)).statusCode()).isEqualTo(200);
    assertThat(admin.get("/api/reports/annual/2025.xlsx").statusCode()).isEqualTo(200);
    admin.get("/api/cases/" + Http.path(caseNumber) + "/archive");
    Http.basic(port, "sysadmin", "demo").put("/api/calendar/2027", "{}");

    assertThat(latest("intake", AuditKind.PERSONAL_DATA_VIEWED)).extracting(AuditEntry::object, AuditEntry::result)
        .contains(org.assertj.core.groups.Tuple.tuple(caseNumber + "/personal-data", "成功"),
            org.assertj.core.groups.Tuple.tuple(caseNumber, "成功"));
    AuditEntry export = latest("admin", AuditKind.EXPORT).get(latest("admin", AuditKind.EXPORT).size() - 1);
    assertThat(latest("admin", AuditKind.EXPORT)).extracting(AuditEntry::object).contains("2025.xlsx", caseNumber + "/archive");
    assertThat(export.address()).isEqualTo("127.0.0.1");
    assertThat(latest("sysadmin", AuditKind.CALENDAR_LOADED)).extracting(AuditEntry::object, AuditEntry::result)
        .contains(org.assertj.core.groups.Tuple.tuple("2027", "失败（HTTP 400）"));
    // a reviewer sees the page masked: that is no view of personal data
    Http.basic(port, "reviewer", "demo").get("/cases/" + Http.path(caseNumber));
    assertThat(latest("reviewer", AuditKind.PERSONAL_DATA_VIEWED)).extracting(AuditEntry::object)
        .doesNotContain(caseNumber);
  }

  @Test
  void logsGroupMembershipAndAuthorizationChanges() {
    Http sysadmin = Http.basic(port, "sysadmin", "demo");
    sysadmin.put("/engine-rest/group/handler/members/leader", "");
    sysadmin.delete("/engine-rest/group/handler/members/leader");
    Http.basic(port, "secadmin", "demo").post("/engine-rest/authorization/create", AdministratorRolesIT.AUTHORIZATION);

    assertThat(latest("sysadmin", AuditKind.MEMBERSHIP_CHANGED)).extracting(AuditEntry::object)
        .contains("group/handler/members/leader");
    assertThat(latest("secadmin", AuditKind.AUTHORIZATION_CHANGED)).extracting(AuditEntry::result).contains("成功");
  }

  @Test
  void theAuditorFiltersByUserKindAndDay() {
    Http.basic(port, "handler", "wrong").get("/api/supervision/overview");
    String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();

    HttpResponse<String> found = Http.basic(port, "auditor", "demo")
        .get("/api/audit?user=handler&kind=LOGIN_FAILED&from=" + today + "&to=" + today);
    HttpResponse<String> none = Http.basic(port, "auditor", "demo")
        .get("/api/audit?user=handler&kind=LOGIN_FAILED&from=2020-01-01&to=2020-01-02");
    HttpResponse<String> bad = Http.basic(port, "auditor", "demo").get("/api/audit?from=yesterday");

    assertThat(found.statusCode()).isEqualTo(200);
    assertThat(found.body()).contains("\"kind\":\"LOGIN_FAILED\"", "\"userId\":\"handler\"", "\"result\":\"密码错误\"");
    assertThat(none.body()).contains("\"total\":0");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("日期格式应为 yyyy-MM-dd");
  }

  @Test
  void verificationFindsTheFirstEditedEntry() {
    Http auditor = Http.basic(port, "auditor", "demo");
    Http.basic(port, "leader", "wrong").get("/api/supervision/overview");
    Http.basic(port, "legal", "wrong").get("/api/supervision/overview");
    assertThat(auditor.get("/api/audit/verify").body()).contains("\"intact\":true");

    // someone with database access rewrites who failed to log in
    long edited = latest("leader", AuditKind.LOGIN_FAILED).get(0).id();
    jdbc.sql("UPDATE gk_audit_log SET user_id = 'nobody' WHERE id = ?").param(edited).update();
    try {
      HttpResponse<String> verify = auditor.get("/api/audit/verify");
      assertThat(verify.body()).contains("\"intact\":false", "\"firstBrokenId\":" + edited, "内容被改动");
    } finally {
      jdbc.sql("UPDATE gk_audit_log SET user_id = 'leader' WHERE id = ?").param(edited).update();
    }
    assertThat(auditor.get("/api/audit/verify").body()).contains("\"intact\":true");
  }

  @Test
  void entriesAreKeptAtLeastHalfAYear() {
    assertThatThrownBy(() -> auditLog.purgeOlderThan(Duration.ofDays(179), "test"))
        .hasMessageContaining("180");
    assertThat(auditLog.purgeOlderThan(Duration.ofDays(180), "test")).isZero();
  }
}

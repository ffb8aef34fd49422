package cn.gongkai.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.audit.AuditKind;
import cn.gongkai.audit.AuditLog;
import java.net.http.HttpResponse;
import java.util.Date;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.camunda.bpm.engine.ProcessEngines;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** 身份鉴别: the login failures policy, the password policy, sessions that follow the account's state. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AccountSecurityIT {

  static final String PASSWORD = "Gk#2026pass";

  @Autowired ProcessEngine engine;
  @Autowired AuditLog auditLog;
  @LocalServerPort int port;

  /** The webapps find their engine by name; several test contexts register theirs as "default". */
  @BeforeEach
  void useThisContextsEngineInTheWebapps() {
    ProcessEngines.registerProcessEngine(engine);
  }

  @AfterEach
  void realClock() {
    ClockUtil.reset();
  }

  /** A staff member with a policy-compliant password, in the given groups. */
  String staff(String id, String... groups) {
    IdentityService identity = engine.getIdentityService();
    if (identity.createUserQuery().userId(id).count() > 0) {
      identity.deleteUser(id);
    }
    User user = identity.newUser(id);
    user.setLastName("测试");
    user.setPassword(PASSWORD);
    identity.saveUser(user);
    for (String group : groups) {
      identity.createMembership(id, group);
    }
    identity.createTenantUserMembership("chuxiong", id);
    return id;
  }

  long entries(String user, AuditKind kind) {
    return auditLog.search(user, kind, null, null, 0).total();
  }

  @Test
  void oneWrongPasswordDoesNotLockOutTheRightOne() {
    // given a user who mistypes once
    String user = staff("typo1", Roles.SUPERVISOR);
    assertThat(Http.basic(port, user, "wrong").get("/api/supervision/overview").statusCode()).isEqualTo(401);

    // when they type the right password at once
    HttpResponse<String> right = Http.basic(port, user, PASSWORD).get("/api/supervision/overview");

    // then they are in (Camunda's throttling refused the right password for 3 s)
    assertThat(right.statusCode()).isEqualTo(200);
    assertThat(entries(user, AuditKind.LOGIN_FAILED)).isEqualTo(1);
  }

  @Test
  void fiveFailuresOverBasicLockTheAccountThirtyMinutesThenItUnlocksByItself() {
    // given five wrong passwords in a row
    String user = staff("guessed1", Roles.SUPERVISOR);
    for (int i = 0; i < 4; i++) {
      assertThat(Http.basic(port, user, "wrong" + i).get("/api/supervision/overview").body()).contains("用户名或密码错误");
    }
    HttpResponse<String> fifth = Http.basic(port, user, "wrong5").get("/api/supervision/overview");
    assertThat(fifth.body()).contains("账户已锁定，请于").contains("后重试或联系安全管理员");

    // when the right password comes 29 minutes later
    ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + 29 * 60_000L));
    HttpResponse<String> locked = Http.basic(port, user, PASSWORD).get("/api/supervision/overview");

    // then it is refused with the time the lock ends; after 30 minutes it passes
    assertThat(locked.statusCode()).isEqualTo(401);
    assertThat(locked.body()).matches("(?s).*账户已锁定，请于\\d\\d:\\d\\d后重试或联系安全管理员.*");
    ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + 31 * 60_000L));
    assertThat(Http.basic(port, user, PASSWORD).get("/api/supervision/overview").statusCode()).isEqualTo(200);
    assertThat(entries(user, AuditKind.LOGIN_FAILED)).isEqualTo(6);
    assertThat(entries(user, AuditKind.ACCOUNT_LOCKED)).isEqualTo(1);
    assertThat(auditLog.search(null, AuditKind.ACCOUNT_UNLOCKED, null, null, 0).entries())
        .anyMatch(e -> e.object().equals(user) && e.result().equals("锁定期满，自动解锁"));
  }

  @Test
  void theWebappLoginLocksTooAndTheSecurityAdministratorUnlocksEarlier() {
    // given five wrong passwords on the login page
    String user = staff("guessed2", Roles.INTAKE);
    Http browser = Http.session(port);
    for (int i = 0; i < 5; i++) {
      assertThat(browser.webappLogin("tasklist", user, "wrong" + i).statusCode()).isEqualTo(401);
    }

    // when the right password comes
    HttpResponse<String> refused = browser.webappLogin("tasklist", user, PASSWORD);

    // then the login page gets the lock message; the security administrator lifts the lock
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.body()).contains("\"message\":\"账户已锁定，请于").contains("后重试或联系安全管理员");
    assertThat(Http.basic(port, "secadmin", "demo").get("/api/security/accounts/locked").body()).contains(user);
    assertThat(Http.basic(port, "sysadmin", "demo").post("/api/security/accounts/" + user + "/unlock", "")
        .statusCode()).isEqualTo(403);
    HttpResponse<String> unlock = Http.basic(port, "secadmin", "demo").post("/api/security/accounts/" + user + "/unlock", "");
    assertThat(unlock.statusCode()).isEqualTo(200);
    assertThat(unlock.body()).contains("已解锁");
    assertThat(browser.webappLogin("tasklist", user, PASSWORD).statusCode()).isEqualTo(200);
    assertThat(auditLog.search("secadmin", AuditKind.ACCOUNT_UNLOCKED, null, null, 0).entries())
        .anyMatch(e -> e.object().equals(user));
    assertThat(entries(user, AuditKind.LOGIN)).isEqualTo(1);
  }

  @Test
  void passwordsFollowThePolicy() {
    Http sysadmin = Http.basic(port, "sysadmin", "demo");
    String weak = "{\"profile\":{\"id\":\"newbie\",\"firstName\":\"\",\"lastName\":\"新人\",\"email\":\"n@gk.local\"},"
        + "\"credentials\":{\"password\":\"%s\"}}";

    // letters and digits but no symbol; a symbol but the user id inside; 7 characters
    for (String password : new String[] {"abcd1234", "newbie#2026", "Ab#1234"}) {
      HttpResponse<String> refused = sysadmin.post("/engine-rest/user/create", weak.formatted(password));
      assertThat(refused.statusCode()).as(password).isEqualTo(400);
    }
    assertThat(engine.getIdentityService().createUserQuery().userId("newbie").count()).isZero();
    HttpResponse<String> strong = sysadmin.post("/engine-rest/user/create", weak.formatted("Gk#2026ok"));
    assertThat(strong.statusCode()).as(strong.body()).isEqualTo(204);
    assertThat(engine.getIdentityService().checkPasswordAgainstPolicy("abcdefgh").isValid()).isFalse();
  }

  @Test
  void aSessionEndsAtOnceWhenItsUserLeavesTheGroupIsLockedOrDeleted() {
    // given a case and an intake user logged in to Tasklist who read its personal data
    String caseNumber = SecurityFixtures.registerCase(port);
    String user = staff("clerk1", Roles.INTAKE);
    Http tasklist = Http.session(port);
    assertThat(tasklist.webappLogin("tasklist", user, PASSWORD).statusCode()).isEqualTo(200);
    String personalData = "/api/cases/" + Http.path(caseNumber) + "/personal-data";
    assertThat(tasklist.get(personalData).statusCode()).isEqualTo(200);

    // when the user leaves intake, the same session is refused at once
    engine.getIdentityService().deleteMembership(user, Roles.INTAKE);
    assertThat(tasklist.get(personalData).statusCode()).isEqualTo(403);
    // back in intake, back in
    engine.getIdentityService().createMembership(user, Roles.INTAKE);
    assertThat(tasklist.get(personalData).statusCode()).isEqualTo(200);

    // when the account is deleted, the session is over
    engine.getIdentityService().deleteUser(user);
    HttpResponse<String> deleted = tasklist.get(personalData);
    assertThat(deleted.statusCode()).isEqualTo(401);
    assertThat(deleted.body()).contains("会话已失效（账户已被删除）");
    assertThat(tasklist.get("/camunda/api/engine/engine/default/task/count").statusCode()).isEqualTo(401);
  }

  @Test
  void aLockedUsersOpenSessionEndsToo() {
    String user = staff("clerk2", Roles.INTAKE);
    Http tasklist = Http.session(port);
    assertThat(tasklist.webappLogin("tasklist", user, PASSWORD).statusCode()).isEqualTo(200);
    assertThat(tasklist.get("/camunda/api/engine/engine/default/task/count").statusCode()).isEqualTo(200);

    // someone guesses the password five times elsewhere
    for (int i = 0; i < 5; i++) {
      Http.basic(port, user, "wrong" + i).get("/api/supervision/overview");
    }

    HttpResponse<String> after = tasklist.get("/camunda/api/engine/engine/default/task/count");
    assertThat(after.statusCode()).isEqualTo(401);
    assertThat(after.body()).contains("账户已被锁定");
  }

  @Test
  void demoPasswordsBypassThePolicyOnlyByTheDemoBootstrap() {
    User user = engine.getIdentityService().newUser("weakling");
    user.setPassword("demo");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.getIdentityService().saveUser(user))
        .hasMessageContaining("Password does not match policy");
    assertThat(((IdentityServiceImpl) engine.getIdentityService()).checkPassword("intake", "demo")).isTrue();
  }
}

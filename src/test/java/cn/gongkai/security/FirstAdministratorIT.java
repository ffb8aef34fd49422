package cn.gongkai.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;

/** The first administrator from the environment: a strong password, changed at first login. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"gongkai.admin.id=boss", "gongkai.admin.password=Start#2026go"})
@ActiveProfiles("test")
class FirstAdministratorIT {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired PasswordChangeGate passwordGate;
  @Autowired PlatformTransactionManager transactionManager;

  /** The webapps and the engine REST API find their engine by name; every test context registers its own. */
  @BeforeEach
  void useThisContextsEngine() {
    ProcessEngines.registerProcessEngine(engine);
  }

  @Test
  void mustChangeThePasswordBeforeAnythingElse() {
    Http boss = Http.basic(port, "boss", "Start#2026go");

    HttpResponse<String> refused = boss.get("/api/supervision/overview");
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("首次登录须先修改密码");
    assertThat(boss.get("/engine-rest/user").statusCode()).isEqualTo(403);

    HttpResponse<String> weak = boss.put("/engine-rest/user/boss/credentials",
        "{\"password\":\"short1!\",\"authenticatedUserPassword\":\"Start#2026go\"}");
    assertThat(weak.statusCode()).isEqualTo(400);
    assertThat(weak.body()).contains("密码不符合密码策略：至少 8 位");
    HttpResponse<String> changed = boss.put("/engine-rest/user/boss/credentials",
        "{\"password\":\"Own#2026pass\",\"authenticatedUserPassword\":\"Start#2026go\"}");
    assertThat(changed.statusCode()).as(changed.body()).isEqualTo(204);

    assertThat(Http.basic(port, "boss", "Own#2026pass").get("/api/supervision/overview").statusCode()).isEqualTo(200);
  }

  /**
   * The bootstrap runs when the singletons are ready; its exception stops the start. (Booting a second,
   * failing application in this JVM would leave Camunda's webapp filters pointing at the dead context.)
   */
  @Test
  void aWeakPasswordFromTheEnvironmentStopsTheStart() {
    IdentityBootstrap bootstrap = new IdentityBootstrap(engine, passwordGate, transactionManager, false, "weakboss",
        "password");

    assertThatThrownBy(bootstrap::afterSingletonsInstantiated)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("GONGKAI_ADMIN_PASSWORD does not meet the password policy")
        .hasMessageContaining("至少 8 位，须含字母、数字和符号");
    assertThat(engine.getIdentityService().createUserQuery().userId("weakboss").count()).isZero();
  }
}

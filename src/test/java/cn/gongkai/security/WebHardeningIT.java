package cn.gongkai.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.annotation.Autowired;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** 入侵防范: response headers, cross-site calls, Cockpit's plugin API. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class WebHardeningIT {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  /** The webapps find their engine by name; several test contexts register theirs as "default". */
  @BeforeEach
  void useThisContextsEngineInTheWebapps() {
    ProcessEngines.registerProcessEngine(engine);
  }

  @Test
  void pagesAndAnswersWithPersonalDataAreNeitherFramedSniffedNorCached() {
    String caseNumber = SecurityFixtures.registerCase(port);
    Http intake = Http.basic(port, "intake", "demo");

    for (String path : new String[] {"/cases/" + Http.path(caseNumber), "/api/cases/" + Http.path(caseNumber) + "/personal-data"}) {
      HttpResponse<String> answer = intake.get(path);
      assertThat(answer.statusCode()).as(path).isEqualTo(200);
      assertThat(answer.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
      assertThat(answer.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
      assertThat(answer.headers().firstValue("Content-Security-Policy")).as(path).hasValue("frame-ancestors 'none'");
      assertThat(answer.headers().firstValue("Referrer-Policy")).as(path).hasValue("same-origin");
      assertThat(answer.headers().firstValue("Cache-Control")).as(path).hasValue("no-store");
    }
    assertThat(intake.get("/api/calendar/2026").headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
  }

  @Test
  void aCrossSitePostWithCachedCredentialsIsRefusedWhileCurlStillWorks() {
    Http admin = Http.basic(port, "admin", "demo");

    HttpResponse<String> forged = admin.post("/api/reports/annual/2025/lock", "", "Origin", "https://evil.example");
    HttpResponse<String> forgedByReferer = admin.post("/api/reports/annual/2025/lock", "",
        "Referer", "https://evil.example/form.html");
    HttpResponse<String> curl = admin.post("/api/reports/annual/2025/lock", "");
    HttpResponse<String> ownPage = admin.post("/api/reports/annual/2024/lock", "",
        "Origin", "http://localhost:" + port);

    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(forged.body()).contains("跨站请求被拒绝");
    assertThat(forgedByReferer.statusCode()).isEqualTo(403);
    assertThat(curl.statusCode()).isNotEqualTo(403);
    assertThat(ownPage.statusCode()).isNotEqualTo(403);
  }

  @Test
  void cockpitsPluginApiIsForCockpitUsersOnly() {
    String statistics = "/camunda/api/cockpit/plugin/base/default/process-definition/statistics";
    Http handler = Http.session(port);
    assertThat(handler.webappLogin("tasklist", "handler", "demo").statusCode()).isEqualTo(200);
    Http supervisor = Http.session(port);
    assertThat(supervisor.webappLogin("cockpit", "supervisor", "demo").statusCode()).isEqualTo(200);

    HttpResponse<String> refused = handler.get(statistics);

    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("无权访问");
    assertThat(supervisor.get(statistics).statusCode()).isEqualTo(200);
  }
}

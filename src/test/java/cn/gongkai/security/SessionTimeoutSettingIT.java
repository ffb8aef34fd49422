package cn.gongkai.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/** 等保2.0 身份鉴别 b): the idle timeout follows {@code server.servlet.session.timeout} (GONGKAI_SESSION_TIMEOUT). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "server.servlet.session.timeout=45m")
@ActiveProfiles("test")
@Import(SessionProbe.Config.class)
class SessionTimeoutSettingIT {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired SessionProbe probe;

  @BeforeEach
  void useThisContextsEngine() {
    ProcessEngines.registerProcessEngine(engine);
  }

  @Test
  void theIdleTimeoutFollowsTheSetting() {
    assertThat(SessionProbe.tasklistLogin(port, probe).getMaxInactiveInterval()).isEqualTo(45 * 60);
  }
}

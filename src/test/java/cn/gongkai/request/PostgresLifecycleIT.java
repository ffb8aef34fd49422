package cn.gongkai.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The whole lifecycle on a real PostgreSQL (embedded binaries from Maven Central), as in production. */
@SpringBootTest
@ActiveProfiles("test")
// close this context (and its connections) after the class, before PostgreSQL's own shutdown hook runs:
// otherwise the JVM waits at exit for the server to give up on the open connections
@DirtiesContext
class PostgresLifecycleIT {

  static final EmbeddedPostgres POSTGRES = startPostgres();

  static EmbeddedPostgres startPostgres() {
    try {
      // stopped by its own shutdown hook once the Spring context has let go of its connections
      return EmbeddedPostgres.builder().start();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> POSTGRES.getJdbcUrl("postgres", "postgres"));
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "postgres");
  }

  @Autowired ProcessEngine engine;
  @Autowired CaseRegister register;
  @Autowired JdbcClient jdbc;
  @Autowired cn.gongkai.material.Materials materials;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void runsARequestFromRegistrationToArchiveOnPostgres() {
    BpmnAwareTests.init(engine);
    ProcessTestSupport process = new ProcessTestSupport(engine);
    ProcessTestSupport.clockAt("2026-09-18T10:00");
    assertThat(jdbc.sql("SELECT version()").query(String.class).single()).startsWith("PostgreSQL");

    ProcessInstance pi = process.startAsIntake(CaseFixtures.request("2026-09-18"));
    process.complete(pi, "Task_ScreenRequest", "intake", Map.of("screeningDecision", "ACCEPT"));
    ProcessTestSupport.clockAt("2026-09-21T10:00");
    process.complete(pi, "Task_HandleRequest", "handler", Map.of("nextAction", "CONSULT_THIRD_PARTY",
        "consultedParty", "某公司", "consultationSentOn", "2026-09-21"));
    ProcessTestSupport.clockAt("2026-09-24T10:00");
    process.complete(pi, "Task_ConsultThirdParty", "handler",
        Map.of("thirdPartyAnswer", "AGREE", "answerReceivedOn", "2026-09-24"));
    var material = materials.attach(pi.getBusinessKey(), "招标公告.pdf", cn.gongkai.testing.ReleaseSamples.tenderNotice(),
        "handler");
    materials.redact(material.id(), java.util.List.of(
        new cn.gongkai.material.MarkRequest(null, null, "13812345678", "THIRD_PARTY")), "handler");
    process.complete(pi, "Task_HandleRequest", "handler", Map.of("nextAction", "DECIDE", "outcome", "PARTIAL",
        "exemptionCode", "THIRD_PARTY", "decisionReason", "部分内容涉及个人隐私",
        "provisionGuidance", "电子邮件发送"));
    materials.review(material.id(), materials.marks(material.id()).stream()
        .map(k -> new cn.gongkai.material.MarkReview(k.id(), true, null)).toList(), "reviewer");
    process.complete(pi, "Task_SecrecyReview", "reviewer", Map.of("secrecyReviewResult", "APPROVED"));
    process.complete(pi, "Task_LegalReview", "legal", Map.of("legalReviewResult", "APPROVED"));
    process.complete(pi, "Task_SignOffReply", "leader",
        Map.of("signOffResult", "APPROVED", "signedOn", "2026-09-24"));
    ProcessTestSupport.clockAt("2026-09-25T16:00");
    process.complete(pi, "Task_DeliverReply", "intake",
        Map.of("replyDeliveryMethod", "POST", "repliedOn", "2026-09-25", "postedOn", "2026-09-25", "trackingNumber", "XA123456789CN"));

    assertThat(pi).isEnded().hasPassed("Task_ArchiveCase");
    DisclosureCase c = register.findByNumber(pi.getBusinessKey()).orElseThrow();
    assertThat(c.status()).isEqualTo(CaseStatus.CLOSED);
    assertThat(c.outcome()).isEqualTo(Outcome.PARTIAL);
    assertThat(c.replyPostedOn()).isEqualTo(ProcessTestSupport.date("2026-09-25"));
    assertThat(c.replyDueOn()).isEqualTo(ProcessTestSupport.date("2026-10-27"));
    assertThat(register.events(c.id())).hasSizeGreaterThanOrEqualTo(9);
  }
}

package cn.gongkai.request;

import static cn.gongkai.request.ProcessTestSupport.clockAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.gongkai.letters.CaseArchive;
import cn.gongkai.letters.CaseRef;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * 送达答复 by post: the delivery task starts from the applicant's chosen method, and a reply by post needs its
 * tracking number (挂号信/EMS 单号), which the register, the case page and the archive keep.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ReplyDeliveryTrackingIT {

  @Autowired ProcessEngine engine;
  @Autowired CaseRegister register;
  @Autowired CaseArchive archive;
  @LocalServerPort int port;

  ProcessTestSupport process;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    process = new ProcessTestSupport(engine);
    clockAt("2026-09-18T10:00");
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aReplyByPostNeedsItsTrackingNumberWhichTheRecordPageAndArchiveKeep() throws Exception {
    // given an applicant who asked to receive the information by post
    Map<String, Object> request = CaseFixtures.request("2026-09-18");
    request.put("deliveryMethod", "POST");
    ProcessInstance pi = process.startAsIntake(request);

    // then screening sees the masked name, never the full one, and delivery is prefilled with post
    Map<String, Object> variables = engine.getRuntimeService().getVariables(pi.getId());
    assertThat((String) variables.get("applicantNameMasked")).startsWith("张").doesNotContain("三");
    assertThat(variables).doesNotContainKeys("applicantName", "idNumber", "phone");
    assertThat(variables).containsEntry("replyDeliveryMethod", "POST");

    process.complete(pi, "Task_ScreenRequest", "intake", Map.of("screeningDecision", "ACCEPT"));
    Map<String, Object> decision = new HashMap<>();
    decision.put("nextAction", "DECIDE");
    decision.put("outcome", "NOT_EXIST");
    decision.put("decisionReason", "经检索，本机关未制作或获取该信息");
    process.complete(pi, "Task_HandleRequest", "handler", decision);
    process.complete(pi, "Task_SignOffReply", "leader", Map.of("signOffResult", "APPROVED", "signedOn", "2026-09-18"));

    // when intake records a posting without the tracking number, it is refused and nothing is stored
    assertThatThrownBy(() -> process.complete(pi, "Task_DeliverReply", "intake",
        Map.of("replyDeliveryMethod", "POST", "repliedOn", "2026-09-18", "postedOn", "2026-09-18")))
        .isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("挂号信/EMS 单号为必填项");
    assertThat(pi).isWaitingAt("Task_DeliverReply");
    assertThat(register.findByNumber(pi.getBusinessKey()).orElseThrow().repliedOn()).isNull();

    // when it is given
    process.complete(pi, "Task_DeliverReply", "intake", Map.of("replyDeliveryMethod", "POST",
        "repliedOn", "2026-09-18", "postedOn", "2026-09-18", "trackingNumber", "XA123456789CN"));

    // then the register keeps it, the case page shows it next to the delivery, the archive holds it
    assertThat(pi).isEnded();
    DisclosureCase c = register.findByNumber(pi.getBusinessKey()).orElseThrow();
    assertThat(c.replyTrackingNumber()).isEqualTo("XA123456789CN");
    assertThat(casePage(c.caseNumber())).contains("挂号信/EMS 单号", "XA123456789CN");
    String registerJson = zipEntry(archive.content(
        new CaseRef(CaseRef.DISCLOSURE, c.id(), c.caseNumber(), c.agencyCode())), "register.json");
    assertThat(registerJson).contains("\"replyTrackingNumber\":\"XA123456789CN\"");
  }

  @Test
  void pickupAtTheOfficeIsPrefilledAsDeliveryInPerson() {
    Map<String, Object> request = CaseFixtures.request("2026-09-18");
    request.put("deliveryMethod", "PICKUP");
    ProcessInstance pi = process.startAsIntake(request);
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), "replyDeliveryMethod")).isEqualTo("IN_PERSON");
  }

  String casePage(String caseNumber) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/cases/"
            + URLEncoder.encode(caseNumber, StandardCharsets.UTF_8)))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("intake:demo".getBytes()))
        .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
  }

  static String zipEntry(byte[] zip, String name) throws Exception {
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        if (entry.getName().equals(name)) {
          return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
      }
    }
    throw new AssertionError("no " + name + " in the archive");
  }
}

package cn.gongkai.portal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.material.MarkRequest;
import cn.gongkai.material.MarkReview;
import cn.gongkai.material.MaterialView;
import cn.gongkai.material.Materials;
import cn.gongkai.request.CaseRegister;
import cn.gongkai.testing.EngineDriver;
import cn.gongkai.testing.ReleaseSamples;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The released files on the applicant's tracking page (issue 16): listed and downloadable with the 查询码 only once the
 * reply is delivered, and only as their redacted copies.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.mail.port=18151",
    "gongkai.portal.rate-limit.submissions-per-hour=1000",
    "gongkai.portal.rate-limit.lookups-per-minute=10000",
    "gongkai.portal.mail.scan-delay-ms=3600000",
    "gongkai.portal.mail.send-delay-ms=3600000"})
@ActiveProfiles("test")
class ReleasedFilesPortalIT {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired CaseRegister register;
  @Autowired Materials materials;

  PortalHttp api;
  EngineDriver process;

  @BeforeEach
  void setUp() {
    api = new PortalHttp(port);
    process = new EngineDriver(engine);
    EngineDriver.clockAt("2026-09-16T20:00");
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  static String text(byte[] pdf) throws Exception {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    }
  }

  @Test
  void offersOnlyTheRedactedCopyAndOnlyAfterTheReplyIsDelivered() throws Exception {
    // given an online request confirmed by intake and decided as a partial disclosure of a marked notice
    JsonNode created = api.submitted(PortalHttp.application());
    String number = created.get("submissionNumber").asText();
    String code = created.get("queryCode").asText();
    ProcessInstance online = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(number).singleResult();
    EngineDriver.clockAt("2026-09-18T09:30");
    process.complete(online, "Task_ConfirmOnlineRequest", "intake",
        Map.of("onlineRequestDecision", "ACCEPT", "receivedOn", "2026-09-18"));
    String caseNumber = register.findByProcessInstance(online.getId()).orElseThrow().caseNumber();
    ProcessInstance pi = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(caseNumber).singleResult();
    process.complete(pi, "Task_ScreenRequest", "intake", Map.of("screeningDecision", "ACCEPT"));
    MaterialView m = materials.attach(caseNumber, "招标公告.pdf", ReleaseSamples.tenderNotice(), "handler");
    materials.redact(m.id(), List.of(new MarkRequest(null, null, "11010519491231002X", "THIRD_PARTY")), "handler");
    process.complete(pi, "Task_HandleRequest", "handler", Map.of("nextAction", "DECIDE", "outcome", "PARTIAL",
        "decisionReason", "项目负责人的身份证号码属于个人隐私，不予公开。", "provisionGuidance", "在线下载。"));
    materials.review(m.id(), materials.marks(m.id()).stream().map(k -> new MarkReview(k.id(), true, null)).toList(),
        "reviewer");
    process.complete(pi, "Task_SecrecyReview", "reviewer", Map.of("secrecyReviewResult", "APPROVED"));
    process.complete(pi, "Task_LegalReview", "legal", Map.of("legalReviewResult", "APPROVED"));
    process.complete(pi, "Task_SignOffReply", "leader", Map.of("signOffResult", "APPROVED", "signedOn", "2026-09-18"));

    // then before delivery the applicant sees no file, and the file's address answers 404
    JsonNode before = api.read(api.track(number, code));
    assertThat(before.get("materials")).isEmpty();
    String address = "/api/public/requests/" + number + "/materials/" + m.id() + "?code=" + code;
    assertThat(api.download(address).statusCode()).isEqualTo(404);

    // when the reply is delivered
    process.complete(pi, "Task_DeliverReply", "intake", Map.of("replyDeliveryMethod", "ONLINE", "repliedOn", "2026-09-18"));

    // then the tracking view lists the redacted copy with its pages, and it downloads as a PDF without the ID number
    JsonNode after = api.read(api.track(number, code));
    assertThat(after.get("materials")).hasSize(1);
    JsonNode file = after.get("materials").get(0);
    assertThat(file.get("fileName").asText()).isEqualTo("招标公告.pdf");
    assertThat(file.get("pages").asInt()).isEqualTo(2);
    HttpResponse<byte[]> download = api.download(file.get("url").asText());
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
    assertThat(download.body()).isNotEqualTo(materials.original(m.id()));
    assertThat(text(download.body())).contains("招标公告", "13812345678").doesNotContain("11010519491231002X");

    // and a wrong 查询码 gets nothing
    assertThat(api.download("/api/public/requests/" + number + "/materials/" + m.id() + "?code=WRONGCODE0000000")
        .statusCode()).isEqualTo(404);
  }
}

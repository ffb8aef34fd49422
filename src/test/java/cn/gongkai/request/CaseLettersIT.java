package cn.gongkai.request;

import static cn.gongkai.request.ProcessTestSupport.clockAt;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.letters.CaseArchive;
import cn.gongkai.letters.CaseRef;
import cn.gongkai.letters.LetterKind;
import cn.gongkai.letters.Letters;
import cn.gongkai.letters.RemedyClause;
import cn.gongkai.letters.StoredDocument;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The letters the steps of a case produce, their freezing and delivery, and the archive package at the end. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CaseLettersIT {

  @Autowired ProcessEngine engine;
  @Autowired CaseRegister register;
  @Autowired Letters letters;
  @Autowired CaseArchive archive;

  ProcessTestSupport process;

  @BeforeEach
  void setUp() {
    process = new ProcessTestSupport(engine);
    clockAt("2026-09-18T10:00");
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  List<StoredDocument> documents(ProcessInstance pi) {
    DisclosureCase c = register.findByNumber(pi.getBusinessKey()).orElseThrow();
    return letters.documents(new CaseRef(CaseRef.DISCLOSURE, c.id(), c.caseNumber(), c.agencyCode()));
  }

  String text(StoredDocument document) throws Exception {
    try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(
        letters.content(document.id(), null).content()));
        XWPFWordExtractor extractor = new XWPFWordExtractor(docx)) {
      return extractor.getText();
    }
  }

  @Test
  void issuesAReceiptThenARefusalThatIsFrozenAtSignOffDeliveredAndArchived() throws Exception {
    // given a request refused under Art. 16 after an approved extension
    ProcessInstance pi = process.startAsIntake(CaseFixtures.request("2026-09-18"));
    assertThat(documents(pi)).extracting(StoredDocument::kind).containsExactly(LetterKind.RECEIPT);
    process.complete(pi, "Task_ScreenRequest", "intake", Map.of("screeningDecision", "ACCEPT"));
    process.complete(pi, "Task_HandleRequest", "handler",
        Map.of("nextAction", "REQUEST_EXTENSION", "extensionReason", "所需信息需从档案馆调取"));
    process.complete(pi, "Task_ApproveExtension", "leader",
        Map.of("extensionDecision", "APPROVED", "extensionWorkingDays", 10, "extensionApprovedOn", "2026-09-18"));
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), "currentLetterName").toString())
        .startsWith("延期答复告知书");
    process.complete(pi, "Task_NotifyExtension", "intake", Map.of("extensionNoticeSentOn", "2026-09-18"));
    process.complete(pi, "Task_HandleRequest", "handler", Map.of("nextAction", "DECIDE", "outcome", "REFUSE",
        "exemptionCode", "PROCESS_INFO", "decisionReason", "所申请信息为讨论记录，属于过程性信息"));
    process.complete(pi, "Task_LegalReview", "legal", Map.of("legalReviewResult", "APPROVED"));

    // when the leader signs it off and intake posts it
    process.complete(pi, "Task_SignOffReply", "leader",
        Map.of("signOffResult", "APPROVED", "signedOn", "2026-09-18"));
    StoredDocument reply = letters.get(((Number) engine.getRuntimeService()
        .getVariable(pi.getId(), "replyLetterId")).longValue());
    assertThat(reply.frozen()).isTrue();
    clockAt("2026-09-21T10:00");
    process.complete(pi, "Task_DeliverReply", "intake",
        Map.of("replyDeliveryMethod", "POST", "repliedOn", "2026-09-21", "postedOn", "2026-09-21", "trackingNumber", "XA123456789CN"));

    // then the case holds its receipt, extension notice and the refusal with the reconsideration-first clause
    assertThat(documents(pi)).extracting(StoredDocument::kind)
        .containsExactlyInAnyOrder(LetterKind.RECEIPT, LetterKind.EXTENSION_NOTICE, LetterKind.REFUSE);
    String refusal = text(reply);
    assertThat(refusal).contains(pi.getBusinessKey(), reply.number(), "所申请信息为讨论记录", RemedyClause.RECONSIDERATION_FIRST);
    assertThat(letters.replyDate(reply.id())).hasValue(ProcessTestSupport.date("2026-09-21"));
    DisclosureCase c = register.findByNumber(pi.getBusinessKey()).orElseThrow();
    assertThat(c.repliedOn()).isEqualTo(ProcessTestSupport.date("2026-09-21"));
    // and the archive package verifies
    CaseRef ref = new CaseRef(CaseRef.DISCLOSURE, c.id(), c.caseNumber(), c.agencyCode());
    assertThat(archive.find(ref)).isPresent();
    assertThat(archive.verifyStored(ref).valid()).isTrue();
  }

  @Test
  void aDisclosureLetterCarriesNoReconsiderationFirstSentence() throws Exception {
    ProcessInstance pi = process.startAsIntake(CaseFixtures.request("2026-09-18"));
    process.complete(pi, "Task_ScreenRequest", "intake", Map.of("screeningDecision", "ACCEPT"));
    process.complete(pi, "Task_HandleRequest", "handler", Map.of("nextAction", "DECIDE", "outcome", "DISCLOSE",
        "decisionReason", "予以公开", "provisionGuidance", "随本答复书附送电子文件"));

    StoredDocument reply = letters.get(((Number) engine.getRuntimeService()
        .getVariable(pi.getId(), "replyLetterId")).longValue());
    assertThat(reply.kind()).isEqualTo(LetterKind.DISCLOSE);
    assertThat(reply.frozen()).isFalse();
    assertThat(text(reply)).contains("随本答复书附送电子文件").doesNotContain(RemedyClause.RECONSIDERATION_FIRST);
  }
}

package cn.gongkai.request;

import static cn.gongkai.request.ProcessTestSupport.clockAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.gongkai.letters.CaseArchive;
import cn.gongkai.letters.CaseRef;
import cn.gongkai.letters.Letters;
import cn.gongkai.material.Mark;
import cn.gongkai.material.MarkRequest;
import cn.gongkai.material.MarkReview;
import cn.gongkai.material.MarkState;
import cn.gongkai.material.MaterialView;
import cn.gongkai.material.Materials;
import cn.gongkai.testing.ReleaseSamples;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
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
import org.springframework.test.context.ActiveProfiles;

/**
 * The released information in {@code disclosure-request} (issue 16): what 办理申请 must attach and mark, the reviewers'
 * per-mark approval and return, the reply letter's page count and the archive package's material.
 */
@SpringBootTest
@ActiveProfiles("test")
class ReleaseWorkflowIT {

  @Autowired ProcessEngine engine;
  @Autowired CaseRegister register;
  @Autowired Materials materials;
  @Autowired Letters letters;
  @Autowired CaseArchive archive;

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

  ProcessInstance atHandling() {
    ProcessInstance pi = process.startAsIntake(CaseFixtures.request("2026-09-18"));
    process.complete(pi, "Task_ScreenRequest", "intake", Map.of("screeningDecision", "ACCEPT"));
    return pi;
  }

  void decide(ProcessInstance pi, String outcome) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("nextAction", "DECIDE");
    vars.put("outcome", outcome);
    vars.put("decisionReason", "招标公告中项目负责人的身份证号码和电话属于个人隐私，不予公开，其余部分予以公开。");
    vars.put("provisionGuidance", "电子邮件发送。");
    process.complete(pi, "Task_HandleRequest", "handler", vars);
  }

  MaterialView attach(ProcessInstance pi) {
    return materials.attach(pi.getBusinessKey(), "招标公告.pdf", ReleaseSamples.tenderNotice(), "handler");
  }

  List<Mark> markIdAndPhone(MaterialView m) {
    return materials.redact(m.id(), List.of(
        new MarkRequest(null, null, "11010519491231002X", "THIRD_PARTY"),
        new MarkRequest(null, null, "13812345678", "THIRD_PARTY")), "handler");
  }

  static String pdfText(byte[] pdf) throws Exception {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    }
  }

  String replyText(ProcessInstance pi) throws Exception {
    // from history: the process may have ended (送达, 归档)
    long id = ((Number) engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(pi.getId()).variableName("replyLetterId").singleResult().getValue()).longValue();
    try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(letters.content(id, null).content()));
        XWPFWordExtractor extractor = new XWPFWordExtractor(docx)) {
      return extractor.getText();
    }
  }

  @Test
  void refusesAPartialDisclosureWithoutFilesOrWithoutMarks() {
    // given a case at 办理申请 with nothing attached
    ProcessInstance pi = atHandling();

    // then 部分公开 is refused in a plain sentence
    assertThatThrownBy(() -> decide(pi, "PARTIAL")).isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("部分公开须先在案件卷宗中上传拟公开的文件");

    // and with a file but no mark, too
    MaterialView m = attach(pi);
    assertThatThrownBy(() -> decide(pi, "PARTIAL")).isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("部分公开须在所附文件中标注不予公开的内容");

    // and 予以公开 of a file that carries marks is refused as well (that is a partial disclosure)
    markIdAndPhone(m);
    assertThatThrownBy(() -> decide(pi, "DISCLOSE")).isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("答复类型应为“部分公开”");
    assertThat(pi).isWaitingAt("Task_HandleRequest");
  }

  @Test
  void disclosesWithoutFilesWhenTheWayToGetTheInformationSaysItAll() throws Exception {
    // given a case whose information is given by inspection on site
    ProcessInstance pi = atHandling();

    // when 予以公开 is decided without any file
    decide(pi, "DISCLOSE");

    // then it goes to the secrecy review and the letter says nothing about pages
    assertThat(pi).isWaitingAt("Task_SecrecyReview");
    assertThat(replyText(pi)).doesNotContain("相关文件共");
  }

  @Test
  void aReturnedMarkSendsTheCaseBackWithTheMarksAndReasonsThenApprovalReleasesTheRedactedCopy() throws Exception {
    // given a partial disclosure of a two-page notice with the ID number and the phone number marked
    ProcessInstance pi = atHandling();
    MaterialView m = attach(pi);
    markIdAndPhone(m);
    decide(pi, "PARTIAL");
    assertThat(pi).isWaitingAt("Task_SecrecyReview");
    assertThat(replyText(pi)).contains("相关文件共2页");

    // when the secrecy reviewer approves the ID number and returns the phone number with a reason
    List<Mark> marks = materials.marks(m.id());
    Mark id = marks.stream().filter(k -> "11010519491231002X".equals(k.text())).findFirst().orElseThrow();
    Mark phone = marks.stream().filter(k -> "13812345678".equals(k.text())).findFirst().orElseThrow();
    materials.review(m.id(), List.of(new MarkReview(id.id(), true, null),
        new MarkReview(phone.id(), false, "该电话为单位办公电话，应予公开")), "reviewer");

    // then passing the review is refused while a mark is returned
    assertThatThrownBy(() -> process.complete(pi, "Task_SecrecyReview", "reviewer",
        Map.of("secrecyReviewResult", "APPROVED")))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("结论应为“退回承办”");

    // and 退回 sends the case back to 办理申请 with the returned mark, its ground and reason listed
    process.complete(pi, "Task_SecrecyReview", "reviewer",
        Map.of("secrecyReviewResult", "RETURNED", "secrecyReviewComment", "电话号码一处标注不当，见标注意见"));
    assertThat(pi).isWaitingAt("Task_HandleRequest");
    String returned = (String) engine.getRuntimeService().getVariable(pi.getId(), "returnedMarks");
    assertThat(returned).contains("招标公告.pdf", "第1页", "商业秘密或个人隐私", "该电话为单位办公电话，应予公开")
        .doesNotContain("11010519491231002X", "13812345678");
    assertThat(materials.marks(m.id())).extracting(Mark::state, Mark::returnReason).containsExactlyInAnyOrder(
        org.assertj.core.groups.Tuple.tuple(MarkState.APPROVED, null),
        org.assertj.core.groups.Tuple.tuple(MarkState.RETURNED, "该电话为单位办公电话，应予公开"));

    // and the handler cannot decide again before changing the returned mark
    assertThatThrownBy(() -> decide(pi, "PARTIAL")).isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("有1处标注被审查退回");

    // when the handler drops the phone mark (saving the marks without it) and decides again
    materials.redact(m.id(), List.of(), "handler");
    decide(pi, "PARTIAL");

    // then the secrecy review, with nothing left to review, passes; the legal review passes; the reply goes out
    process.complete(pi, "Task_SecrecyReview", "reviewer", Map.of("secrecyReviewResult", "APPROVED"));
    assertThat(pi).isWaitingAt("Task_LegalReview");
    process.complete(pi, "Task_LegalReview", "legal", Map.of("legalReviewResult", "APPROVED"));
    process.complete(pi, "Task_SignOffReply", "leader",
        Map.of("signOffResult", "APPROVED", "signedOn", "2026-09-18"));
    process.complete(pi, "Task_DeliverReply", "intake",
        Map.of("replyDeliveryMethod", "EMAIL", "repliedOn", "2026-09-18"));
    assertThat(pi).isEnded().hasPassed("Task_ArchiveCase");

    // and the register keeps the ground the marks cite; the letter cites its article
    DisclosureCase c = register.findByNumber(pi.getBusinessKey()).orElseThrow();
    assertThat(c.outcome()).isEqualTo(Outcome.PARTIAL);
    assertThat(c.outcomeCode()).isEqualTo("THIRD_PARTY");
    assertThat(replyText(pi)).contains("相关文件共2页", "第三十七条、第十五条");

    // and what is released is the redacted copy: the ID number gone, the phone number (returned, dropped) kept
    String released = pdfText(materials.redacted(m.id()));
    assertThat(released).contains("招标公告", "13812345678").doesNotContain("11010519491231002X");
  }

  @Test
  void reviewCannotPassWhileAMarkIsUnreviewed() {
    // given a partial disclosure at the secrecy review whose marks nobody looked at
    ProcessInstance pi = atHandling();
    markIdAndPhone(attach(pi));
    decide(pi, "PARTIAL");

    // then passing is refused, naming how many marks wait
    assertThatThrownBy(() -> process.complete(pi, "Task_SecrecyReview", "reviewer",
        Map.of("secrecyReviewResult", "APPROVED")))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("尚有2处标注未审查");
  }

  @Test
  void signOffRefusesMarksChangedAfterReview() {
    // given a partial disclosure past both reviews
    ProcessInstance pi = atHandling();
    MaterialView m = attach(pi);
    markIdAndPhone(m);
    decide(pi, "PARTIAL");
    approveAll(m);
    process.complete(pi, "Task_SecrecyReview", "reviewer", Map.of("secrecyReviewResult", "APPROVED"));
    process.complete(pi, "Task_LegalReview", "legal", Map.of("legalReviewResult", "APPROVED"));

    // when a mark is added after the reviews
    materials.redact(m.id(), List.of(new MarkRequest(null, null, "王建国", "THIRD_PARTY")), "handler");

    // then the leader cannot sign it off unreviewed
    assertThatThrownBy(() -> process.complete(pi, "Task_SignOffReply", "leader",
        Map.of("signOffResult", "APPROVED", "signedOn", "2026-09-18")))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("未经审查不得签发");
  }

  void approveAll(MaterialView m) {
    materials.review(m.id(), materials.marks(m.id()).stream().map(k -> new MarkReview(k.id(), true, null)).toList(),
        "reviewer");
  }

  @Test
  void archivesTheOriginalsTheRedactedCopiesAndWhoMarkedAndApprovedWhat() throws Exception {
    // given a partial disclosure taken through to delivery
    ProcessInstance pi = atHandling();
    MaterialView m = attach(pi);
    markIdAndPhone(m);
    decide(pi, "PARTIAL");
    approveAll(m);
    process.complete(pi, "Task_SecrecyReview", "reviewer", Map.of("secrecyReviewResult", "APPROVED"));
    process.complete(pi, "Task_LegalReview", "legal", Map.of("legalReviewResult", "APPROVED"));
    process.complete(pi, "Task_SignOffReply", "leader",
        Map.of("signOffResult", "APPROVED", "signedOn", "2026-09-18"));
    process.complete(pi, "Task_DeliverReply", "intake",
        Map.of("replyDeliveryMethod", "EMAIL", "repliedOn", "2026-09-18"));

    // when the archive package is read
    DisclosureCase c = register.findByNumber(pi.getBusinessKey()).orElseThrow();
    Map<String, byte[]> entries = unzip(archive.content(
        new CaseRef(CaseRef.DISCLOSURE, c.id(), c.caseNumber(), c.agencyCode())));

    // then it holds the original, the redacted copy, the redaction log and the checksums
    String original = entries.keySet().stream().filter(n -> n.startsWith("material/originals/")).findFirst()
        .orElseThrow();
    String redacted = entries.keySet().stream().filter(n -> n.startsWith("material/redacted/")).findFirst()
        .orElseThrow();
    assertThat(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
        .digest(entries.get(original)))).isEqualTo(m.sha256());
    assertThat(pdfText(entries.get(original))).contains("11010519491231002X");
    assertThat(pdfText(entries.get(redacted))).doesNotContain("11010519491231002X", "13812345678");
    String log = new String(entries.get("material/redaction-log.json"), StandardCharsets.UTF_8);
    assertThat(log).contains("\"markedBy\": \"handler\"", "\"reviewedBy\": \"reviewer\"", "THIRD_PARTY", "APPROVED");
    String sums = new String(entries.get("material/checksums.sha256"), StandardCharsets.UTF_8);
    assertThat(sums).contains(m.sha256(), "redaction-log.json");
  }

  static Map<String, byte[]> unzip(byte[] zip) throws Exception {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        entries.put(e.getName(), in.readAllBytes());
      }
    }
    return entries;
  }
}

package cn.gongkai.request;

import static cn.gongkai.request.ProcessTestSupport.clockAt;
import static cn.gongkai.request.ProcessTestSupport.date;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.gongkai.letters.CaseRef;
import cn.gongkai.letters.LetterKind;
import cn.gongkai.letters.Letters;
import cn.gongkai.letters.StoredDocument;
import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * A fact carries the day it happened (issue §1, domain §11): staff enter it days later, the register
 * keeps the fact's day and, apart, who recorded it when; the reply letter is dated and numbered at
 * sign-off; a deadline in a year whose holidays are unpublished is called provisional in the letter.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class FactDatesIT {

  @Autowired ProcessEngine engine;
  @Autowired CaseRegister register;
  @Autowired Letters letters;
  @Autowired JdbcClient jdbc;
  @org.springframework.boot.test.web.server.LocalServerPort int port;

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

  DisclosureCase row(ProcessInstance instance) {
    return register.findByNumber(instance.getBusinessKey()).orElseThrow();
  }

  StoredDocument reply(ProcessInstance pi) {
    return letters.get(((Number) engine.getRuntimeService().getVariable(pi.getId(), "replyLetterId")).longValue());
  }

  List<StoredDocument> documents(ProcessInstance pi) {
    DisclosureCase c = row(pi);
    return letters.documents(new CaseRef(CaseRef.DISCLOSURE, c.id(), c.caseNumber(), c.agencyCode()));
  }

  String text(StoredDocument document) throws Exception {
    try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(letters.content(document.id(), null).content()));
        XWPFWordExtractor extractor = new XWPFWordExtractor(docx)) {
      return extractor.getText();
    }
  }

  long lettersNumbered(LetterKind kind) {
    return jdbc.sql("SELECT COALESCE(MAX(last_value), 0) FROM gk_number_sequence WHERE kind = ? AND seq_year = 2026")
        .param("LETTER_" + kind.name())
        .query(Long.class)
        .single();
  }

  void decideNotExist(ProcessInstance pi) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("nextAction", "DECIDE");
    vars.put("outcome", "NOT_EXIST");
    vars.put("decisionReason", "经检索，本机关未制作或获取该信息");
    process.complete(pi, "Task_HandleRequest", "handler", vars);
  }

  @Test
  void acceptsADeliveryBeforeTheDayItWasEnteredButNotBeforeSignOff() throws Exception {
    // given a reply decided, signed off on paper on Monday 09-21 and posted the same day, all entered on 09-24
    ProcessInstance pi = process.startAsIntake(CaseFixtures.request("2026-09-18"));
    process.complete(pi, "Task_ScreenRequest", "intake", Map.of("screeningDecision", "ACCEPT"));
    clockAt("2026-09-24T09:00");
    decideNotExist(pi);
    process.complete(pi, "Task_SignOffReply", "leader", Map.of("signOffResult", "APPROVED", "signedOn", "2026-09-21"));

    // a posting before the sign-off day is refused
    assertThatThrownBy(() -> process.complete(pi, "Task_DeliverReply", "intake",
        Map.of("replyDeliveryMethod", "POST", "repliedOn", "2026-09-20", "postedOn", "2026-09-20", "trackingNumber", "XA123456789CN")))
        .isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("不能早于签发日期（2026-09-21）");

    // when intake enters the posting of 09-21
    process.complete(pi, "Task_DeliverReply", "intake",
        Map.of("replyDeliveryMethod", "POST", "repliedOn", "2026-09-21", "postedOn", "2026-09-21", "trackingNumber", "XA123456789CN"));

    // then the reply date is the posting day, and the history keeps that day and when it was entered
    assertThat(pi).isEnded();
    DisclosureCase c = row(pi);
    assertThat(c.repliedOn()).isEqualTo(date("2026-09-21"));
    assertThat(c.signedOffOn()).isEqualTo(date("2026-09-21"));
    CaseEvent delivered = register.events(c.id()).stream().filter(e -> e.stepKey().equals("Task_DeliverReply"))
        .findFirst().orElseThrow();
    assertThat(delivered.factOn()).isEqualTo(date("2026-09-21"));
    assertThat(delivered.actor()).isEqualTo("intake");
    assertThat(delivered.occurredAt().toLocalDate()).isEqualTo(date("2026-09-24"));
    // and the case page shows both: the day of the fact, who recorded it when
    String page = casePage(pi.getBusinessKey());
    assertThat(page).contains("事实发生日期", "记录时间", "2026-09-21", "2026-09-24 09:00");
  }

  String casePage(String caseNumber) throws Exception {
    return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
            java.net.URI.create("http://localhost:" + port + "/cases/"
                + java.net.URLEncoder.encode(caseNumber, java.nio.charset.StandardCharsets.UTF_8)))
        .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("intake:demo".getBytes()))
        .build(), java.net.http.HttpResponse.BodyHandlers.ofString(java.nio.charset.StandardCharsets.UTF_8)).body();
  }

  @Test
  void acceptsAnExtensionApprovedBeforeTheDeadlineAndEnteredAfterIt() {
    // given a request received 2026-09-18, reply due 2026-10-22, an extension asked for
    ProcessInstance pi = process.startAsIntake(CaseFixtures.request("2026-09-18"));
    process.complete(pi, "Task_ScreenRequest", "intake", Map.of("screeningDecision", "ACCEPT"));
    process.complete(pi, "Task_HandleRequest", "handler",
        Map.of("nextAction", "REQUEST_EXTENSION", "extensionReason", "档案需调取"));

    // when the leader's approval of 10-21 (on paper) is entered on 10-23, after the deadline
    clockAt("2026-10-23T09:00");
    process.complete(pi, "Task_ApproveExtension", "leader",
        Map.of("extensionDecision", "APPROVED", "extensionWorkingDays", 20, "extensionApprovedOn", "2026-10-21"));

    // then the extension counts: 2026-09-18 + 40 WD = 2026-11-19; the notice is dated the day of approval
    assertThat(pi).isWaitingAt("Task_NotifyExtension");
    DisclosureCase c = row(pi);
    assertThat(c.replyDueOn()).isEqualTo(date("2026-11-19"));
    assertThat(c.extensionApprovedOn()).isEqualTo(date("2026-10-21"));
    StoredDocument notice = documents(pi).stream().filter(d -> d.kind() == LetterKind.EXTENSION_NOTICE)
        .findFirst().orElseThrow();
    assertThat(notice.issuedOn()).isEqualTo(date("2026-10-21"));
    // and a notice cannot have gone out before the approval
    assertThatThrownBy(() -> process.complete(pi, "Task_NotifyExtension", "intake",
        Map.of("extensionNoticeSentOn", "2026-10-20")))
        .isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("不能早于批准延期日期（2026-10-21）");
  }

  @Test
  void refusesAnExtensionApprovedAfterTheDeadline() {
    ProcessInstance pi = process.startAsIntake(CaseFixtures.request("2026-09-18"));
    process.complete(pi, "Task_ScreenRequest", "intake", Map.of("screeningDecision", "ACCEPT"));
    process.complete(pi, "Task_HandleRequest", "handler",
        Map.of("nextAction", "REQUEST_EXTENSION", "extensionReason", "档案需调取"));
    clockAt("2026-10-23T09:00");

    assertThatThrownBy(() -> process.complete(pi, "Task_ApproveExtension", "leader",
        Map.of("extensionDecision", "APPROVED", "extensionWorkingDays", 20, "extensionApprovedOn", "2026-10-23")))
        .isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("答复期限已于2026-10-22届满");
    assertThat(row(pi).replyDueOn()).isEqualTo(date("2026-10-22"));
  }

  @Test
  void refusesFactsDatedInTheFuture() {
    ProcessInstance pi = process.startAsIntake(CaseFixtures.request("2026-09-18"));
    process.complete(pi, "Task_ScreenRequest", "intake", Map.of("screeningDecision", "ACCEPT"));
    process.complete(pi, "Task_HandleRequest", "handler", Map.of("nextAction", "CHARGE_FEE",
        "feeBasis", "PAGES", "feeQuantity", 40, "feeNoticeDeliveredOn", "2026-09-18"));

    // 2026-09-18 10:00 in Beijing: the 19th has not come yet
    assertThatThrownBy(() -> process.complete(pi, "Task_RegisterFeePayment", "intake",
        Map.of("feePaidOn", "2026-09-19")))
        .isInstanceOf(BadUserRequestException.class)
        .hasMessage("缴费日期不能晚于今天（2026-09-18）（feePaidOn）");
    assertThat(row(pi).feePaidOn()).isNull();
    assertThat(pi).isWaitingAt("Task_RegisterFeePayment");
  }

  @Test
  void refusesASignOffDatedTomorrowOrBeforeTheRequestArrived() {
    ProcessInstance pi = process.startAsIntake(CaseFixtures.request("2026-09-18"));
    process.complete(pi, "Task_ScreenRequest", "intake", Map.of("screeningDecision", "ACCEPT"));
    decideNotExist(pi);

    assertThatThrownBy(() -> process.complete(pi, "Task_SignOffReply", "leader",
        Map.of("signOffResult", "APPROVED", "signedOn", "2026-09-19")))
        .isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("签发日期不能晚于今天");
    assertThatThrownBy(() -> process.complete(pi, "Task_SignOffReply", "leader",
        Map.of("signOffResult", "APPROVED", "signedOn", "2026-09-17")))
        .isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("签发日期不能早于收到申请日期（2026-09-18）");
    assertThat(reply(pi).number()).isNull();
  }

  @Test
  void datesAndNumbersTheReplyAtSignOffAndAReturnedReplyConsumesNoNumber() throws Exception {
    ProcessInstance pi = process.startAsIntake(CaseFixtures.request("2026-09-18"));
    process.complete(pi, "Task_ScreenRequest", "intake", Map.of("screeningDecision", "ACCEPT"));
    long numberedBefore = lettersNumbered(LetterKind.NOT_EXIST);

    // the handler decides; the leader returns it; the handler decides again
    decideNotExist(pi);
    assertThat(reply(pi).number()).isNull();
    process.complete(pi, "Task_SignOffReply", "leader",
        Map.of("signOffResult", "RETURNED", "signOffComment", "检索范围请写明"));
    clockAt("2026-09-22T10:00");
    decideNotExist(pi);
    assertThat(reply(pi).number()).isNull();
    assertThat(lettersNumbered(LetterKind.NOT_EXIST)).isEqualTo(numberedBefore);

    // when the leader signs it off on 09-22
    process.complete(pi, "Task_SignOffReply", "leader", Map.of("signOffResult", "APPROVED", "signedOn", "2026-09-22"));

    // then it has the next number, is dated the sign-off day, frozen
    StoredDocument signed = reply(pi);
    assertThat(lettersNumbered(LetterKind.NOT_EXIST)).isEqualTo(numberedBefore + 1);
    assertThat(signed.number()).isNotNull().endsWith("第" + (numberedBefore + 1) + "号");
    assertThat(signed.issuedOn()).isEqualTo(date("2026-09-22"));
    assertThat(signed.frozen()).isTrue();
    assertThat(text(signed)).contains(signed.number(), "2026年9月22日").doesNotContain(Letters.UNNUMBERED);
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), "currentLetterName").toString())
        .contains(signed.number());
  }

  @Test
  void saysTheExtendedDeadlineIsProvisionalWhenItsYearsHolidaysAreNotPublished() throws Exception {
    // given a request received 2026-11-20: + 40 working days falls in January 2027, a year not yet published
    clockAt("2026-11-20T10:00");
    ProcessInstance pi = process.startAsIntake(CaseFixtures.request("2026-11-20"));
    process.complete(pi, "Task_ScreenRequest", "intake", Map.of("screeningDecision", "ACCEPT"));
    process.complete(pi, "Task_HandleRequest", "handler",
        Map.of("nextAction", "REQUEST_EXTENSION", "extensionReason", "档案需调取"));

    process.complete(pi, "Task_ApproveExtension", "leader",
        Map.of("extensionDecision", "APPROVED", "extensionWorkingDays", 20, "extensionApprovedOn", "2026-11-20"));

    DisclosureCase c = row(pi);
    assertThat(c.replyDueOn().getYear()).isEqualTo(2027);
    assertThat(c.replyDueProvisional()).isTrue();
    StoredDocument notice = documents(pi).stream().filter(d -> d.kind() == LetterKind.EXTENSION_NOTICE)
        .findFirst().orElseThrow();
    String due = c.replyDueOn().getYear() + "年" + c.replyDueOn().getMonthValue() + "月"
        + c.replyDueOn().getDayOfMonth() + "日";
    assertThat(text(notice)).contains(due + "（暂定", "尚未公布", "国务院办公厅公布");
  }
}

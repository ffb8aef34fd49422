package cn.gongkai.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gongkai.request.CaseRegister;
import cn.gongkai.request.Channel;
import cn.gongkai.request.DisclosureCase;
import cn.gongkai.testing.EngineDriver;
import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The applicant portal's public API over real HTTP, with the challenge on: apply, intake confirms, track
 * with the 查询码, correct, download; enumeration resistance, lockout, bad input on every field, and the
 * mail (GreenMail): exactly one per letter.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.mail.port=18625",
    "gongkai.portal.rate-limit.submissions-per-hour=1000",
    "gongkai.portal.rate-limit.lookups-per-minute=10000",
    // the mail is sent by the test's own calls, not by the schedule
    "gongkai.portal.mail.scan-delay-ms=3600000",
    "gongkai.portal.mail.send-delay-ms=3600000"})
@ActiveProfiles("test")
class PortalApiIT {

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(18625, null, ServerSetup.PROTOCOL_SMTP))
      .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired CaseRegister register;
  @Autowired SubmissionStore store;
  @Autowired PortalMail mail;
  @Autowired JdbcClient jdbc;

  PortalHttp api;
  EngineDriver process;

  @BeforeEach
  void setUp() {
    api = new PortalHttp(port);
    process = new EngineDriver(engine);
    // submitted on Wednesday 2026-09-16; 2026-09-18 (Fri) is the domain file's example: reply due 2026-10-22
    EngineDriver.clockAt("2026-09-16T20:00");
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  ProcessInstance instanceOf(String submissionNumber) {
    return engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(submissionNumber).singleResult();
  }

  ProcessInstance caseInstance(String caseNumber) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
        .singleResult();
  }

  /** Intake confirms on 2026-09-18 with the applicant: that day is the date of receipt. */
  String confirmedOn18th(String submissionNumber) throws Exception {
    ProcessInstance pi = instanceOf(submissionNumber);
    EngineDriver.clockAt("2026-09-18T09:30");
    process.complete(pi, "Task_ConfirmOnlineRequest", "intake",
        Map.of("onlineRequestDecision", "ACCEPT", "receivedOn", "2026-09-18"));
    return register.findByProcessInstance(pi.getId()).orElseThrow().caseNumber();
  }

  @Test
  void submitsAndWaitsForIntakeToConfirm() throws Exception {
    long casesBefore = register.count();

    JsonNode created = api.submitted(PortalHttp.application());

    String number = created.get("submissionNumber").asText();
    String code = created.get("queryCode").asText();
    assertThat(number).matches("WS20260916-[A-Z2-9]{8}");
    assertThat(code).hasSizeGreaterThanOrEqualTo(12).matches("[A-Z2-9]+");
    ProcessInstance pi = instanceOf(number);
    Task task = process.task(pi, "Task_ConfirmOnlineRequest");
    assertThat(task.getName()).isEqualTo("确认网上申请");
    assertThat(engine.getTaskService().getIdentityLinksForTask(task.getId()))
        .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("intake"));
    // not yet a case: no number, no clock
    assertThat(register.count()).isEqualTo(casesBefore);
    // the code is kept only hashed
    Submission s = store.byNumber(number).orElseThrow();
    assertThat(s.queryHash()).doesNotContain(code).isNotEqualTo(code);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM gk_portal_submission WHERE query_code_hash = ?").param(code)
        .query(Long.class).single()).isZero();
    // personal data never enters the engine, not even its history
    List<HistoricVariableInstance> variables = engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(pi.getId()).list();
    assertThat(variables).extracting(HistoricVariableInstance::getName)
        .doesNotContain("applicantName", "idNumber", "phone", "address", "email", "idProof");
    assertThat(variables).extracting(v -> String.valueOf(v.getValue()))
        .noneMatch(v -> v.contains("张三") || v.contains(PortalHttp.ID_NUMBER) || v.contains("13812345678"));

    JsonNode view = api.read(api.track(number, code));
    assertThat(view.get("state").asText()).isEqualTo("已提交");
    assertThat(view.get("caseNumber").isNull()).isTrue();
    assertThat(view.get("receivedOn").isNull()).isTrue();
    assertThat(view.get("letters")).isEmpty();
  }

  @Test
  void startsTheReplyClockOnTheDayBothSidesConfirmed() throws Exception {
    JsonNode created = api.submitted(PortalHttp.application());
    String number = created.get("submissionNumber").asText();
    String code = created.get("queryCode").asText();
    ProcessInstance pi = instanceOf(number);
    EngineDriver.clockAt("2026-09-18T09:30");

    // a fact date: not after today, not before the submission
    assertThatThrownBy(() -> process.complete(pi, "Task_ConfirmOnlineRequest", "intake",
        Map.of("onlineRequestDecision", "ACCEPT", "receivedOn", "2026-09-19")))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("不能晚于今天");
    assertThatThrownBy(() -> process.complete(pi, "Task_ConfirmOnlineRequest", "intake",
        Map.of("onlineRequestDecision", "ACCEPT", "receivedOn", "2026-09-15")))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("不能早于网上提交日期");
    String caseNumber = confirmedOn18th(number);

    DisclosureCase c = register.findByNumber(caseNumber).orElseThrow();
    assertThat(c.channel()).isEqualTo(Channel.ONLINE);
    assertThat(c.receivedOn()).isEqualTo(LocalDate.parse("2026-09-18"));
    assertThat(c.replyDueOn()).isEqualTo(LocalDate.parse("2026-10-22"));
    assertThat(c.applicantName()).isEqualTo("张三");
    assertThat(c.registeredBy()).isEqualTo("intake");
    assertThat(caseInstance(caseNumber)).isNotNull();
    assertThat(process.task(caseInstance(caseNumber), "Task_ScreenRequest")).isNotNull();

    JsonNode view = api.read(api.track(number, code));
    assertThat(view.get("state").asText()).isEqualTo("已受理");
    assertThat(view.get("caseNumber").asText()).isEqualTo(caseNumber);
    assertThat(view.get("receivedOn").asText()).isEqualTo("2026-09-18");
    assertThat(view.get("replyDueOn").asText()).isEqualTo("2026-10-22");
    assertThat(view.get("letters")).hasSize(1);
    assertThat(view.get("letters").get(0).get("title").asText()).isEqualTo("收件回执");
    assertThat(view.get("letters").get(0).get("issuedOn").asText()).isEqualTo("2026-09-18");
    // nothing internal: no staff, no internal step, no personal data
    assertThat(view.toString()).doesNotContain("intake", "张三", PortalHttp.ID_NUMBER, "Task_", "processInstance");
    // also found by case number with the same code
    assertThat(api.read(api.track(caseNumber, code)).get("submissionNumber").asText()).isEqualTo(number);
    // the receipt downloads with the code
    HttpResponse<byte[]> receipt = api.download(view.get("letters").get(0).get("url").asText());
    assertThat(receipt.statusCode()).isEqualTo(200);
    assertThat(Arrays.copyOf(receipt.body(), 2)).isEqualTo(new byte[] {'P', 'K'});
  }

  @Test
  void countsPortalSubmissionsInTheOnlineChannelOnceConfirmed() throws Exception {
    long before = onlineReceived2026();
    String number = api.submitted(PortalHttp.application()).get("submissionNumber").asText();
    assertThat(onlineReceived2026()).isEqualTo(before);

    confirmedOn18th(number);

    assertThat(onlineReceived2026()).isEqualTo(before + 1);
  }

  long onlineReceived2026() throws Exception {
    HttpResponse<String> report = api.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
            + "/api/reports/annual/2026?agency=chuxiong"))
        .header("Accept", "application/json")
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("supervisor:demo".getBytes()))
        .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
    return api.read(report).get("olderFormat").get("receivedByChannel").path("ONLINE").asLong();
  }

  @Test
  void refusesAsNotARequestWithAReasonTheApplicantSees() throws Exception {
    JsonNode created = api.submitted(PortalHttp.application());
    String number = created.get("submissionNumber").asText();
    ProcessInstance pi = instanceOf(number);
    long cases = register.count();

    assertThatThrownBy(() -> process.complete(pi, "Task_ConfirmOnlineRequest", "intake",
        Map.of("onlineRequestDecision", "REFUSE")))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("理由为必填项");
    process.complete(pi, "Task_ConfirmOnlineRequest", "intake",
        Map.of("onlineRequestDecision", "REFUSE", "refusalReason", "来信反映的是对道路施工噪声的投诉，属于信访事项，请向信访部门反映。"));

    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
        .activityId("EndEvent_OnlineRequestRefused").count()).isEqualTo(1);
    assertThat(register.count()).isEqualTo(cases);
    JsonNode view = api.read(api.track(number, created.get("queryCode").asText()));
    assertThat(view.get("state").asText()).isEqualTo("已办结");
    assertThat(view.get("refusalReason").asText()).contains("信访事项");
    assertThat(view.get("caseNumber").isNull()).isTrue();
  }

  @Test
  void documentsThePublicApiInTheOpenApiDescriptionForLoggedInUsers() throws Exception {
    assertThat(api.download("/v3/api-docs").statusCode()).isEqualTo(401);
    HttpResponse<String> docs = api.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
            + "/v3/api-docs"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("intake:demo".getBytes())).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(docs.statusCode()).isEqualTo(200);
    JsonNode paths = api.json.readTree(docs.body()).get("paths");
    assertThat(paths.has("/api/public/requests")).isTrue();
    assertThat(paths.has("/api/public/requests/{number}")).isTrue();
    assertThat(paths.get("/api/public/requests").get("post").get("summary").asText()).isEqualTo("网上提交政府信息公开申请");
  }

  @Test
  void answersAWrongCodeExactlyLikeAnUnknownNumber() throws Exception {
    JsonNode created = api.submitted(PortalHttp.application());
    String number = created.get("submissionNumber").asText();

    HttpResponse<String> wrongCode = api.track(number, "AAAABBBBCCCCDDDD");
    HttpResponse<String> unknown = api.track("WS20260916-ZZZZZZZZ", "AAAABBBBCCCCDDDD");
    HttpResponse<String> unknownCase = api.track("〔2026〕第999号", "AAAABBBBCCCCDDDD");

    assertThat(wrongCode.statusCode()).isEqualTo(404);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(wrongCode.body()).isEqualTo(unknown.body()).isEqualTo(unknownCase.body())
        .contains("未找到该申请，或查询码不正确");
    assertThat(wrongCode.headers().map().keySet()).isEqualTo(unknown.headers().map().keySet());
    // the letters and the correction answer the same
    assertThat(api.download("/api/public/requests/" + number + "/letters/1?code=AAAABBBBCCCCDDDD").statusCode())
        .isEqualTo(404);
  }

  @Test
  void locksTrackingAfterRepeatedWrongCodes() throws Exception {
    JsonNode created = api.submitted(PortalHttp.application());
    String number = created.get("submissionNumber").asText();
    String code = created.get("queryCode").asText();
    assertThat(api.track(number, code).statusCode()).isEqualTo(200);

    for (int i = 0; i < 5; i++) {
      assertThat(api.track(number, "WRONGCODE" + i).statusCode()).isEqualTo(404);
    }

    HttpResponse<String> locked = api.track(number, code);
    assertThat(locked.statusCode()).isEqualTo(404);
    assertThat(locked.body()).isEqualTo(api.track("WS20260916-ZZZZZZZZ", code).body());
    // 30 minutes later the right code opens it again
    EngineDriver.clockAt("2026-09-16T20:31");
    assertThat(api.track(number, code).statusCode()).isEqualTo(200);
  }

  @Test
  void refusesBadInputOnEveryFieldInChineseAndStoresNothing() throws Exception {
    Map<String, Object[]> cases = new java.util.LinkedHashMap<>();
    cases.put("applicantType", new Object[] {"applicantType", "ROBOT"});
    cases.put("applicantName", new Object[] {"applicantName", ""});
    cases.put("idType", new Object[] {"idType", "DRIVING_LICENCE"});
    cases.put("idNumber", new Object[] {"idNumber", "110105194912310021"});
    cases.put("phone", new Object[] {"phone", "12345"});
    cases.put("email", new Object[] {"email", "not-an-address"});
    cases.put("description", new Object[] {"description", " "});
    cases.put("purpose", new Object[] {"purpose", "很".repeat(1001)});
    cases.put("provisionForm", new Object[] {"provisionForm", "CARRIER_PIGEON"});
    cases.put("deliveryMethod", new Object[] {"deliveryMethod", "FAX"});
    cases.put("agency", new Object[] {"agency", "nowhere"});
    cases.put("channel", new Object[] {"channel", "IN_PERSON"});
    cases.put("receivedOn", new Object[] {"receivedOn", "2026-01-01"});
    cases.put("applicantName as number", new Object[] {"applicantName", 42});
    cases.put("idProof not a picture", new Object[] {"idProof",
        Map.of("fileName", "id.jpg", "content", Base64.getEncoder().encodeToString("#!/bin/sh\nrm -rf /".getBytes()))});
    cases.put("idProof too large", new Object[] {"idProof",
        Map.of("fileName", "id.pdf", "content", Base64.getEncoder().encodeToString(new byte[3 * 1024 * 1024]))});
    cases.put("idProof not base64", new Object[] {"idProof", Map.of("fileName", "id.pdf", "content", "%%%")});
    long submissions = store.count();
    long instances = engine.getRuntimeService().createProcessInstanceQuery().count();

    SoftAssertions softly = new SoftAssertions();
    for (Map.Entry<String, Object[]> c : cases.entrySet()) {
      Map<String, Object> fields = new HashMap<>(PortalHttp.application());
      fields.put((String) c.getValue()[0], c.getValue()[1]);
      HttpResponse<String> response = api.submit(fields);
      softly.assertThat(response.statusCode()).as(c.getKey()).isEqualTo(400);
      JsonNode errors = api.read(response).path("errors");
      softly.assertThat(errors.findValuesAsText("field")).as(c.getKey()).contains((String) c.getValue()[0]);
      softly.assertThat(errors.findValuesAsText("message")).as(c.getKey())
          .allMatch(m -> m.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN));
    }
    // the address is required for post, the e-mail for delivery by e-mail
    Map<String, Object> post = new HashMap<>(PortalHttp.application());
    post.put("deliveryMethod", "POST");
    post.remove("address");
    softly.assertThat(api.read(api.submit(post)).path("errors").findValuesAsText("field")).contains("address");
    for (String body : List.of("not json", "[1,2]", "")) {
      HttpResponse<String> response = api.send("POST", "/api/public/requests", body);
      softly.assertThat(response.statusCode()).as(body).isEqualTo(400);
      softly.assertThat(api.read(response).path("errors").findValuesAsText("field")).as(body).contains("body");
    }
    softly.assertAll();
    assertThat(store.count()).isEqualTo(submissions);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isEqualTo(instances);
  }

  @Test
  void refusesAMissingOrReusedChallenge() throws Exception {
    Map<String, Object> fields = new HashMap<>(PortalHttp.application());
    fields.put("challenge", null);
    HttpResponse<String> missing = api.send("POST", "/api/public/requests", fields);
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(api.read(missing).path("errors").findValuesAsText("field")).containsExactly("challenge");

    fields.put("challenge", api.solvedChallenge());
    assertThat(api.send("POST", "/api/public/requests", fields).statusCode()).isEqualTo(201);
    HttpResponse<String> replayed = api.send("POST", "/api/public/requests", fields);
    assertThat(replayed.statusCode()).isEqualTo(400);
    assertThat(api.read(replayed).path("errors").get(0).get("message").asText()).contains("已使用");
  }

  @Test
  void keepsTheIdProofWithTheSubmissionCheckedByContent() throws Exception {
    byte[] png = java.util.Base64.getDecoder().decode(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
    Map<String, Object> fields = new HashMap<>(PortalHttp.application());
    fields.put("idProof", Map.of("fileName", "身份证.png", "content", Base64.getEncoder().encodeToString(png)));

    String number = api.submitted(fields).get("submissionNumber").asText();

    Submission s = store.byNumber(number).orElseThrow();
    assertThat(store.attachment(s.id()).orElseThrow().content()).isEqualTo(png);
    assertThat(store.attachment(s.id()).orElseThrow().contentType()).isEqualTo("image/png");
    ProcessInstance pi = instanceOf(number);
    assertThat(engine.getRuntimeService().getVariables(pi.getId())).containsEntry("idProofAttached", true)
        .allSatisfy((name, value) -> assertThat(value).isNotInstanceOf(byte[].class));
    // intake opens it from the task; the public cannot
    HttpResponse<byte[]> anonymous = api.download("/api/portal/submissions/" + number + "/id-proof");
    assertThat(anonymous.statusCode()).isEqualTo(401);
    HttpResponse<byte[]> intake = api.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
            + "/api/portal/submissions/" + number + "/id-proof"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("intake:demo".getBytes())).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(intake.statusCode()).isEqualTo(200);
    assertThat(intake.body()).isEqualTo(png);
  }

  @Test
  void takesTheCorrectedRequestOnThePortalAndRestartsTheReplyClock() throws Exception {
    JsonNode created = api.submitted(PortalHttp.application());
    String number = created.get("submissionNumber").asText();
    String code = created.get("queryCode").asText();
    ProcessInstance pi = caseInstance(confirmedOn18th(number));
    process.complete(pi, "Task_ScreenRequest", "intake", Map.of("screeningDecision", "NEEDS_CORRECTION"));
    process.complete(pi, "Task_SendCorrectionNotice", "intake",
        Map.of("correctionItems", "请写明所需招标文件的项目名称或编号", "correctionNoticeDeliveredOn", "2026-09-18"));
    JsonNode waiting = api.read(api.track(number, code));
    assertThat(waiting.get("state").asText()).isEqualTo("需补正");
    assertThat(waiting.get("correctionOpen").asBoolean()).isTrue();
    assertThat(waiting.get("letters").findValuesAsText("title")).containsExactly("收件回执", "补正告知书");

    // corrected on Tuesday 2026-09-22: the reply clock restarts in full from that day (条例第三十条)
    EngineDriver.clockAt("2026-09-22T11:00");
    HttpResponse<String> corrected = api.send("POST", "/api/public/requests/" + number + "/correction?code=" + code,
        Map.of("description", "2025年度楚雄市鹿城南路维修工程（项目编号 CX-2025-017）的招标文件"));

    assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(200);
    DisclosureCase c = register.findByProcessInstance(pi.getId()).orElseThrow();
    assertThat(c.correctedOn()).isEqualTo(LocalDate.parse("2026-09-22"));
    assertThat(c.replyDueOn()).isEqualTo(engineDeadline("2026-09-22"));
    assertThat(c.description()).contains("CX-2025-017");
    // intake sees the corrected request in the screening task
    assertThat(process.task(pi, "Task_ScreenRequest")).isNotNull();
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), "description").toString()).contains("CX-2025-017");
    JsonNode after = api.read(corrected);
    assertThat(after.get("correctedOn").asText()).isEqualTo("2026-09-22");
    assertThat(after.get("correctionOpen").asBoolean()).isFalse();
    // nothing to correct any more
    assertThat(api.send("POST", "/api/public/requests/" + number + "/correction?code=" + code,
        Map.of("description", "再次补正")).statusCode()).isEqualTo(400);
  }

  /** The 20th working day after that day, as the register's calendar counts it. */
  LocalDate engineDeadline(String day) {
    return jdbc.sql("SELECT reply_due_on FROM gk_disclosure_case WHERE corrected_on = ?").param(LocalDate.parse(day))
        .query(LocalDate.class).list().get(0);
  }

  @Test
  void mailsOncePerLetterOnlyALinkAndRetriesWhenTheServerIsDown() throws Exception {
    Map<String, Object> fields = new HashMap<>(PortalHttp.application());
    fields.put("email", "li.si@mailtest.example");
    JsonNode created = api.submitted(fields);
    String number = created.get("submissionNumber").asText();
    String code = created.get("queryCode").asText();

    mail.sendPending();
    mail.sendPending();
    MimeMessage[] mails = mailsToApplicant();
    assertThat(mails).hasSize(1);
    String first = mails[0].getContent().toString();
    assertThat(mails[0].getAllRecipients()[0].toString()).isEqualTo("li.si@mailtest.example");
    assertThat(first).contains(number).contains("/portal/track.html?n=" + number)
        .doesNotContain("张三", PortalHttp.ID_NUMBER, "13812345678", "招标文件");

    ProcessInstance pi = caseInstance(confirmedOn18th(number));
    mail.scanLetters();
    mail.scanLetters();
    mail.sendPending();
    mail.sendPending();
    assertThat(mailsToApplicant()).hasSize(2);
    String receipt = mailsToApplicant()[1].getContent().toString();
    assertThat(receipt).contains("收件回执", "2026-09-18", "/portal/track.html?n=" + number)
        .doesNotContain("张三", PortalHttp.ID_NUMBER, "招标文件", code);

    // the server is down when the correction notice goes out: kept, retried, delivered once
    smtp.stop();
    process.complete(pi, "Task_ScreenRequest", "intake", Map.of("screeningDecision", "NEEDS_CORRECTION"));
    process.complete(pi, "Task_SendCorrectionNotice", "intake",
        Map.of("correctionItems", "请写明项目名称", "correctionNoticeDeliveredOn", "2026-09-18"));
    mail.scanLetters();
    mail.sendPending();
    assertThat(jdbc.sql("SELECT attempts FROM gk_portal_mail WHERE sent_at IS NULL AND submission_id = ?")
        .param(store.byNumber(number).orElseThrow().id()).query(Integer.class).single()).isEqualTo(1);
    smtp.start();
    mail.sendPending();
    assertThat(correctionNoticeMails()).isZero();
    ClockUtil.setCurrentTime(new java.util.Date(ClockUtil.getCurrentTime().getTime() + 10 * 60_000));
    mail.scanLetters();
    mail.sendPending();
    mail.sendPending();
    assertThat(correctionNoticeMails()).isEqualTo(1);
    // a sent mail's body (which may hold the 查询码) is not kept
    assertThat(jdbc.sql("SELECT COUNT(*) FROM gk_portal_mail WHERE sent_at IS NOT NULL AND body <> ''")
        .query(Long.class).single()).isZero();
  }

  long correctionNoticeMails() throws Exception {
    long n = 0;
    for (MimeMessage m : mailsToApplicant()) {
      if (m.getSubject().contains("补正告知书")) {
        n++;
      }
    }
    return n;
  }

  /** This test's applicant's mail (other tests' applicants get theirs too). */
  MimeMessage[] mailsToApplicant() {
    return smtp.getReceivedMessagesForDomain("li.si@mailtest.example");
  }
}

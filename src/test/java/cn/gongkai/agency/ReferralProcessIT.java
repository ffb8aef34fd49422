package cn.gongkai.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.gongkai.request.CaseRegister;
import cn.gongkai.request.DisclosureCase;
import cn.gongkai.request.Outcome;
import cn.gongkai.testing.EngineDriver;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Referral (转办): the prefecture office answers 非本机关 naming 楚雄州政务服务管理局 (条例第三十六条第五项); the office transfers
 * such requests (demo setting), so zwfw's intake gets a task to confirm receipt, and the day it confirms becomes the
 * new case's date of receipt. Both case pages show the link.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ReferralProcessIT {

  @Autowired ProcessEngine engine;
  @Autowired CaseRegister register;
  @LocalServerPort int port;

  EngineDriver process;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    process = new EngineDriver(engine);
    EngineDriver.clockAt("2026-09-18T10:00");
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  ProcessInstance notThisAgencyReplyDelivered(String competentAgency) {
    ProcessInstance pi = process.startAs("intake", "disclosure-request", AgencyHttp.request("2026-09-18"));
    process.complete(pi, "Task_ScreenRequest", "intake", Map.of("screeningDecision", "ACCEPT"));
    Map<String, Object> vars = new HashMap<>();
    vars.put("nextAction", "DECIDE");
    vars.put("outcome", "NOT_THIS_AGENCY");
    vars.put("decisionReason", "经检索，该信息由楚雄州政务服务管理局制作并保存");
    vars.put("decisionArticles", "《中华人民共和国政府信息公开条例》第三十六条第五项");
    vars.put("competentAgency", competentAgency);
    process.complete(pi, "Task_HandleRequest", "handler", vars);
    EngineDriver.clockAt("2026-09-21T10:00");
    process.complete(pi, "Task_SignOffReply", "leader", Map.of("signOffResult", "APPROVED", "signedOn", "2026-09-21"));
    EngineDriver.clockAt("2026-09-22T09:00");
    process.complete(pi, "Task_DeliverReply", "intake", Map.of("replyDeliveryMethod", "EMAIL",
        "repliedOn", "2026-09-22"));
    return pi;
  }

  @Test
  void transfersTheRequestToTheCompetentAgencyWhichConfirmsReceipt() {
    // given the prefecture office's 非本机关 reply naming an agency on the platform, delivered on 2026-09-22
    ProcessInstance old = notThisAgencyReplyDelivered("楚雄州政务服务管理局，电话0878-3123456");
    DisclosureCase from = register.findByNumber(old.getBusinessKey()).orElseThrow();
    assertThat(from.outcome()).isEqualTo(Outcome.NOT_THIS_AGENCY);

    // then zwfw's intake (and no one at the prefecture office) has a task to confirm the referral
    ProcessInstance referral = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey("request-referral").processInstanceBusinessKey(from.caseNumber()).singleResult();
    assertThat(referral).isNotNull();
    assertThat(referral.getTenantId()).isEqualTo("zwfw");
    assertThat(referral).isWaitingAt("Task_ConfirmReferral");
    Task confirm = process.task(referral, "Task_ConfirmReferral");
    assertThat(confirm).hasCandidateGroup("intake");
    assertThat(process.as("intake-zwfw", () -> engine.getTaskService().createTaskQuery()
        .processInstanceId(referral.getId()).count())).isEqualTo(1);
    assertThat(process.as("intake", () -> engine.getTaskService().createTaskQuery()
        .processInstanceId(referral.getId()).count())).as("the referring office's intake").isZero();

    // a day of receipt after today or before the request reached the first agency is refused
    EngineDriver.clockAt("2026-09-24T10:00");
    assertThatThrownBy(() -> process.complete(referral, "Task_ConfirmReferral", "intake-zwfw",
        Map.of("referralReceivedOn", "2026-09-25"))).hasMessageContaining("不能晚于今天");

    // when zwfw's intake confirms on 2026-09-24 that the referral arrived on 2026-09-23
    process.complete(referral, "Task_ConfirmReferral", "intake-zwfw", Map.of("referralReceivedOn", "2026-09-23"));

    // then a new zwfw case exists, received on the confirmed day, its clock running from there, linked to the old
    assertThat(referral).isEnded().hasPassed("Task_RegisterReferral", "EndEvent_ReferralRegistered");
    CaseRegister.Referral link = register.referralFrom(from.id()).orElseThrow();
    DisclosureCase to = register.get(link.toCaseId());
    assertThat(to.agencyCode()).isEqualTo("zwfw");
    assertThat(to.caseNumber()).startsWith("楚州政务局〔2026〕第");
    assertThat(to.receivedOn()).isEqualTo(EngineDriver.date("2026-09-23"));
    assertThat(to.applicantName()).isEqualTo(from.applicantName());
    assertThat(to.description()).isEqualTo(from.description());
    assertThat(link.confirmedOn()).isEqualTo(EngineDriver.date("2026-09-23"));
    assertThat(link.confirmedBy()).isEqualTo("intake-zwfw");
    assertThat(register.referralTo(to.id()).orElseThrow().fromCaseId()).isEqualTo(from.id());
    ProcessInstance newCase = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(to.caseNumber()).singleResult();
    assertThat(newCase.getTenantId()).isEqualTo("zwfw");
    assertThat(newCase).isWaitingAt("Task_ScreenRequest");

    // and both case pages show the link
    AgencyHttp http = new AgencyHttp(port);
    String oldPage = http.get("/cases/" + AgencyHttp.encode(from.caseNumber()), "handler").body();
    assertThat(oldPage).contains("转办").contains(to.caseNumber());
    String newPage = http.get("/cases/" + AgencyHttp.encode(to.caseNumber()), "handler-zwfw").body();
    assertThat(newPage).contains("由其他机关转来").contains(from.caseNumber()).contains("2026-09-23");
  }

  @Test
  void aCompetentAgencyOutsideThePlatformGetsOnlyTheLetter() {
    ProcessInstance old = notThisAgencyReplyDelivered("楚雄市住房和城乡建设局，电话0878-0000000");
    DisclosureCase from = register.findByNumber(old.getBusinessKey()).orElseThrow();
    assertThat(register.referralFrom(from.id())).isEmpty();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("request-referral")
        .processInstanceBusinessKey(from.caseNumber()).count()).isZero();
  }
}

package cn.gongkai.request;

import static cn.gongkai.request.ProcessTestSupport.beijing;
import static cn.gongkai.request.ProcessTestSupport.clockAt;
import static cn.gongkai.request.ProcessTestSupport.date;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.calendar.WorkingDayCalendar;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The reply clock against the real calendar, a real SMTP server and a calendar loaded at run time. */
// its own context: loading 2027 must not change what other test classes see
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "gongkai.test.context=clock")
@ActiveProfiles("test")
class ReplyClockIT {

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(3025, null, ServerSetup.PROTOCOL_SMTP))
      .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

  @Autowired ProcessEngine engine;
  @Autowired CaseRegister register;
  @Autowired WorkingDayCalendar calendar;

  ProcessTestSupport process;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    process = new ProcessTestSupport(engine);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void mailsTheHandlersOfTheOpenTaskBeforeTheDeadline() throws Exception {
    // given a case waiting for the handling department, due 2026-10-22
    clockAt("2026-09-18T10:00");
    ProcessInstance pi = process.startAsIntake(CaseFixtures.request("2026-09-18"));
    process.complete(pi, "Task_ScreenRequest", "intake", Map.of("screeningDecision", "ACCEPT"));

    // when the reminder timer comes due (3 working days before)
    process.fireTimer(pi, "BoundaryEvent_ReplyDeadlineNear");

    // then the handlers get a Chinese reminder naming the case and the deadline (sent after commit, by the
    // outbox's own thread)
    assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
    MimeMessage[] mails = smtp.getReceivedMessages();
    assertThat(mails).hasSize(1);
    assertThat(Arrays.stream(mails[0].getAllRecipients()).map(Object::toString))
        .containsExactly("handler@gongkai.local");
    assertThat(mails[0].getSubject()).isEqualTo("【即将到期】" + pi.getBusinessKey() + " 政府信息公开申请答复期限为 2026-10-22");
    assertThat(GreenMailUtil.getBody(mails[0])).isNotBlank();
    assertThat(mails[0].getContentType()).containsIgnoringCase("text/plain").containsIgnoringCase("charset=UTF-8");
    assertThat(((String) mails[0].getContent())).contains("答复期限为 2026-10-22");
    assertThat(register.events(register.findByNumber(pi.getBusinessKey()).orElseThrow().id()))
        .filteredOn(e -> e.stepKey().equals("Task_RemindHandlers"))
        .singleElement()
        .satisfies(e -> assertThat(e.comment()).contains("收件人 1 人"));
    // and the engine's history shows the timer fired, without a job log row for a job that went well
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
        .activityId("BoundaryEvent_ReplyDeadlineNear").finished().count()).isEqualTo(1);
    assertThat(engine.getHistoryService().createHistoricJobLogQuery().processInstanceId(pi.getId()).count()).isZero();
  }

  @Test
  void movesAnOpenCasesDeadlineAndTimerWhenTheNextYearsHolidaysAreLoaded() {
    // given a request received 2026-12-15 whose 20 working days reach into 2027, not yet published
    assertThat(calendar.isKnownYear(2027)).as("precondition: 2027 unknown").isFalse();
    clockAt("2026-12-15T10:00");
    ProcessInstance pi = process.startAsIntake(CaseFixtures.request("2026-12-15"));
    DisclosureCase before = register.findByNumber(pi.getBusinessKey()).orElseThrow();
    // counted on weekends only: 2027-01-01 (Fri) taken as a working day
    assertThat(before.replyDueOn()).isEqualTo(date("2027-01-12"));
    assertThat(before.replyDueProvisional()).isTrue();

    // when an administrator loads 2027 with New Year's Day off
    calendar.load(2027, """
        {"year": 2027, "papers": ["https://www.gov.cn/zhengce/content/2027-notice.htm"],
         "days": [{"name": "元旦", "date": "2027-01-01", "isOffDay": true}]}""", "admin");

    // then the deadline, its timer and the open task move by one day and are no longer provisional
    DisclosureCase after = register.findByNumber(pi.getBusinessKey()).orElseThrow();
    assertThat(after.replyDueOn()).isEqualTo(date("2027-01-13"));
    assertThat(after.replyDueProvisional()).isFalse();
    assertThat(process.timer(pi, "BoundaryEvent_ReplyDeadlinePassed").getDuedate())
        .isEqualTo(beijing("2027-01-14T00:00"));
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), "replyDueOn")).isEqualTo("2027-01-13");
    assertThat(register.deadlineChanges(after.id())).last().satisfies(change -> {
      assertThat(change.oldDueOn()).isEqualTo(date("2027-01-12"));
      assertThat(change.newDueOn()).isEqualTo(date("2027-01-13"));
      assertThat(change.changedBy()).isEqualTo("admin");
      assertThat(change.reason()).isEqualTo("2027年节假日安排更新");
    });
  }
}

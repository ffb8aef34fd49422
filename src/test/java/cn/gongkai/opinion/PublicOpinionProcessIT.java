package cn.gongkai.opinion;

import static cn.gongkai.testing.EngineDriver.beijing;
import static cn.gongkai.testing.EngineDriver.clockAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.gongkai.supervision.SupervisionOverview;
import cn.gongkai.supervision.SupervisionState;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.BadUserRequestException;
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
import org.springframework.test.context.ActiveProfiles;

/**
 * public-opinion (政务舆情回应, domain §8), one test per path. The clocks count clock hours from the moment the
 * event was first seen, day and night, weekends and holidays included: the tests cross midnight into the 2026
 * National Day holiday and a weekend, and move the engine clock to run the timers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PublicOpinionProcessIT {

  @Autowired ProcessEngine engine;
  @Autowired OpinionRegister register;
  @Autowired SupervisionOverview overview;

  OpinionProcessSupport process;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    process = new OpinionProcessSupport(engine);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  OpinionEvent row(ProcessInstance pi) {
    return register.findByNumber(pi.getBusinessKey()).orElseThrow();
  }

  static OffsetDateTime at(String beijing) {
    return OffsetDateTime.ofInstant(beijing(beijing).toInstant(), OpinionClock.BEIJING);
  }

  Set<String> candidateGroups(Task task) {
    return Set.copyOf(engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .map(l -> l.getGroupId()).filter(g -> g != null).toList());
  }

  @Test
  void majorEventAnsweredWithinTheTargetClosesWithoutAccountability() {
    // given an event first seen on Monday 2026-11-16 at 09:00, registered by the office at 09:20
    clockAt("2026-11-16T09:20");
    ProcessInstance pi = process.register("2026-11-16T09:00");

    // then it is numbered, the moment it was seen is kept apart from when it was registered
    assertThat(pi.getBusinessKey()).matches("舆情〔2026〕第\\d+号");
    assertThat(pi).isWaitingAt("Task_AssessOpinionEvent");
    assertThat(candidateGroups(process.task(pi, "Task_AssessOpinionEvent"))).containsExactly("office");
    assertThat(row(pi).firstSeenAt()).isEqualTo(at("2026-11-16T09:00"));
    assertThat(row(pi).registeredAt()).isEqualTo(at("2026-11-16T09:20"));
    assertThat(row(pi).registeredBy()).isEqualTo("office");

    // when the office assesses it as a major emergency
    process.assess(pi, "MAJOR");

    // then the responsible unit publishes authoritative information by 14:00 (5 h) and holds a press conference
    // by 09:00 the next day (24 h), in parallel
    assertThat(pi).isWaitingAt("Task_PublishAuthoritativeInformation", "Task_HoldPressConference");
    Task publish = process.task(pi, "Task_PublishAuthoritativeInformation");
    assertThat(candidateGroups(publish)).containsExactly("handler");
    assertThat(publish.getDueDate()).isEqualTo(beijing("2026-11-16T14:00"));
    assertThat(process.task(pi, "Task_HoldPressConference").getDueDate()).isEqualTo(beijing("2026-11-17T09:00"));
    assertThat(process.timer(pi, "BoundaryEvent_ResponseDeadlinePassed").getDuedate())
        .isEqualTo(beijing("2026-11-16T14:00"));
    assertThat(process.timer(pi, "BoundaryEvent_ResponseReminder").getDuedate())
        .isEqualTo(beijing("2026-11-16T12:00"));
    assertThat(row(pi).responseTargetAt()).isEqualTo(at("2026-11-16T12:00"));

    // when it publishes at 11:30 and holds the press conference the next morning at 08:00
    clockAt("2026-11-16T11:40");
    process.respond(pi, "Task_PublishAuthoritativeInformation", "2026-11-16T11:30");
    clockAt("2026-11-17T08:30");
    process.holdPressConference(pi, "2026-11-17T08:00");

    // then no alarm is left for those clocks, and it releases further information until the work is concluded
    assertThat(process.timer(pi, "BoundaryEvent_ResponseDeadlinePassed")).isNull();
    assertThat(process.timer(pi, "BoundaryEvent_PressConferenceDeadlinePassed")).isNull();
    assertThat(pi).isWaitingAt("Task_ReleaseFurtherInformation");
    clockAt("2026-11-17T16:00");
    process.release(pi, "2026-11-17T15:00");
    assertThat(pi).isWaitingAt("Task_ReleaseFurtherInformation");
    process.conclude(pi);

    // and the office evaluates the effect, with the response time computed from the facts
    assertThat(pi).isWaitingAt("Task_EvaluateResponseEffect");
    assertThat(pi).variables().containsEntry("responseTimeText", "2:30").containsEntry("responseLate", false);
    process.evaluate(pi, "GOOD", "ADEQUATE");

    // then the case is closed without accountability
    assertThat(pi).isEnded().hasPassed("EndEvent_OpinionEventClosed").hasNotPassed("Task_RecordAccountability");
    OpinionEvent e = row(pi);
    assertThat(e.status()).isEqualTo("CLOSED");
    assertThat(e.responseTime()).isEqualTo("2:30");
    assertThat(e.responseTargetMet()).isTrue();
    assertThat(e.late(OpinionClock.now())).isFalse();
    assertThat(e.releaseCount()).isEqualTo(1);
    assertThat(e.firstResponseRecordedAt()).isEqualTo(at("2026-11-16T11:40"));
  }

  @Test
  void fiveHourLimitRunsAcrossMidnightIntoTheNationalDayHolidayAndGoesToSupervision() {
    // given a major event first seen on 2026-09-30 at 22:00, the eve of the National Day holiday
    clockAt("2026-09-30T22:10");
    ProcessInstance pi = process.register("2026-09-30T22:00");
    clockAt("2026-09-30T22:20");
    process.assess(pi, "MAJOR");

    // then the authoritative information is due at 03:00 on 1 October: clock hours, holiday or not
    assertThat(process.task(pi, "Task_PublishAuthoritativeInformation").getDueDate())
        .isEqualTo(beijing("2026-10-01T03:00"));
    assertThat(process.timer(pi, "BoundaryEvent_ResponseDeadlinePassed").getDuedate())
        .isEqualTo(beijing("2026-10-01T03:00"));
    assertThat(process.timer(pi, "BoundaryEvent_PressConferenceDeadlinePassed").getDuedate())
        .isEqualTo(beijing("2026-10-01T22:00"));

    // when the reminder rings at 01:00 (2 hours before the limit, as the 3-hour target passes)
    process.fireTimer(pi, "BoundaryEvent_ResponseReminder");

    // then the handler's task comes first in Tasklist and the reminder is on file; nothing is overdue yet
    assertThat(process.task(pi, "Task_PublishAuthoritativeInformation").getPriority()).isEqualTo(80);
    assertThat(row(pi).reminderCount()).isEqualTo(1);
    assertThat(process.task(pi, "Task_SuperviseLateOpinionResponse")).isNull();
    clockAt("2026-10-01T02:59");
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).executable().count())
        .isZero();

    // when 03:00 passes with nothing published
    process.fireTimer(pi, "BoundaryEvent_ResponseDeadlinePassed");

    // then a supervisor gets a 督办 task naming what is overdue; the handler can still publish
    Task supervise = process.task(pi, "Task_SuperviseLateOpinionResponse");
    assertThat(candidateGroups(supervise)).containsExactly("supervisor");
    assertThat(pi).variables().containsEntry("overdue", true);
    assertThat((String) engine.getRuntimeService().getVariable(pi.getId(), "overdueWhat"))
        .contains("发布权威信息").contains("2026-10-01 03:00");
    assertThat(pi).isWaitingAt("Task_PublishAuthoritativeInformation", "Task_HoldPressConference",
        "Task_SuperviseLateOpinionResponse");
    // and the supervisors' overview counts it overdue (Cockpit's 督办 panel)
    var overdue = overview.overview(new SupervisionOverview.Query(OpinionVariables.PROCESS_KEY,
        Set.of(SupervisionState.OVERDUE), 1, 500)).cases().get(SupervisionState.OVERDUE).items();
    assertThat(overdue).anyMatch(c -> c.caseNumber().equals(pi.getBusinessKey()));

    // when the supervisor presses, the unit publishes at 03:25 (recorded at 03:40) and the conference is held
    process.complete(pi, "Task_SuperviseLateOpinionResponse", "supervisor",
        Map.of("supervisionComment", "请立即发布权威信息并说明延误原因。"));
    clockAt("2026-10-01T03:40");
    process.respond(pi, "Task_PublishAuthoritativeInformation", "2026-10-01T03:25");
    clockAt("2026-10-01T15:30");
    process.holdPressConference(pi, "2026-10-01T15:00");
    process.conclude(pi);

    // then the evaluation sees a late response (5 h 25 min against 5 h) whatever the evaluator thinks of it
    assertThat(pi).variables().containsEntry("responseTimeText", "5:25").containsEntry("responseLate", true);
    process.evaluate(pi, "FAIR", "ADEQUATE");

    // and the late response is answered with an accountability record
    assertThat(pi).isWaitingAt("Task_RecordAccountability");
    assertThat(candidateGroups(process.task(pi, "Task_RecordAccountability"))).containsExactly("supervisor");
    clockAt("2026-10-08T10:00");
    process.complete(pi, "Task_RecordAccountability", "supervisor", Map.of("accountabilityMeasure", "CRITICISM",
        "accountableUnit", "州住房城乡建设局", "accountabilityReason", "权威信息发布超过5小时时限。",
        "accountabilityOn", "2026-10-08"));
    assertThat(pi).isEnded();
    OpinionEvent e = row(pi);
    assertThat(e.accountabilityMeasure()).isEqualTo("CRITICISM");
    assertThat(e.responseLate(OpinionClock.now())).isTrue();
    assertThat(e.pressConferenceLate(OpinionClock.now())).isFalse();
    assertThat(e.supervised()).isTrue();
  }

  @Test
  void generalEventAnsweredWithin48ClockHoursOverTheWeekend() {
    // given an ordinary event first seen on Friday 2026-11-20 at 10:00
    clockAt("2026-11-20T10:30");
    ProcessInstance pi = process.register("2026-11-20T10:00");
    process.assess(pi, "GENERAL");

    // then the response is due on Sunday at 10:00: 48 clock hours, the weekend is not skipped
    assertThat(pi).isWaitingAt("Task_RespondToOpinion");
    assertThat(process.task(pi, "Task_RespondToOpinion").getDueDate()).isEqualTo(beijing("2026-11-22T10:00"));
    assertThat(process.timer(pi, "BoundaryEvent_GeneralResponseDeadlinePassed").getDuedate())
        .isEqualTo(beijing("2026-11-22T10:00"));
    assertThat(process.timer(pi, "BoundaryEvent_GeneralResponseReminder").getDuedate())
        .isEqualTo(beijing("2026-11-21T22:00"));
    assertThat(row(pi).pressConferenceDueAt()).isNull();

    // when the unit answers on Sunday at 09:30
    clockAt("2026-11-22T09:35");
    process.respond(pi, "Task_RespondToOpinion", "2026-11-22T09:30");
    process.evaluate(pi, "GOOD", "ADEQUATE");

    // then it was on time (47 h 30 min) and the case closes without 督办 or accountability
    assertThat(pi).isEnded().hasNotPassed("Task_SuperviseLateOpinionResponse", "Task_RecordAccountability");
    assertThat(row(pi).responseTime()).isEqualTo("47:30");
    assertThat(row(pi).late(OpinionClock.now())).isFalse();
  }

  @Test
  void generalEventUnansweredAfter48ClockHoursGoesToSupervisionOnSunday() {
    // given an ordinary event first seen on Friday 2026-11-20 at 10:00
    clockAt("2026-11-20T10:05");
    ProcessInstance pi = process.register("2026-11-20T10:00");
    process.assess(pi, "GENERAL");

    // when Sunday 09:59 comes, nothing is due yet; at 10:00 the limit passes unanswered
    clockAt("2026-11-22T09:59");
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).executable()
        .timers().list()).allMatch(j -> j.getDuedate().before(beijing("2026-11-22T09:59")))
        .hasSize(1); // only the reminder (Saturday 22:00) is due
    process.fireTimer(pi, "BoundaryEvent_GeneralResponseReminder");
    process.fireTimer(pi, "BoundaryEvent_GeneralResponseDeadlinePassed");
    assertThat(ClockUtil.getCurrentTime()).isEqualTo(beijing("2026-11-22T10:00"));

    // then it goes to the supervisors, the handler can still answer
    assertThat(pi).isWaitingAt("Task_RespondToOpinion", "Task_SuperviseLateOpinionResponse");
    assertThat((String) engine.getRuntimeService().getVariable(pi.getId(), "overdueWhat")).contains("回应");
  }

  @Test
  void inadequateResponseOnTimeIsAnsweredWithAnInterview() {
    // given an ordinary event answered in 3 hours
    clockAt("2026-11-16T10:00");
    ProcessInstance pi = process.register("2026-11-16T09:00");
    process.assess(pi, "GENERAL");
    clockAt("2026-11-16T12:10");
    process.respond(pi, "Task_RespondToOpinion", "2026-11-16T12:00");

    // when the evaluation finds the response inadequate
    process.evaluate(pi, "POOR", "INADEQUATE");

    // then an accountability record is due although the response was on time: 约谈整改
    assertThat(pi).isWaitingAt("Task_RecordAccountability");
    assertThat(pi).variables().containsEntry("responseLate", false).containsEntry("accountabilityRequired", true);
    process.complete(pi, "Task_RecordAccountability", "supervisor", Map.of("accountabilityMeasure", "INTERVIEW",
        "accountableUnit", "州住房城乡建设局", "accountabilityReason", "回应避重就轻，引发二次舆情。",
        "accountabilityOn", "2026-11-16"));
    assertThat(pi).isEnded();
    assertThat(row(pi).accountabilityMeasure()).isEqualTo("INTERVIEW");
    assertThat(row(pi).responseAdequate()).isFalse();
  }

  @Test
  void aResponseRecordedAfterTheLimitCountsFromWhenItHappened() {
    // given a major event first seen at 08:00 (limit 13:00); the unit published at 12:50
    clockAt("2026-11-16T08:10");
    ProcessInstance pi = process.register("2026-11-16T08:00");
    process.assess(pi, "MAJOR");

    // when it records that publication only at 13:30, before any timer job has run
    clockAt("2026-11-16T13:30");
    process.respond(pi, "Task_PublishAuthoritativeInformation", "2026-11-16T12:50");

    // then the response was on time (4:50): lateness follows the fact's moment, not the recording time
    OpinionEvent e = row(pi);
    assertThat(e.responseTime()).isEqualTo("4:50");
    assertThat(e.responseLate(OpinionClock.now())).isFalse();
    assertThat(e.responseTargetMet()).isFalse();
    assertThat(e.firstResponseRecordedAt()).isEqualTo(at("2026-11-16T13:30"));
    assertThat(process.timer(pi, "BoundaryEvent_ResponseDeadlinePassed")).isNull();
  }

  @Test
  void refusesMomentsInTheFutureOrBeforeTheEvent() {
    clockAt("2026-11-16T09:00");
    // a first sighting in the future is refused in Chinese, nothing is registered
    assertThatThrownBy(() -> process.register("2026-11-16T09:30"))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("首次发现时间不能晚于现在");
    assertThatThrownBy(() -> process.startAs("office", OpinionVariables.PROCESS_KEY,
        new java.util.HashMap<>(Map.of("source", "微博", "summary", "摘要", "firstSeenOn", "2026-11-16",
            "firstSeenTime", "25:00"))))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("时:分");

    // a response before the event was seen is refused and the task stays open
    ProcessInstance pi = process.register("2026-11-16T08:00");
    process.assess(pi, "GENERAL");
    assertThatThrownBy(() -> process.respond(pi, "Task_RespondToOpinion", "2026-11-16T07:59"))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("不能早于首次发现时间");
    assertThat(pi).isWaitingAt("Task_RespondToOpinion");
    assertThat(row(pi).firstResponseAt()).isNull();

    // the level must be one of the two
    ProcessInstance other = process.register("2026-11-16T08:30");
    assertThatThrownBy(() -> process.complete(other, "Task_AssessOpinionEvent", "office",
        Map.of("eventLevel", "SMALL", "responsibleUnit", "州住房城乡建设局")))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("舆情级别");
  }
}

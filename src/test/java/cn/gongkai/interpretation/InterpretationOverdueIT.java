package cn.gongkai.interpretation;

import static cn.gongkai.testing.EngineDriver.beijing;
import static cn.gongkai.testing.EngineDriver.clockAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.util.List;
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

/** 三同步's 逾期 comes from the publication dates, not from the deadline timer having fired. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class InterpretationOverdueIT {

  @Autowired ProcessEngine engine;
  @Autowired PolicyRegister register;

  PolicyProcessSupport process;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    process = new PolicyProcessSupport(engine);
    // Monday 2026-11-16: no holiday this week
    clockAt("2026-11-16T09:00");
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  PolicyCase row(ProcessInstance pi) {
    return register.findByNumber(pi.getBusinessKey()).orElseThrow();
  }

  @Test
  void anInterpretationPublishedOnItsLastDayButRecordedTheNextMorningIsNotLate() {
    // given a policy published on Monday 2026-11-16: its interpretation is due Thursday 2026-11-19
    ProcessInstance pi = process.submitAsDrafter(PolicyFixtures.submission());
    process.accept(pi);
    process.reviewAndApprove(pi);
    process.publishPolicy(pi, "2026-11-16");
    assertThat(pi).variables().containsEntry("interpretationDueOn", "2026-11-19");
    // and the deadline timer firing at 00:00 on 2026-11-20: a supervisor gets a 督办 task
    process.fireTimer(pi, "BoundaryEvent_InterpretationDeadlinePassed");
    assertThat(ClockUtil.getCurrentTime()).isEqualTo(beijing("2026-11-20T00:00"));
    assertThat(pi).isWaitingAt("Task_PublishInterpretation", "Task_SuperviseLateInterpretation");
    assertThat(row(pi).overdue()).isTrue();

    // when the office records the next morning that the interpretation went online on 2026-11-19
    clockAt("2026-11-20T09:30");
    process.publishInterpretation(pi, "2026-11-19");

    // then the case is archived as published in time, not overdue, with the reason on record
    assertThat(pi).isEnded();
    PolicyCase c = row(pi);
    assertThat(c.interpretationPublishedOn()).isEqualTo(LocalDate.parse("2026-11-19"));
    assertThat(c.overdue()).isFalse();
    assertThat(c.overdueSince()).isNull();
    List<PolicyEvent> events = register.events(c.id());
    assertThat(events).anySatisfy(e -> {
      assertThat(e.decision()).isEqualTo("OVERDUE_CLEARED");
      assertThat(e.comment()).contains("解读已按期发布（发布日期2026-11-19");
    });
    assertThat(events).anySatisfy(e -> assertThat(e.decision()).isEqualTo("已同步发布"));
  }
}

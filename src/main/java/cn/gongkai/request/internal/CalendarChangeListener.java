package cn.gongkai.request.internal;

import cn.gongkai.calendar.CalendarYearLoaded;
import cn.gongkai.calendar.WorkingDayCalendar;
import cn.gongkai.request.ClockSettings;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When a year's holidays are loaded, every open case's deadlines are computed again: the reply
 * deadline (register, variables, tasks, timers; each move recorded with who and why) and the other
 * running clocks (correction period, consultation answer, fee window) on their timer jobs.
 */
@Component
class CalendarChangeListener {

  private static final Logger log = LoggerFactory.getLogger(CalendarChangeListener.class);

  /** Timer activity → (variable holding the date its clock started, setting for its length). */
  private static final Map<String, String> OTHER_CLOCKS = Map.of(
      "BoundaryEvent_CorrectionPeriodExpired", "correctionNoticeDeliveredOn",
      "BoundaryEvent_ThirdPartySilent", "consultationSentOn",
      "BoundaryEvent_AgencySilent", "consultationSentOn",
      "BoundaryEvent_FeePeriodExpired", "feeNoticeDeliveredOn");

  private final ReplyClock clock;
  private final WorkingDayCalendar calendar;
  private final ClockSettings settings;
  private final JdbcClient jdbc;
  private final ManagementService managementService;
  private final RuntimeService runtimeService;

  CalendarChangeListener(ReplyClock clock, WorkingDayCalendar calendar, ClockSettings settings, JdbcClient jdbc,
      ManagementService managementService, RuntimeService runtimeService) {
    this.clock = clock;
    this.calendar = calendar;
    this.settings = settings;
    this.jdbc = jdbc;
    this.managementService = managementService;
    this.runtimeService = runtimeService;
  }

  @EventListener
  public void onYearLoaded(CalendarYearLoaded event) {
    List<Long> open = jdbc.sql("SELECT id FROM gk_disclosure_case WHERE status = 'OPEN' AND clock_started_on IS NOT NULL")
        .query(Long.class).list();
    String reason = event.year() + "年节假日安排更新";
    for (long caseId : open) {
      clock.recompute(caseId, reason, event.loadedBy());
    }
    List<String> instances = jdbc.sql("SELECT process_instance_id FROM gk_disclosure_case WHERE status = 'OPEN'"
            + " AND process_instance_id IS NOT NULL").query(String.class).list();
    for (String instance : instances) {
      rescheduleOtherClocks(instance);
    }
    log.info("Calendar {} loaded by {}: deadlines of {} open cases recomputed", event.year(), event.loadedBy(),
        open.size());
  }

  private void rescheduleOtherClocks(String processInstanceId) {
    for (Job job : managementService.createJobQuery().processInstanceId(processInstanceId).timers().list()) {
      String activity = managementService.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId())
          .singleResult().getActivityId();
      String startVariable = OTHER_CLOCKS.get(activity);
      if (startVariable == null) {
        continue;
      }
      Object start = runtimeService.getVariable(processInstanceId, startVariable);
      if (start == null) {
        continue;
      }
      int days = switch (activity) {
        case "BoundaryEvent_CorrectionPeriodExpired" -> settings.correctionPeriodWorkingDays();
        case "BoundaryEvent_FeePeriodExpired" -> settings.feePaymentWorkingDays();
        default -> settings.consultationWorkingDays();
      };
      Date due = Date.from(calendar.endOf(calendar.deadline(LocalDate.parse(start.toString()), days).due()));
      if (!due.equals(job.getDuedate())) {
        managementService.setJobDuedate(job.getId(), due);
      }
    }
  }
}

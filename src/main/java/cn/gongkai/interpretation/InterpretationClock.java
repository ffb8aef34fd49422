package cn.gongkai.interpretation;

import cn.gongkai.calendar.CalendarYearLoaded;
import cn.gongkai.calendar.Deadline;
import cn.gongkai.calendar.WorkingDayCalendar;
import cn.gongkai.workflow.EngineTime;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The 三同步 publication clock (domain §7): the interpretation is due N working days (setting, default 3)
 * after the policy's publication, counted on the statutory calendar, ending at 24:00 Beijing time.
 */
@Component
public class InterpretationClock {

  static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
  /** The timer that marks a late interpretation overdue. */
  public static final String OVERDUE_TIMER = "BoundaryEvent_InterpretationDeadlinePassed";
  /** The task that waits for the interpretation's publication; its due date is the deadline's last minute. */
  public static final String PUBLISH_TASK = "Task_PublishInterpretation";

  private final WorkingDayCalendar calendar;
  private final InterpretationSettings settings;
  private final PolicyRegister register;
  private final RuntimeService runtimeService;
  private final ManagementService managementService;
  private final TaskService taskService;

  InterpretationClock(WorkingDayCalendar calendar, InterpretationSettings settings, PolicyRegister register,
      RuntimeService runtimeService, ManagementService managementService, TaskService taskService) {
    this.calendar = calendar;
    this.settings = settings;
    this.register = register;
    this.runtimeService = runtimeService;
    this.managementService = managementService;
    this.taskService = taskService;
  }

  /** Today's date in Beijing by the engine's clock (which tests move). */
  public static LocalDate today() {
    return EngineTime.today();
  }

  public static OffsetDateTime now() {
    return EngineTime.now();
  }

  /** The configured limit: working days between the policy's and the interpretation's publication. */
  public int limit() {
    return settings.publishWithinWorkingDays();
  }

  /** The last day to publish the interpretation of a policy published on that day, with that limit. */
  public Deadline interpretationDeadline(LocalDate policyPublishedOn, int limit) {
    return calendar.deadline(policyPublishedOn, limit);
  }

  /** Working days after the policy's publication up to and including the interpretation's. */
  public int workingDaysBetween(LocalDate policyPublishedOn, LocalDate interpretationPublishedOn) {
    return calendar.workingDaysBetween(policyPublishedOn, interpretationPublishedOn);
  }

  /** The instant a working-day deadline ends: 24:00 of that day in Beijing. */
  public Date endOf(LocalDate due) {
    return Date.from(calendar.endOf(due));
  }

  /** What Tasklist shows as a task's due date: the last minute of the deadline day, Beijing time. */
  public Date taskDue(LocalDate due) {
    return Date.from(calendar.endOf(due).minusSeconds(60));
  }

  /**
   * Computes every open interpretation deadline again (after a calendar year was loaded): the register,
   * the process variables, the overdue timer and the publication task move with it. Returns how many moved.
   */
  @EventListener
  void onCalendarYearLoaded(CalendarYearLoaded event) {
    recomputeOpenDeadlines(event.year() + "年节假日安排更新");
  }

  public int recomputeOpenDeadlines(String reason) {
    int moved = 0;
    for (PolicyCase c : register.open()) {
      if (c.policyPublishedOn() == null || c.interpretationPublishedOn() != null || c.processInstanceId() == null) {
        continue;
      }
      Deadline deadline = interpretationDeadline(c.policyPublishedOn(), c.publishWithinWorkingDays());
      boolean unchanged = deadline.due().equals(c.interpretationDueOn())
          && deadline.provisional() == c.interpretationDueProvisional();
      if (unchanged) {
        continue;
      }
      register.moveInterpretationDue(c.id(), deadline.due(), deadline.provisional());
      register.recordEvent(c.id(), new PolicyEvent("InterpretationDeadlineRecomputed", "解读发布期限重新计算", null, now(),
          c.interpretationDueOn() + " → " + deadline.due(), reason));
      String instance = c.processInstanceId();
      runtimeService.setVariable(instance, PolicyVariables.INTERPRETATION_DUE_ON, deadline.due().toString());
      runtimeService.setVariable(instance, PolicyVariables.INTERPRETATION_DUE_PROVISIONAL, deadline.provisional());
      runtimeService.setVariable(instance, PolicyVariables.INTERPRETATION_OVERDUE_AT, endOf(deadline.due()));
      for (Job job : managementService.createJobQuery().processInstanceId(instance).timers().list()) {
        String activity = managementService.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId())
            .singleResult().getActivityId();
        if (OVERDUE_TIMER.equals(activity)) {
          managementService.setJobDuedate(job.getId(), endOf(deadline.due()));
        }
      }
      for (Task task : taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey(PUBLISH_TASK)
          .list()) {
        task.setDueDate(taskDue(deadline.due()));
        taskService.saveTask(task);
      }
      moved++;
    }
    return moved;
  }
}

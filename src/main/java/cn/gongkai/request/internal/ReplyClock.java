package cn.gongkai.request.internal;

import cn.gongkai.calendar.Deadline;
import cn.gongkai.calendar.WorkingDayCalendar;
import cn.gongkai.request.CaseRegister;
import cn.gongkai.request.ClockSettings;
import cn.gongkai.request.DisclosureCase;
import cn.gongkai.workflow.EngineTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The reply clock of a case (条例第三十三条): starts on the date of receipt, restarts after correction,
 * pauses for consultations and fees, extends on approval. The due date lives in the register and in
 * process variables; the existing timer jobs and open tasks are moved, never duplicated.
 */
@Component
public class ReplyClock {

  static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
  static final String REMINDER_TIMER = "BoundaryEvent_ReplyDeadlineNear";
  static final String OVERDUE_TIMER = "BoundaryEvent_ReplyDeadlinePassed";
  /** The overdue alarm armed again after a 督办 ended or the timer found the case in time. */
  static final String OVERDUE_TIMER_AGAIN = "IntermediateEvent_ReplyDeadlinePassedAgain";
  /** Reminders go out at the start of office hours. */
  static final LocalTime REMINDER_TIME = LocalTime.of(9, 0);
  /** Where a paused clock's timers wait: a date that never comes. */
  public static final Date PAUSED = Date.from(Instant.parse("2999-12-31T16:00:00Z"));

  private final WorkingDayCalendar calendar;
  private final ClockSettings settings;
  private final CaseRegister register;
  private final JdbcClient jdbc;
  private final ManagementService managementService;
  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final OverdueWatch overdueWatch;

  ReplyClock(WorkingDayCalendar calendar, ClockSettings settings, CaseRegister register, JdbcClient jdbc,
      ManagementService managementService, RuntimeService runtimeService, TaskService taskService,
      OverdueWatch overdueWatch) {
    this.calendar = calendar;
    this.settings = settings;
    this.register = register;
    this.jdbc = jdbc;
    this.managementService = managementService;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.overdueWatch = overdueWatch;
  }

  /** Today's date in Beijing by the engine's clock (which tests move). */
  public static LocalDate today() {
    return EngineTime.today();
  }

  public static OffsetDateTime now() {
    return EngineTime.now();
  }

  /** A working-day deadline after {@code start}, for other clocks of the case (notice, correction, answer, fee). */
  public Deadline deadline(LocalDate start, int workingDays) {
    return calendar.deadline(start, workingDays);
  }

  /** The instant a working-day deadline ends: 24:00 of that day in Beijing. */
  public Date endOf(LocalDate due) {
    return Date.from(calendar.endOf(due));
  }

  /** (Re)starts the full reply period from the date of receipt (or of the corrected request). */
  public ClockState start(long caseId, LocalDate receivedOn) {
    jdbc.sql("UPDATE gk_disclosure_case SET clock_started_on = ?, paused_since = NULL, pause_reason = NULL,"
            + " paused_working_days = 0, extension_working_days = NULL, delayed_reply_on = NULL WHERE id = ?")
        .params(receivedOn, caseId)
        .update();
    return recompute(caseId, "开始计算答复期限", null);
  }

  /** Art. 35: the agency set a delayed reply date that replaces the reply deadline. */
  public ClockState delayTo(long caseId, LocalDate delayedReplyOn, String user) {
    jdbc.sql("UPDATE gk_disclosure_case SET delayed_reply_on = ? WHERE id = ?").params(delayedReplyOn, caseId).update();
    return recompute(caseId, "确定延迟答复期限（条例第三十五条）", user);
  }

  /** Approved extension (条例第三十三条第二款): the deadline moves by that many working days. */
  public ClockState extend(long caseId, int workingDays, String user) {
    return extend(caseId, workingDays, today(), user);
  }

  /** Extension approved on {@code approvedOn} (the fact's day), recorded now. */
  public ClockState extend(long caseId, int workingDays, LocalDate approvedOn, String user) {
    jdbc.sql("UPDATE gk_disclosure_case SET extension_working_days = COALESCE(extension_working_days, 0) + ?,"
            + " extension_approved_at = ?, extension_approved_on = ? WHERE id = ?")
        .params(workingDays, now(), approvedOn, caseId)
        .update();
    return recompute(caseId, "延期答复" + workingDays + "个工作日", user);
  }

  /**
   * Stops the clock from {@code since} (consultation letter sent, fee notice delivered, ...). A stop dated
   * within the deadline but recorded after the overdue timer fired clears the overdue flag.
   */
  public void pause(long caseId, String processInstanceId, LocalDate since, String reason) {
    jdbc.sql("UPDATE gk_disclosure_case SET paused_since = ?, pause_reason = ? WHERE id = ?")
        .params(since, reason, caseId)
        .update();
    parkReplyJobs(processInstanceId);
    if (processInstanceId != null
        && runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0) {
      // an overdue alarm armed from now on waits where the parked timers wait
      runtimeService.setVariable(processInstanceId, "replyOverdueAt", PAUSED);
    }
    overdueWatch.reassess(caseId, "计时中止", null);
  }

  /**
   * Restarts a paused clock: the working days after the pause began up to and including
   * {@code resumedOn} are not counted, so the deadline moves by exactly that many working days.
   */
  public ClockState resume(long caseId, LocalDate resumedOn, String user) {
    DisclosureCase c = register.get(caseId);
    if (c.pausedSince() == null) {
      return state(c);
    }
    LocalDate end = resumedOn.isBefore(c.pausedSince()) ? c.pausedSince() : resumedOn;
    int paused = calendar.workingDaysBetween(c.pausedSince(), end);
    jdbc.sql("UPDATE gk_disclosure_case SET paused_since = NULL, pause_reason = NULL,"
            + " paused_working_days = paused_working_days + ? WHERE id = ?")
        .params(paused, caseId)
        .update();
    return recompute(caseId, "计时恢复，扣除暂停期间" + paused + "个工作日", user);
  }

  /** The case's reply deadline from its inputs; moves the timer jobs, tasks and variables if it changed. */
  public ClockState recompute(long caseId, String reason, String user) {
    DisclosureCase c = register.get(caseId);
    if (c.clockStartedOn() == null) {
      return state(c);
    }
    Deadline deadline = statutoryDeadline(c);
    LocalDate delayed = c.delayedReplyOn();
    LocalDate due = delayed != null && delayed.isAfter(deadline.due()) ? delayed : deadline.due();
    boolean provisional = deadline.provisional() && (delayed == null || !delayed.isAfter(deadline.due()));
    if (!due.equals(c.replyDueOn()) || provisional != c.replyDueProvisional()) {
      jdbc.sql("UPDATE gk_disclosure_case SET reply_due_on = ?, reply_due_provisional = ? WHERE id = ?")
          .params(due, provisional, caseId)
          .update();
      jdbc.sql("INSERT INTO gk_deadline_change (case_id, old_due_on, new_due_on, reason, changed_by, changed_at)"
              + " VALUES (?, ?, ?, ?, ?, ?)")
          .params(caseId, c.replyDueOn(), due, reason, user, now())
          .update();
    }
    ClockState state = new ClockState(due, provisional, endOf(due), reminderAt(c.clockStartedOn(), due));
    if (c.processInstanceId() != null && c.status() != null && c.status().name().equals("OPEN")) {
      apply(c.processInstanceId(), state);
    }
    // a later deadline (extension, pause deducted, calendar) may end an overdue the timer had flagged
    overdueWatch.reassess(caseId, reason, user);
    return state;
  }

  /**
   * The working-day reply deadline of a case from its inputs: start, statutory length, paused working
   * days, extension (an Art. 35 delayed date may replace it, see {@link #recompute}); null before the clock starts.
   */
  public Deadline statutoryDeadline(DisclosureCase c) {
    if (c.clockStartedOn() == null) {
      return null;
    }
    int extension = c.extensionWorkingDays() == null ? 0 : c.extensionWorkingDays();
    return calendar.deadline(c.clockStartedOn(), settings.replyWorkingDays() + c.pausedWorkingDays() + extension);
  }

  /** Reply due date, whether it is provisional, and the instants of the overdue and reminder timers. */
  public record ClockState(LocalDate due, boolean provisional, Date overdueAt, Date reminderAt) {}

  private ClockState state(DisclosureCase c) {
    return c.replyDueOn() == null ? null
        : new ClockState(c.replyDueOn(), c.replyDueProvisional(), endOf(c.replyDueOn()),
            reminderAt(c.clockStartedOn(), c.replyDueOn()));
  }

  /** Office hours on the working day N working days before the deadline (never before the clock starts). */
  Date reminderAt(LocalDate clockStart, LocalDate due) {
    LocalDate day = due;
    int counted = 0;
    while (counted < settings.reminderWorkingDays() && day.isAfter(clockStart)) {
      day = day.minusDays(1);
      if (calendar.isWorkingDay(day)) {
        counted++;
      }
    }
    Instant at = day.atTime(REMINDER_TIME).atZone(BEIJING).toInstant();
    return Date.from(at);
  }

  /** Writes the state into the process: variables, both timer jobs, the due date of every open task. */
  void apply(String processInstanceId, ClockState state) {
    if (runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).count() == 0) {
      return;
    }
    boolean paused = register.findByProcessInstance(processInstanceId).map(c -> c.pausedSince() != null)
        .orElse(false);
    runtimeService.setVariable(processInstanceId, "replyDueOn", state.due().toString());
    runtimeService.setVariable(processInstanceId, "replyDueProvisional", state.provisional());
    runtimeService.setVariable(processInstanceId, "replyOverdueAt", paused ? PAUSED : state.overdueAt());
    runtimeService.setVariable(processInstanceId, "replyReminderAt", state.reminderAt());
    for (Job job : replyJobs(processInstanceId)) {
      Date target = paused ? PAUSED
          : isOverdueTimer(activityOf(job)) ? state.overdueAt() : state.reminderAt();
      if (!target.equals(job.getDuedate())) {
        managementService.setJobDuedate(job.getId(), target);
      }
    }
    Date taskDue = taskDue(state.due());
    for (Task task : taskService.createTaskQuery().processInstanceId(processInstanceId).list()) {
      if (!"Task_ScreenRequest".equals(task.getTaskDefinitionKey())
          && !"Task_SuperviseOverdueCase".equals(task.getTaskDefinitionKey())) {
        task.setDueDate(taskDue);
        taskService.saveTask(task);
      }
    }
  }

  /** What Tasklist shows as a task's due date: the last minute of the deadline day, Beijing time. */
  public Date taskDue(LocalDate due) {
    return Date.from(calendar.endOf(due).minusSeconds(60));
  }

  /**
   * A paused clock's timers wait at a date that never comes; resuming moves them back to the real
   * deadline. (Suspending the jobs would need a bulk update that conflicts with moving their due
   * date in the same transaction.)
   */
  private void parkReplyJobs(String processInstanceId) {
    for (Job job : replyJobs(processInstanceId)) {
      managementService.setJobDuedate(job.getId(), PAUSED);
    }
  }

  private List<Job> replyJobs(String processInstanceId) {
    return managementService.createJobQuery().processInstanceId(processInstanceId).timers().list().stream()
        .filter(job -> REMINDER_TIMER.equals(activityOf(job)) || isOverdueTimer(activityOf(job)))
        .toList();
  }

  private static boolean isOverdueTimer(String activity) {
    return OVERDUE_TIMER.equals(activity) || OVERDUE_TIMER_AGAIN.equals(activity);
  }

  private String activityOf(Job job) {
    return managementService.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId()).singleResult()
        .getActivityId();
  }
}

package cn.gongkai.request;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/** Drives {@code disclosure-request} as the people who work it would, on a clock the test moves. */
final class ProcessTestSupport {

  static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

  private final ProcessEngine engine;

  ProcessTestSupport(ProcessEngine engine) {
    this.engine = engine;
  }

  /** Sets the engine clock to that Beijing wall-clock time. */
  static void clockAt(String beijingDateTime) {
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(beijingDateTime).atZone(BEIJING).toInstant()));
  }

  static Date beijing(String dateTime) {
    return Date.from(LocalDateTime.parse(dateTime).atZone(BEIJING).toInstant());
  }

  static LocalDate date(String iso) {
    return LocalDate.parse(iso);
  }

  /** Registers a request through the start form, as the demo intake user. */
  ProcessInstance startAsIntake(Map<String, Object> fields) {
    String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey("disclosure-request").latestVersion().singleResult().getId();
    return as("intake", () -> engine.getFormService().submitStartForm(definitionId, fields));
  }

  /** The open task with that key, or null. */
  Task task(ProcessInstance instance, String taskKey) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(taskKey).singleResult();
  }

  /** Completes the open task with that key as that user (with the user's groups). */
  void complete(ProcessInstance instance, String taskKey, String user, Map<String, Object> variables) {
    Task task = task(instance, taskKey);
    if (task == null) {
      throw new AssertionError("no open task " + taskKey);
    }
    as(user, () -> {
      engine.getTaskService().complete(task.getId(), variables);
      return null;
    });
  }

  /** Runs the timer job at that activity once its due date has come: moves the clock there first. */
  void fireTimer(ProcessInstance instance, String activityId) {
    Job job = timer(instance, activityId);
    if (job == null) {
      throw new AssertionError("no timer at " + activityId);
    }
    ClockUtil.setCurrentTime(job.getDuedate());
    engine.getManagementService().executeJob(job.getId());
  }

  Job timer(ProcessInstance instance, String activityId) {
    return engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers().list()
        .stream()
        .filter(job -> activityId.equals(engine.getManagementService().createJobDefinitionQuery()
            .jobDefinitionId(job.getJobDefinitionId()).singleResult().getActivityId()))
        .findFirst()
        .orElse(null);
  }

  /** Runs the work as that user, authenticated with the user's Camunda groups (authorization is on). */
  <T> T as(String user, java.util.function.Supplier<T> work) {
    List<String> groups = engine.getIdentityService().createGroupQuery().groupMember(user).list().stream()
        .map(Group::getId).toList();
    engine.getIdentityService().setAuthentication(user, groups);
    try {
      return work.get();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }
}

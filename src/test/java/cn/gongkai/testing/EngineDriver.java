package cn.gongkai.testing;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/** Drives a process as the people who work it would (authorization on), on an engine clock the test moves. */
public class EngineDriver {

  public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

  protected final ProcessEngine engine;

  public EngineDriver(ProcessEngine engine) {
    this.engine = engine;
  }

  /** Sets the engine clock to that Beijing wall-clock time. */
  public static void clockAt(String beijingDateTime) {
    ClockUtil.setCurrentTime(beijing(beijingDateTime));
  }

  public static Date beijing(String dateTime) {
    return Date.from(LocalDateTime.parse(dateTime).atZone(BEIJING).toInstant());
  }

  public static LocalDate date(String iso) {
    return LocalDate.parse(iso);
  }

  /** Submits the latest version's start form as that user. */
  public ProcessInstance startAs(String user, String processKey, Map<String, Object> fields) {
    String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(processKey).latestVersion().singleResult().getId();
    return as(user, () -> engine.getFormService().submitStartForm(definitionId, fields));
  }

  /** The open task with that key, or null. */
  public Task task(ProcessInstance instance, String taskKey) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(taskKey).singleResult();
  }

  /** Completes the open task with that key as that user (with the user's groups). */
  public void complete(ProcessInstance instance, String taskKey, String user, Map<String, Object> variables) {
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
  public void fireTimer(ProcessInstance instance, String activityId) {
    Job job = timer(instance, activityId);
    if (job == null) {
      throw new AssertionError("no timer at " + activityId);
    }
    ClockUtil.setCurrentTime(job.getDuedate());
    engine.getManagementService().executeJob(job.getId());
  }

  public Job timer(ProcessInstance instance, String activityId) {
    return engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers().list()
        .stream()
        .filter(job -> activityId.equals(engine.getManagementService().createJobDefinitionQuery()
            .jobDefinitionId(job.getJobDefinitionId()).singleResult().getActivityId()))
        .findFirst()
        .orElse(null);
  }

  /** Runs the work as that user, authenticated with the user's Camunda groups (authorization is on). */
  public <T> T as(String user, Supplier<T> work) {
    List<String> groups = engine.getIdentityService().createGroupQuery().groupMember(user).list().stream()
        .map(Group::getId).toList();
    // as the webapps and the API filter do: the user's agencies (tenants) with the groups
    List<String> tenants = engine.getIdentityService().createTenantQuery().userMember(user)
        .includingGroupsOfUser(true).list().stream().map(org.camunda.bpm.engine.identity.Tenant::getId).toList();
    engine.getIdentityService().setAuthentication(user, groups, tenants);
    try {
      return work.get();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }
}

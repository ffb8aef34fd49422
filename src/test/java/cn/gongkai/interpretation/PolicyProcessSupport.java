package cn.gongkai.interpretation;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/** Drives {@code policy-interpretation} as the people who work it would, on a clock the test moves. */
final class PolicyProcessSupport {

  static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

  private final ProcessEngine engine;

  PolicyProcessSupport(ProcessEngine engine) {
    this.engine = engine;
  }

  /** Sets the engine clock to that Beijing wall-clock time. */
  static void clockAt(String beijingDateTime) {
    ClockUtil.setCurrentTime(beijing(beijingDateTime));
  }

  static Date beijing(String dateTime) {
    return Date.from(LocalDateTime.parse(dateTime).atZone(BEIJING).toInstant());
  }

  static LocalDate date(String iso) {
    return LocalDate.parse(iso);
  }

  /** Submits the pair through the start form, as the demo drafter. */
  ProcessInstance submitAsDrafter(Map<String, Object> fields) {
    String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(PolicyVariables.PROCESS_KEY).latestVersion().singleResult().getId();
    return as("drafter", () -> engine.getFormService().submitStartForm(definitionId, fields));
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

  void accept(ProcessInstance pi) {
    complete(pi, "Task_ReceiveSubmission", "office", Map.of("receiptDecision", "ACCEPTED"));
  }

  /** Legal review, secrecy review and the leader's joint approval, all passed. */
  void reviewAndApprove(ProcessInstance pi) {
    complete(pi, "Task_ReviewLegality", "legal", Map.of("legalReviewResult", "APPROVED"));
    complete(pi, "Task_ReviewSecrecy", "reviewer", Map.of("secrecyReviewResult", "APPROVED"));
    complete(pi, "Task_ApproveJointly", "leader", Map.of("jointApprovalResult", "APPROVED"));
  }

  void publishPolicy(ProcessInstance pi, String publishedOn) {
    complete(pi, "Task_RecordPolicyPublication", "office", Map.of("policyPublishedOn", publishedOn,
        "policyUrl", "https://www.cxz.gov.cn/zwgk/zcwj/2026/" + publishedOn + ".html"));
  }

  void publishInterpretation(ProcessInstance pi, String publishedOn) {
    Map<String, Object> fields = new HashMap<>();
    fields.put("interpretationPublishedOn", publishedOn);
    fields.put("interpretationUrl", "https://www.cxz.gov.cn/zwgk/zcjd/2026/" + publishedOn + ".html");
    fields.put("policyLinksInterpretation", true);
    fields.put("interpretationLinksPolicy", true);
    complete(pi, "Task_PublishInterpretation", "office", fields);
  }

  /**
   * A complete pair submitted, accepted, reviewed, approved and published on the given days (clock moved
   * to each day's office hours). Returns the archived instance.
   */
  ProcessInstance publishedPair(String policyPublishedOn, String interpretationPublishedOn) {
    clockAt(policyPublishedOn + "T09:00");
    ProcessInstance pi = submitAsDrafter(PolicyFixtures.submission());
    accept(pi);
    reviewAndApprove(pi);
    publishPolicy(pi, policyPublishedOn);
    clockAt(interpretationPublishedOn + "T10:00");
    publishInterpretation(pi, interpretationPublishedOn);
    return pi;
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

  long executableJobs(ProcessInstance instance) {
    return engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).executable().count();
  }

  /** Runs the work as that user, authenticated with the user's Camunda groups (authorization is on). */
  <T> T as(String user, Supplier<T> work) {
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

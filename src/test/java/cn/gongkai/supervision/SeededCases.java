package cn.gongkai.supervision;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.EnumMap;
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
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A set of open disclosure requests in every supervision state, made the way staff make them
 * (start form, completed tasks, the deadline timer) on an engine clock set to {@link #TODAY}. Only
 * "provisional" is set in the register directly: no date near today reaches an unpublished year.
 */
public final class SeededCases {

  public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
  /** Wednesday 2026-11-25, 10:00 in Beijing: no holiday between mid-October and the end of December. */
  public static final String TODAY = "2026-11-25T10:00";

  private final ProcessEngine engine;
  private final JdbcClient jdbc;

  public SeededCases(ProcessEngine engine, JdbcClient jdbc) {
    this.engine = engine;
    this.jdbc = jdbc;
  }

  public static void clockAt(String beijingDateTime) {
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(beijingDateTime).atZone(BEIJING).toInstant()));
  }

  /** One seeded case: its number, process instance and the state the overview must put it in. */
  public record Seeded(String name, String caseNumber, String processInstanceId, SupervisionState state) {}

  /** The set: 2 overdue, 2 paused, 2 due soon (one provisional), 1 provisional, 1 normal. Leaves the clock at TODAY. */
  public List<Seeded> seed() {
    clockAt(TODAY);
    // received today: due 2026-12-23, 20 working days ahead
    ProcessInstance normal = register("2026-11-25");
    // received 2026-10-30: due 2026-11-27, 2 working days left
    ProcessInstance dueSoon = register("2026-10-30");
    ProcessInstance dueSoonProvisional = register("2026-10-30");
    markProvisional(dueSoonProvisional);
    ProcessInstance provisional = register("2026-11-25");
    markProvisional(provisional);
    // received 2026-10-20: due 2026-11-17, overdue by 6 working days; the timer has not run yet
    ProcessInstance overdueByDate = register("2026-10-20");
    // received 2026-10-21: due 2026-11-18; the deadline timer ran and handed the case to supervisors
    ProcessInstance overdueMarked = register("2026-10-21");
    fireTimer(overdueMarked, "BoundaryEvent_ReplyDeadlinePassed");
    clockAt(TODAY);
    // third party consulted on 2026-11-24: the clock stopped with 18 working days left
    ProcessInstance paused = register("2026-11-20");
    accept(paused);
    consult(paused, "CONSULT_THIRD_PARTY", "2026-11-24");
    // agency consulted on 2026-11-10, before the deadline 2026-11-17: paused, not overdue; the handler claimed it
    ProcessInstance pausedPastDate = register("2026-10-20");
    accept(pausedPastDate);
    consult(pausedPastDate, "CONSULT_AGENCY", "2026-11-10");
    engine.getTaskService().claim(task(pausedPastDate, "Task_ConsultAgency").getId(), "handler");
    return List.of(
        seeded("normal", normal, SupervisionState.NORMAL),
        seeded("dueSoon", dueSoon, SupervisionState.DUE_SOON),
        seeded("dueSoonProvisional", dueSoonProvisional, SupervisionState.DUE_SOON),
        seeded("provisional", provisional, SupervisionState.PROVISIONAL),
        seeded("overdueByDate", overdueByDate, SupervisionState.OVERDUE),
        seeded("overdueMarked", overdueMarked, SupervisionState.OVERDUE),
        seeded("paused", paused, SupervisionState.PAUSED),
        seeded("pausedPastDate", pausedPastDate, SupervisionState.PAUSED));
  }

  public static Map<SupervisionState, Long> countByState(List<Seeded> seeded) {
    Map<SupervisionState, Long> counts = new EnumMap<>(SupervisionState.class);
    for (SupervisionState state : SupervisionState.values()) {
      counts.put(state, seeded.stream().filter(s -> s.state() == state).count());
    }
    return counts;
  }

  private Seeded seeded(String name, ProcessInstance instance, SupervisionState state) {
    return new Seeded(name, instance.getBusinessKey(), instance.getId(), state);
  }

  /** Registers a request through the start form, as the demo intake user. */
  ProcessInstance register(String receivedOn) {
    String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey("disclosure-request").latestVersion().singleResult().getId();
    return as("intake", () -> engine.getFormService().submitStartForm(definitionId, request(receivedOn)));
  }

  static Map<String, Object> request(String receivedOn) {
    Map<String, Object> fields = new HashMap<>();
    fields.put("applicantType", "NATURAL_PERSON");
    fields.put("applicantName", "李四");
    fields.put("idType", "ID_CARD");
    // GB 11643's own example number (valid check digit)
    fields.put("idNumber", "11010519491231002X");
    fields.put("phone", "13912345678");
    fields.put("channel", "IN_PERSON");
    fields.put("receivedOn", receivedOn);
    fields.put("description", "2026年度楚雄市农村公路养护资金分配情况");
    return fields;
  }

  void accept(ProcessInstance instance) {
    complete(instance, "Task_ScreenRequest", "intake", Map.of("screeningDecision", "ACCEPT"));
  }

  void consult(ProcessInstance instance, String nextAction, String sentOn) {
    complete(instance, "Task_HandleRequest", "handler", Map.of("nextAction", nextAction,
        "consultedParty", "楚雄市某某有限公司", "consultationSentOn", sentOn));
  }

  void markProvisional(ProcessInstance instance) {
    jdbc.sql("UPDATE gk_disclosure_case SET reply_due_provisional = TRUE WHERE process_instance_id = ?")
        .param(instance.getId())
        .update();
  }

  Task task(ProcessInstance instance, String taskKey) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(taskKey).singleResult();
  }

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

  /** Runs the timer at that activity: moves the clock to its due date first. */
  void fireTimer(ProcessInstance instance, String activityId) {
    Job job = engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers().list()
        .stream()
        .filter(j -> activityId.equals(engine.getManagementService().createJobDefinitionQuery()
            .jobDefinitionId(j.getJobDefinitionId()).singleResult().getActivityId()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no timer at " + activityId));
    ClockUtil.setCurrentTime(job.getDuedate());
    engine.getManagementService().executeJob(job.getId());
  }

  <T> T as(String user, Supplier<T> work) {
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

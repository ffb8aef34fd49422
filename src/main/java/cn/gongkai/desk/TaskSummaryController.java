package cn.gongkai.desk;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import cn.gongkai.calendar.WorkingDayCalendar;
import cn.gongkai.request.CaseRegister;
import cn.gongkai.request.DisclosureCase;
import cn.gongkai.security.Roles;
import cn.gongkai.web.BadRequestException;
import cn.gongkai.web.ForbiddenException;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What Tasklist's list items show beside the task name: the case number, the applicant (masked for every
 * role but intake), the task's due date and the working days left. Only tasks the caller may see in
 * Tasklist are answered (engine authorization on the task query); unknown or hidden ids are left out.
 */
@Tag(name = "待办", description = "Tasklist 插件使用的任务摘要")
@RestController
class TaskSummaryController {

  /** Tasklist pages hold 15 tasks by default; a bound keeps one call cheap. */
  static final int MAX_IDS = 100;

  private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
  /** The reply clock parks a paused clock's dates here (2999-12-31 24:00 Beijing). */
  private static final int PAUSED_YEAR = 2999;

  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final CaseRegister register;
  private final WorkingDayCalendar calendar;

  TaskSummaryController(TaskService taskService, RuntimeService runtimeService, IdentityService identityService,
      CaseRegister register, WorkingDayCalendar calendar) {
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.register = register;
    this.calendar = calendar;
  }

  @Operation(summary = "任务摘要", description = "给定任务的案件编号、申请人（按角色脱敏）、到期日和剩余工作日；只返回调用者在 Tasklist 中能看到的任务。")
  @GetMapping("/api/tasks/summary")
  Map<String, Object> summary(@RequestParam(name = "ids", required = false) String ids, HttpServletRequest request) {
    if (request.getRemoteUser() == null) {
      throw new ForbiddenException("请先登录");
    }
    List<String> taskIds = ids == null ? List.of()
        : Arrays.stream(ids.split(",")).map(String::strip).filter(id -> !id.isEmpty()).distinct().toList();
    if (taskIds.isEmpty()) {
      throw new BadRequestException("ids", "请提供任务编号（ids，以逗号分隔）");
    }
    if (taskIds.size() > MAX_IDS) {
      throw new BadRequestException("ids", "一次最多查询" + MAX_IDS + "个任务");
    }
    // the caller's engine authorization decides which tasks exist for them
    List<Task> tasks = taskService.createTaskQuery().taskIdIn(taskIds.toArray(String[]::new)).list();
    Map<String, ProcessInstance> instances = instancesOf(tasks);
    boolean seesNames = request.isUserInRole(Roles.INTAKE);
    // today in Beijing by the engine's clock (which tests move)
    LocalDate today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), BEIJING);
    Map<String, Object> items = new LinkedHashMap<>();
    for (Task task : tasks) {
      Map<String, Object> item = new LinkedHashMap<>();
      ProcessInstance instance = instances.get(task.getProcessInstanceId());
      item.put("caseNumber", instance == null ? null : instance.getBusinessKey());
      DisclosureCase c = task.getProcessInstanceId() == null ? null
          : register.findByProcessInstance(task.getProcessInstanceId()).orElse(null);
      if (c != null) {
        item.put("applicantName", seesNames ? c.applicantName() : c.masked().applicantName());
        item.put("applicantType", c.applicantType().label());
      } else {
        item.put("applicantName", null);
        item.put("applicantType", null);
      }
      LocalDate due = task.getDueDate() == null ? null : LocalDate.ofInstant(task.getDueDate().toInstant(), BEIJING);
      boolean paused = due != null && due.getYear() >= PAUSED_YEAR;
      item.put("dueOn", paused ? null : due);
      item.put("paused", paused);
      item.put("workingDaysLeft", due == null || paused ? null : workingDaysLeft(due, today));
      items.put(task.getId(), item);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("today", today);
    body.put("tasks", items);
    return body;
  }

  /** Working days from today to the due day: 0 due today, negative overdue by that many working days. */
  int workingDaysLeft(LocalDate due, LocalDate today) {
    return due.isBefore(today) ? -calendar.workingDaysBetween(due, today) : calendar.workingDaysBetween(today, due);
  }

  /**
   * The business keys (case numbers) of the tasks' instances. A candidate may see a task without a grant on
   * its process instance; the tasks are already authorized, so their instances are read without the check.
   */
  private Map<String, ProcessInstance> instancesOf(List<Task> tasks) {
    String[] instanceIds = tasks.stream().map(Task::getProcessInstanceId).filter(id -> id != null).distinct()
        .toArray(String[]::new);
    if (instanceIds.length == 0) {
      return Map.of();
    }
    Authentication caller = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      return runtimeService.createProcessInstanceQuery()
          .processInstanceIds(new java.util.HashSet<>(Arrays.asList(instanceIds))).list().stream()
          .collect(Collectors.toMap(ProcessInstance::getId, Function.identity()));
    } finally {
      if (caller != null) {
        identityService.setAuthentication(caller);
      }
    }
  }
}

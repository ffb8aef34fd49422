package cn.gongkai.supervision;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who holds the open tasks of a page of cases: one task query for all their process instances, one
 * query for the candidate groups of those tasks, one each for the groups' and assignees' names (never
 * one query per case).
 */
@Component
class OpenTasks {

  private final TaskService taskService;
  private final IdentityService identityService;
  private final JdbcClient jdbc;

  OpenTasks(TaskService taskService, IdentityService identityService, JdbcClient jdbc) {
    this.taskService = taskService;
    this.identityService = identityService;
    this.jdbc = jdbc;
  }

  /** The open tasks of each of these process instances, oldest first. */
  Map<String, List<TaskHolder>> byProcessInstance(Collection<String> processInstanceIds) {
    if (processInstanceIds.isEmpty()) {
      return Map.of();
    }
    List<Task> tasks = taskService.createTaskQuery()
        .processInstanceIdIn(processInstanceIds.toArray(String[]::new))
        .orderByTaskCreateTime().asc()
        .list();
    if (tasks.isEmpty()) {
      return Map.of();
    }
    Map<String, List<String>> groupsByTask = candidateGroups(tasks.stream().map(Task::getId).toList());
    Map<String, String> names = groupNames(groupsByTask.values().stream().flatMap(List::stream).distinct().toList());
    Map<String, String> users = userNames(tasks.stream().map(Task::getAssignee).filter(a -> a != null).distinct()
        .toList());
    Map<String, List<TaskHolder>> result = new HashMap<>();
    for (Task task : tasks) {
      List<String> groups = groupsByTask.getOrDefault(task.getId(), List.of());
      result.computeIfAbsent(task.getProcessInstanceId(), id -> new ArrayList<>())
          .add(new TaskHolder(task.getName(), task.getAssignee(),
              task.getAssignee() == null ? null : users.get(task.getAssignee()), groups,
              groups.stream().map(g -> names.getOrDefault(g, g)).toList()));
    }
    return result;
  }

  /**
   * Candidate groups straight from the engine's identity-link table: the task query cannot return
   * them and the API's per-task call would cost one query per task. Read-only; the caller already
   * passed the supervisor/admin check, and those roles may read every task.
   */
  private Map<String, List<String>> candidateGroups(List<String> taskIds) {
    Map<String, List<String>> groups = new LinkedHashMap<>();
    jdbc.sql("SELECT TASK_ID_, GROUP_ID_ FROM ACT_RU_IDENTITYLINK WHERE TYPE_ = 'candidate'"
            + " AND GROUP_ID_ IS NOT NULL AND TASK_ID_ IN (:ids) ORDER BY GROUP_ID_")
        .param("ids", taskIds)
        .query(rs -> {
          groups.computeIfAbsent(rs.getString(1), id -> new ArrayList<>()).add(rs.getString(2));
        });
    return groups;
  }

  private Map<String, String> userNames(List<String> userIds) {
    if (userIds.isEmpty()) {
      return Map.of();
    }
    Map<String, String> names = new HashMap<>();
    for (User user : identityService.createUserQuery().userIdIn(userIds.toArray(String[]::new)).list()) {
      String name = ((user.getLastName() == null ? "" : user.getLastName())
          + (user.getFirstName() == null ? "" : user.getFirstName())).strip();
      names.put(user.getId(), name.isEmpty() ? user.getId() : name);
    }
    return names;
  }

  private Map<String, String> groupNames(List<String> groupIds) {
    if (groupIds.isEmpty()) {
      return Map.of();
    }
    Map<String, String> names = new HashMap<>();
    for (Group group : identityService.createGroupQuery().groupIdIn(groupIds.toArray(String[]::new)).list()) {
      names.put(group.getId(), group.getName() == null ? group.getId() : group.getName());
    }
    return names;
  }
}

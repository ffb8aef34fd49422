package cn.gongkai.supervision;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import cn.gongkai.security.Roles;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters every member of staff finds on the left (我的待办, 本组待办, 即将到期, 已逾期), each
 * sorted by due date and shared with the staff groups by a READ grant on the filter. Created on every
 * start, or brought up to date by name (idempotent). What a user sees in 即将到期 and 已逾期 is also limited
 * by task authorizations: staff see their own and their groups' tasks, supervisors every task.
 */
@Component
class TasklistFilters implements SmartInitializingSingleton {

  /** Groups that work in Tasklist (administrators can read every filter anyway). */
  static final List<String> STAFF = List.of(Roles.INTAKE, Roles.HANDLER, Roles.REVIEWER, Roles.LEGAL, Roles.LEADER,
      Roles.SUPERVISOR, Roles.DRAFTER, Roles.OFFICE);

  private static final Logger log = LoggerFactory.getLogger(TasklistFilters.class);

  private final FilterService filterService;
  private final TaskService taskService;
  private final AuthorizationService authorizationService;
  private final SupervisionSettings settings;

  TasklistFilters(FilterService filterService, TaskService taskService, AuthorizationService authorizationService,
      SupervisionSettings settings) {
    this.filterService = filterService;
    this.taskService = taskService;
    this.authorizationService = authorizationService;
    this.settings = settings;
  }

  /** A filter: its name, order in the list, colour, description and task query. */
  record Definition(String name, int priority, String color, String description, TaskQuery query) {}

  List<Definition> definitions() {
    int days = settings.tasklistDueSoonDays();
    return List.of(
        new Definition("我的待办", 1, "#1f6fb2", "已由我认领的任务，按期限排序",
            taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc()),
        new Definition("本组待办", 2, "#3c8d40", "我所在岗位可认领的任务，按期限排序",
            taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                .orderByDueDate().asc()),
        new Definition("即将到期", 3, "#d98c1a", days + "天内到期的任务，按期限排序",
            taskService.createTaskQuery().dueAfterExpression("${now()}")
                .dueBeforeExpression("${dateTime().plusDays(" + days + ").toDate()}")
                .orderByDueDate().asc()),
        new Definition("已逾期", 4, "#c0392b", "已超过期限仍未办理的任务，按期限排序",
            taskService.createTaskQuery().dueBeforeExpression("${now()}").orderByDueDate().asc()));
  }

  @Override
  public void afterSingletonsInstantiated() {
    for (Definition definition : definitions()) {
      Filter filter = filterService.createFilterQuery().filterResourceType(EntityTypes.TASK)
          .filterName(definition.name()).list().stream().findFirst()
          .orElseGet(filterService::newTaskFilter);
      filter.setName(definition.name());
      filter.setQuery(definition.query());
      filter.setProperties(properties(definition));
      filterService.saveFilter(filter);
      for (String group : STAFF) {
        grantRead(group, filter.getId());
      }
    }
    log.info("Tasklist filters ready: {}", definitions().stream().map(Definition::name).toList());
  }

  private static Map<String, Object> properties(Definition definition) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("description", definition.description());
    properties.put("priority", definition.priority());
    properties.put("color", definition.color());
    properties.put("refresh", true);
    properties.put("showUndefinedVariable", false);
    properties.put("variables", List.of(
        Map.of("name", "caseNumber", "label", "案件编号"),
        Map.of("name", "replyDueOn", "label", "答复期限")));
    return properties;
  }

  private void grantRead(String group, String filterId) {
    boolean granted = authorizationService.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
        .groupIdIn(group).resourceType(Resources.FILTER).resourceId(filterId).count() > 0;
    if (!granted) {
      Authorization authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
      authorization.setGroupId(group);
      authorization.setResource(Resources.FILTER);
      authorization.setResourceId(filterId);
      authorization.addPermission(Permissions.READ);
      authorizationService.saveAuthorization(authorization);
    }
  }
}

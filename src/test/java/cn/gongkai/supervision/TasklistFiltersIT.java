package cn.gongkai.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** The shared Tasklist filters: created once, readable by every staff group, each listing what its name says. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TasklistFiltersIT {

  static final List<String> NAMES = List.of("我的待办", "本组待办", "即将到期", "已逾期");

  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;
  @Autowired TasklistFilters filters;
  @Autowired FilterService filterService;
  @Autowired AuthorizationService authorizationService;

  SeededCases cases;

  @BeforeEach
  void setUp() {
    cases = new SeededCases(engine, jdbc);
    SeededCases.clockAt(SeededCases.TODAY);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  Filter filter(String name) {
    return filterService.createFilterQuery().filterResourceType(EntityTypes.TASK).filterName(name).singleResult();
  }

  List<Task> listAs(String user, String filterName) {
    return cases.as(user, () -> filterService.<Task>list(filter(filterName).getId()));
  }

  @Test
  void createsTheFourFiltersOnceAndSharesThemWithEveryStaffGroup() {
    // when the application starts again on the same database
    filters.afterSingletonsInstantiated();

    // then each filter exists once, with its place in the list, and every staff group may read it
    for (String name : NAMES) {
      assertThat(filterService.createFilterQuery().filterResourceType(EntityTypes.TASK).filterName(name).count())
          .as(name).isEqualTo(1);
      Filter filter = filter(name);
      assertThat(filter.getProperties()).containsKeys("priority", "description", "variables");
      for (String group : TasklistFilters.STAFF) {
        assertThat(authorizationService.createAuthorizationQuery().groupIdIn(group).resourceType(Resources.FILTER)
            .resourceId(filter.getId()).count()).as(name + " for " + group).isEqualTo(1);
        assertThat(cases.as(group, () -> filterService.getFilter(filter.getId()))).isNotNull();
      }
    }
    assertThat(filterService.createFilterQuery().filterResourceType(EntityTypes.TASK).list())
        .extracting(Filter::getName).containsAll(NAMES);
  }

  @Test
  void eachFilterListsWhatItsNameSaysSortedByDueDate() {
    // given three requests screened by intake: due in 7 working days, due tomorrow, overdue since October
    ProcessInstance later = cases.register("2026-11-25");
    ProcessInstance soon = cases.register("2026-11-17");
    ProcessInstance overdue = cases.register("2026-10-20");
    Task claimed = cases.task(cases.register("2026-11-24"), "Task_ScreenRequest");
    engine.getTaskService().claim(claimed.getId(), "intake");
    Date now = ClockUtil.getCurrentTime();

    // then intake finds its claimed task in 我的待办 and the group's open tasks in 本组待办
    List<Task> mine = listAs("intake", "我的待办");
    assertThat(mine).extracting(Task::getId).contains(claimed.getId());
    assertThat(mine).allMatch(t -> "intake".equals(t.getAssignee()));
    List<Task> group = listAs("intake", "本组待办");
    assertThat(group).extracting(Task::getProcessInstanceId)
        .contains(later.getId(), soon.getId(), overdue.getId())
        .doesNotContain(claimed.getProcessInstanceId());
    assertThat(listAs("handler", "本组待办")).extracting(Task::getProcessInstanceId).doesNotContain(later.getId());

    // and 即将到期 holds what is due within 5 days, 已逾期 what is past due, each most urgent first
    List<Task> dueSoon = listAs("intake", "即将到期");
    assertThat(dueSoon).extracting(Task::getProcessInstanceId).contains(soon.getId())
        .doesNotContain(later.getId(), overdue.getId());
    assertThat(dueSoon).allMatch(t -> t.getDueDate().after(now)
        && t.getDueDate().before(new Date(now.getTime() + 5L * 24 * 3600 * 1000)));
    List<Task> late = listAs("intake", "已逾期");
    assertThat(late).extracting(Task::getProcessInstanceId).contains(overdue.getId())
        .doesNotContain(soon.getId(), later.getId());
    assertThat(late).allMatch(t -> t.getDueDate().before(now));
    for (List<Task> list : List.of(mine, group, dueSoon, late)) {
      assertThat(list).extracting(t -> t.getDueDate() == null ? new Date(Long.MAX_VALUE) : t.getDueDate()).isSorted();
    }
  }
}

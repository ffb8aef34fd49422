package cn.gongkai.request.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.junit.jupiter.api.Test;

/** What the engine's history keeps of jobs: their failures, not every timer created, fired or cancelled. */
class PersonalDataHistoryLevelTest {

  private final PersonalDataHistoryLevel level = new PersonalDataHistoryLevel();

  @Test
  void theJobLogKeepsFailuresOnly() {
    assertThat(level.isHistoryEventProduced(HistoryEventTypes.JOB_FAIL, null)).isTrue();
    assertThat(level.isHistoryEventProduced(HistoryEventTypes.JOB_CREATE, null)).isFalse();
    assertThat(level.isHistoryEventProduced(HistoryEventTypes.JOB_SUCCESS, null)).isFalse();
    assertThat(level.isHistoryEventProduced(HistoryEventTypes.JOB_DELETE, null)).isFalse();
  }

  @Test
  void activitiesTasksAndIncidentsStayInTheHistory() {
    assertThat(level.isHistoryEventProduced(HistoryEventTypes.ACTIVITY_INSTANCE_END, null)).isTrue();
    assertThat(level.isHistoryEventProduced(HistoryEventTypes.TASK_INSTANCE_COMPLETE, null)).isTrue();
    assertThat(level.isHistoryEventProduced(HistoryEventTypes.INCIDENT_CREATE, null)).isTrue();
    assertThat(level.isHistoryEventProduced(HistoryEventTypes.FORM_PROPERTY_UPDATE, null)).isFalse();
  }
}

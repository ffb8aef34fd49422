package cn.gongkai.request.internal;

import cn.gongkai.calendar.WorkingDayCalendar;
import java.util.List;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component "deadlines": the calendar years known, and the open cases whose
 * reply deadline is provisional because it reaches into a year whose holidays are not yet published.
 */
@Component("deadlines")
class DeadlineHealthIndicator implements HealthIndicator {

  private final JdbcClient jdbc;
  private final WorkingDayCalendar calendar;

  DeadlineHealthIndicator(JdbcClient jdbc, WorkingDayCalendar calendar) {
    this.jdbc = jdbc;
    this.calendar = calendar;
  }

  @Override
  public Health health() {
    List<String> provisional = jdbc.sql("SELECT case_number FROM gk_disclosure_case"
            + " WHERE status = 'OPEN' AND reply_due_provisional = TRUE ORDER BY reply_due_on, id")
        .query(String.class).list();
    return Health.up()
        .withDetail("knownYears", calendar.knownYears())
        .withDetail("provisionalCases", provisional)
        .withDetail("provisionalCount", provisional.size())
        .build();
  }
}

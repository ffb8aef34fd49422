package cn.gongkai.proposal;

import cn.gongkai.workflow.EngineTime;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The answer clock: the reply is due N calendar months (setting, default 3) after the day of the assignment
 * (交办之日), the same day-of-month or, where the month is shorter, its last day (assigned 2026-01-31, due
 * 2026-04-30); it ends at 24:00 Beijing time. Calendar months, so holidays neither stop nor extend it.
 */
@Component
public class ProposalClock {

  static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

  private final ProposalSettings settings;

  ProposalClock(ProposalSettings settings) {
    this.settings = settings;
  }

  /** Today's date in Beijing by the engine's clock (which tests move). */
  public static LocalDate today() {
    return EngineTime.today();
  }

  public static OffsetDateTime now() {
    return EngineTime.now();
  }

  public int months() {
    return settings.answerWithinMonths();
  }

  /** The last day to answer a case assigned on that day. */
  public LocalDate answerDue(LocalDate assignedOn) {
    return assignedOn.plusMonths(settings.answerWithinMonths());
  }

  /** When the handling unit is reminded: N days before the last day, at 09:00 Beijing (never before now). */
  public Date remindAt(LocalDate dueOn) {
    Date at = Date.from(dueOn.minusDays(settings.remindDaysBefore()).atTime(9, 0).atZone(BEIJING).toInstant());
    return at.before(ClockUtil.getCurrentTime()) ? ClockUtil.getCurrentTime() : at;
  }

  /** The instant the limit has passed: 24:00 of the last day, Beijing time. */
  public Date endOf(LocalDate dueOn) {
    return Date.from(dueOn.plusDays(1).atStartOfDay(BEIJING).toInstant());
  }

  /** What Tasklist shows as the reply task's due date: the last minute of the last day. */
  public Date taskDue(LocalDate dueOn) {
    return Date.from(dueOn.plusDays(1).atStartOfDay(BEIJING).minusMinutes(1).toInstant());
  }
}

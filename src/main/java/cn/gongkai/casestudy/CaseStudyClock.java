package cn.gongkai.casestudy;

import cn.gongkai.calendar.Deadline;
import cn.gongkai.calendar.WorkingDayCalendar;
import cn.gongkai.workflow.EngineTime;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * The review clock of a proposed case study: the office reviews within N working days (setting, default 5)
 * of each submission, counted on the statutory calendar (cn.gongkai.calendar), ending at 24:00 Beijing time.
 * The reviewer is reminded when the last day begins.
 */
@Component
public class CaseStudyClock {

  static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

  private final WorkingDayCalendar calendar;
  private final CaseStudySettings settings;

  CaseStudyClock(WorkingDayCalendar calendar, CaseStudySettings settings) {
    this.calendar = calendar;
    this.settings = settings;
  }

  /** Today's date in Beijing by the engine's clock (which tests move). */
  public static LocalDate today() {
    return EngineTime.today();
  }

  public static OffsetDateTime now() {
    return EngineTime.now();
  }

  public int limit() {
    return settings.reviewWithinWorkingDays();
  }

  /** The last day of the review of a case study submitted on that day (the submission day not counted). */
  public Deadline reviewDeadline(LocalDate submittedOn) {
    return calendar.deadline(submittedOn, limit());
  }

  /** The instant the deadline ends: 24:00 of that day in Beijing (the overdue timer). */
  public Date endOf(LocalDate due) {
    return Date.from(calendar.endOf(due));
  }

  /** The reminder: 00:00 of the last day, Beijing time. */
  public Date remindAt(LocalDate due) {
    return Date.from(calendar.endOf(due).minus(Duration.ofDays(1)));
  }

  /** What Tasklist shows as the review task's due date: the last minute of the deadline day. */
  public Date taskDue(LocalDate due) {
    return Date.from(calendar.endOf(due).minusSeconds(60));
  }
}

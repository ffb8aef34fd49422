package cn.gongkai.citizen;

import cn.gongkai.calendar.Deadline;
import cn.gongkai.calendar.WorkingDayCalendar;
import cn.gongkai.workflow.EngineTime;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * The clocks of a citizen's message, in working days of the statutory calendar (cn.gongkai.calendar), each
 * ending at 24:00 Beijing time of its last day: acceptance after receipt, the answer after acceptance, one
 * extension after the answer deadline.
 */
@Component
public class CitizenMessageClock {

  static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

  private final WorkingDayCalendar calendar;
  private final CitizenMessageSettings settings;

  CitizenMessageClock(WorkingDayCalendar calendar, CitizenMessageSettings settings) {
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

  public CitizenMessageSettings settings() {
    return settings;
  }

  /** The last day to accept or refuse a message received (or sent back) that day. */
  public Deadline acceptDeadline(LocalDate from) {
    return calendar.deadline(from, settings.acceptWithinWorkingDays());
  }

  /** The last day to answer a message of that type accepted that day. */
  public Deadline answerDeadline(LocalDate acceptedOn, MessageType type) {
    return calendar.deadline(acceptedOn, settings.answerWithinWorkingDays(type));
  }

  /** The answer deadline moved by an approved extension of that many working days. */
  public Deadline extendedDeadline(LocalDate answerDueOn, int workingDays) {
    return calendar.deadline(answerDueOn, workingDays);
  }

  /** The instant a working-day deadline ends: 24:00 of that day in Beijing (when the overdue timer fires). */
  public Date endOf(LocalDate due) {
    return Date.from(calendar.endOf(due));
  }

  /** What Tasklist shows as a task's due date: the last minute of the deadline day, Beijing time. */
  public Date taskDue(LocalDate due) {
    return Date.from(calendar.endOf(due).minusSeconds(60));
  }
}

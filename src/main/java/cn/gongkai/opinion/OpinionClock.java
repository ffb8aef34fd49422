package cn.gongkai.opinion;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The 舆情 clocks: clock hours from the moment the event was first seen, day and night, weekends and holidays
 * included (domain §8) — no working-day calendar is consulted. Beijing time whatever the server's zone.
 */
@Component
public class OpinionClock {

  public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final OpinionSettings settings;

  OpinionClock(OpinionSettings settings) {
    this.settings = settings;
  }

  /** Now on the engine's clock (which tests move), in Beijing. */
  public static OffsetDateTime now() {
    return OffsetDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), BEIJING);
  }

  public static LocalDate today() {
    return now().toLocalDate();
  }

  /** The limits that apply to an event of that level first seen then (kept with the case when assessed). */
  public Deadlines deadlines(OpinionLevel level, OffsetDateTime firstSeenAt) {
    if (level == OpinionLevel.MAJOR) {
      OffsetDateTime due = firstSeenAt.plus(settings.responseLimit());
      OffsetDateTime pressDue = firstSeenAt.plus(settings.pressConferenceWithin());
      return new Deadlines(firstSeenAt.plus(settings.responseTarget()), due,
          remindAt(firstSeenAt, due, settings.responseReminderBefore()), pressDue,
          remindAt(firstSeenAt, pressDue, settings.pressConferenceReminderBefore()));
    }
    OffsetDateTime due = firstSeenAt.plus(settings.generalResponseWithin());
    return new Deadlines(null, due, remindAt(firstSeenAt, due, settings.generalResponseReminderBefore()), null, null);
  }

  /** A reminder before the limit, never before the event was seen. */
  private static OffsetDateTime remindAt(OffsetDateTime seen, OffsetDateTime due, Duration before) {
    OffsetDateTime at = due.minus(before);
    return at.isBefore(seen) ? seen : at;
  }

  /**
   * The deadlines of one event.
   *
   * @param responseTarget the 3-hour target (特别重大/重大 only, else null)
   * @param responseDue the latest first response: 5 hours (特别重大/重大) or 48 hours (一般)
   * @param responseRemind when the handler is reminded of {@code responseDue}
   * @param pressConferenceDue the latest press conference (特别重大/重大 only, else null)
   * @param pressConferenceRemind when the handler is reminded of it (or null)
   */
  public record Deadlines(OffsetDateTime responseTarget, OffsetDateTime responseDue, OffsetDateTime responseRemind,
      OffsetDateTime pressConferenceDue, OffsetDateTime pressConferenceRemind) {}

  /** Beijing wall-clock minute, e.g. 2026-10-01 03:00 (null for null). */
  public static String text(OffsetDateTime at) {
    return at == null ? null : at.atZoneSameInstant(BEIJING).format(MINUTE);
  }

  /** Hours and minutes, e.g. 3:05 (response time from first seen to first response); null for null. */
  public static String hoursMinutes(OffsetDateTime from, OffsetDateTime to) {
    if (from == null || to == null) {
      return null;
    }
    long minutes = Duration.between(from, to).toMinutes();
    return (minutes / 60) + ":" + String.format("%02d", minutes % 60);
  }

  /**
   * What a handler reads against a limit: 剩余 X 小时 Y 分 before it, 已超过期限 X 小时 Y 分 after it.
   */
  public static String countdown(OffsetDateTime due, Instant now) {
    long minutes = Duration.between(now, due.toInstant()).toMinutes();
    if (!now.isAfter(due.toInstant())) {
      return "剩余 " + (minutes / 60) + " 小时 " + (minutes % 60) + " 分";
    }
    long over = Duration.between(due.toInstant(), now).toMinutes();
    return "已超过期限 " + (over / 60) + " 小时 " + (over % 60) + " 分";
  }
}

package cn.gongkai.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A working-day deadline and how it was counted: the day of the event is not counted, day 1 is the
 * next working day (民法典第二百零一条), and the deadline ends at 24:00 of {@link #due()}, Beijing time.
 *
 * @param start the day of the event (not counted)
 * @param workingDays how many working days were counted
 * @param due the last of them: the deadline day
 * @param provisional true if any day counted or skipped lies in a year whose holidays are not known
 *     (computed on the weekend rule; recompute when the year is loaded)
 * @param skipped every day after {@code start} up to {@code due} that was not counted, with the reason
 * @param makeUpWorkingDays weekend days that were counted because they are make-up working days
 * @param pauses the spans whose working days were not counted (empty for a plain deadline)
 * @param pausedWorkingDays how many working days the pauses took out of the count
 * @param unknownYears the years without holiday data that the count went through
 */
public record Deadline(
    LocalDate start,
    int workingDays,
    LocalDate due,
    boolean provisional,
    List<SkippedDay> skipped,
    List<MakeUpDay> makeUpWorkingDays,
    List<Pause> pauses,
    int pausedWorkingDays,
    List<Integer> unknownYears) {

  public Deadline {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(due, "due");
    skipped = List.copyOf(skipped);
    makeUpWorkingDays = List.copyOf(makeUpWorkingDays);
    pauses = List.copyOf(pauses);
    unknownYears = List.copyOf(unknownYears);
  }

  /** The instant the deadline ends: 24:00 of the due day in Asia/Shanghai (the next day, 00:00 +08:00). */
  public Instant endsAt() {
    return WorkingDays.endOf(due);
  }

  /** A one-paragraph account in Chinese of how the deadline was counted, for staff and letters. */
  public String explanation() {
    StringBuilder text = new StringBuilder();
    text.append("自").append(dayWithWeekday(start)).append("起算，当日不计入（《中华人民共和国民法典》第二百零一条），");
    if (workingDays == 0) {
      text.append("期限为0个工作日，于起算日当日24时（北京时间）届满。");
    } else {
      text.append("自次日起计算").append(workingDays).append("个工作日，第").append(workingDays)
          .append("个工作日为").append(dayWithWeekday(due)).append("，期限至该日24时（北京时间）届满。");
    }
    List<String> holidays = runs(SkippedDay.Kind.HOLIDAY).stream()
        .map(run -> run.reason() + "（" + span(run.from(), run.to()) + "）")
        .toList();
    if (!holidays.isEmpty()) {
      text.append("期间遇节假日不计入：").append(String.join("；", holidays)).append("。");
    } else if (workingDays > 0) {
      text.append(provisional ? "期间没有已知的节假日。" : "期间没有节假日。");
    }
    long weekendDays = skipped.stream().filter(day -> day.kind() == SkippedDay.Kind.WEEKEND).count();
    if (weekendDays > 0) {
      text.append("周六、周日共").append(weekendDays).append("日不计入。");
    }
    for (Pause pause : pauses) {
      if (!pause.to().isAfter(start) || pause.from().isAfter(due)) {
        continue; // outside the counted span: changed nothing
      }
      long notCounted = skipped.stream()
          .filter(day -> day.kind() == SkippedDay.Kind.PAUSED && pause.covers(day.date()))
          .count();
      text.append("因").append(pause.reason()).append("，").append(span(pause.from(), pause.to()))
          .append("暂停计算，其间").append(notCounted).append("个工作日不计入。");
    }
    if (!makeUpWorkingDays.isEmpty()) {
      text.append("调休上班日按工作日计算：")
          .append(makeUpWorkingDays.stream()
              .map(day -> day(day.date()) + "（" + weekday(day.date()) + "，" + day.holiday() + "调休上班）")
              .collect(Collectors.joining("、")))
          .append("。");
    }
    if (provisional) {
      text.append(unknownYears.stream().map(year -> year + "年").collect(Collectors.joining("、")))
          .append("的节假日安排尚未载入本系统，该年内暂按周一至周五为工作日计算，本期限为暂定，")
          .append("待国务院办公厅公布的安排载入后重新计算。");
    }
    return text.toString();
  }

  /**
   * A day after the start that was not counted.
   *
   * @param reason in Chinese: 周末, the holiday's name (e.g. 春节), or the pause's reason
   */
  public record SkippedDay(LocalDate date, String reason, Kind kind) {

    /** Why a day was not counted. */
    public enum Kind {
      /** Saturday or Sunday that is not a make-up working day. */
      WEEKEND,
      /** A day off of a public holiday (weekend days inside the holiday included). */
      HOLIDAY,
      /** A working day inside a pause. */
      PAUSED
    }
  }

  private record Run(String reason, LocalDate from, LocalDate to) {}

  /** Consecutive skipped days of one kind and reason, merged into spans. */
  private List<Run> runs(SkippedDay.Kind kind) {
    List<Run> runs = new ArrayList<>();
    for (SkippedDay day : skipped) {
      if (day.kind() != kind) {
        continue;
      }
      Run last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
      if (last != null && last.reason().equals(day.reason()) && last.to().plusDays(1).equals(day.date())) {
        runs.set(runs.size() - 1, new Run(last.reason(), last.from(), day.date()));
      } else {
        runs.add(new Run(day.reason(), day.date(), day.date()));
      }
    }
    return runs;
  }

  static String day(LocalDate date) {
    return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
  }

  static String dayWithWeekday(LocalDate date) {
    return day(date) + "（" + weekday(date) + "）";
  }

  static String weekday(LocalDate date) {
    return "星期" + "一二三四五六日".charAt(date.getDayOfWeek().getValue() - 1);
  }

  /** 2026年10月1日至7日, 2026年9月30日至10月8日, 2026年12月31日至2027年1月3日. */
  static String span(LocalDate from, LocalDate to) {
    if (from.equals(to)) {
      return day(from);
    }
    String end;
    if (from.getYear() != to.getYear()) {
      end = day(to);
    } else if (from.getMonthValue() != to.getMonthValue()) {
      end = to.getMonthValue() + "月" + to.getDayOfMonth() + "日";
    } else {
      end = to.getDayOfMonth() + "日";
    }
    return day(from) + "至" + end;
  }
}

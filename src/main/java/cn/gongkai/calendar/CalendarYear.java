package cn.gongkai.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One year's public holidays and make-up working days (调休上班) as the State Council General Office
 * announced them; format of the files in {@code src/main/resources/calendar/} (see the README there).
 *
 * @param year the year the notices are about
 * @param notices the State Council notices the dates come from
 * @param holidays the holidays in date order, each an unbroken run of days off with its make-up days
 */
public record CalendarYear(int year, List<Notice> notices, List<Holiday> holidays) {

  public CalendarYear {
    notices = List.copyOf(notices);
    holidays = holidays.stream().sorted(Comparator.comparing(Holiday::from)).toList();
  }

  /** Every make-up working day of the year, in date order. */
  public List<MakeUpDay> makeUpWorkingDays() {
    List<MakeUpDay> days = new ArrayList<>();
    for (Holiday holiday : holidays) {
      holiday.makeUpWorkingDays().forEach(day -> days.add(new MakeUpDay(day, holiday.name())));
    }
    days.sort(Comparator.comparing(MakeUpDay::date));
    return List.copyOf(days);
  }

  /**
   * A holiday (节假日): days off from {@code from} to {@code to}, both inclusive and weekends included,
   * and the weekend days worked in exchange for it.
   *
   * @param name the name the notice gives it, e.g. 春节 or 国庆节、中秋节
   */
  public record Holiday(String name, LocalDate from, LocalDate to, List<LocalDate> makeUpWorkingDays) {

    public Holiday {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      makeUpWorkingDays = makeUpWorkingDays.stream().sorted().toList();
    }

    /** Every day off of this holiday, in order. */
    public List<LocalDate> days() {
      return from.datesUntil(to.plusDays(1)).toList();
    }
  }

  /**
   * A State Council General Office notice (国务院办公厅通知) the dates come from.
   *
   * @param title e.g. 国务院办公厅关于2026年部分节假日安排的通知
   * @param number document number (发文字号), e.g. 国办发明电〔2024〕12号; null when not recorded
   * @param issued date of the notice; null when not recorded
   * @param url where it is published; null when not recorded
   */
  public record Notice(String title, String number, LocalDate issued, String url) {}
}

package cn.gongkai.calendar;

import cn.gongkai.GongkaiApplication;
import cn.gongkai.web.BadRequestException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Working-day arithmetic over a fixed set of calendar years (immutable, no Spring): Monday to Friday,
 * minus the holidays, plus the make-up working days. A year without data is unknown: its days follow
 * the weekend rule and every deadline that touches it is provisional (domain README §10.6).
 */
public final class WorkingDays {

  /** Statutory deadlines are Beijing dates and end at 24:00 Beijing time, whatever the server's zone. */
  public static final ZoneId ZONE = ZoneId.of(GongkaiApplication.ZONE);

  /** No statutory period comes near this (about 40 years); larger values are mistakes. */
  static final int MAX_WORKING_DAYS = 10_000;

  /** The first day the arithmetic accepts: gongkai keeps no fact before 2000. */
  public static final LocalDate FIRST_DAY = LocalDate.of(2000, 1, 1);

  /** The last day the arithmetic accepts; beyond it a date is a typing mistake, not a deadline. */
  public static final LocalDate LAST_DAY = LocalDate.of(2100, 12, 31);

  private final Map<Integer, CalendarYear> years;
  private final Map<LocalDate, ListedDay> listed;

  private WorkingDays(Map<Integer, CalendarYear> years) {
    this.years = Collections.unmodifiableMap(new TreeMap<>(years));
    Map<LocalDate, ListedDay> days = new HashMap<>();
    // ascending: a later year's notice wins for the late-December days it reschedules (元旦 bridging)
    for (CalendarYear year : this.years.values()) {
      for (CalendarYear.Holiday holiday : year.holidays()) {
        holiday.days().forEach(day -> days.put(day, new ListedDay(false, holiday.name())));
        holiday.makeUpWorkingDays().forEach(day -> days.put(day, new ListedDay(true, holiday.name())));
      }
    }
    this.listed = Map.copyOf(days);
  }

  /** A calendar knowing exactly these years (a later entry for the same year replaces an earlier one). */
  public static WorkingDays of(Collection<CalendarYear> years) {
    Map<Integer, CalendarYear> byYear = new HashMap<>();
    years.forEach(year -> byYear.put(year.year(), year));
    return new WorkingDays(byYear);
  }

  /** The calendar of the years shipped with gongkai ({@code classpath:calendar/*.json}). */
  public static WorkingDays builtIn() {
    return of(BuiltInYears.read());
  }

  /** A copy of this calendar with {@code year} added or replaced. */
  public WorkingDays with(CalendarYear year) {
    Map<Integer, CalendarYear> copy = new HashMap<>(years);
    copy.put(year.year(), year);
    return new WorkingDays(copy);
  }

  /** Whether the holidays of {@code year} are known. */
  public boolean isKnownYear(int year) {
    return years.containsKey(year);
  }

  /** The years whose holidays are known, ascending. */
  public Set<Integer> knownYears() {
    return Collections.unmodifiableSet(new TreeSet<>(years.keySet()));
  }

  /** The data of a known year. */
  public Optional<CalendarYear> year(int year) {
    return Optional.ofNullable(years.get(year));
  }

  /** Monday to Friday unless a holiday, or a make-up working day; weekend rule in unknown years. */
  public boolean isWorkingDay(LocalDate date) {
    ListedDay day = listed.get(date);
    return day != null ? day.working() : !isWeekend(date);
  }

  /** The holiday a date is a day off or a make-up working day of, if any. */
  public Optional<String> holidayOf(LocalDate date) {
    return Optional.ofNullable(listed.get(date)).map(ListedDay::holiday);
  }

  /** The {@code workingDays}-th working day strictly after {@code start} (民法典第二百零一条). */
  public Deadline deadline(LocalDate start, int workingDays) {
    return deadline(start, workingDays, List.of());
  }

  /**
   * The {@code workingDays}-th working day strictly after {@code start}, not counting the working days
   * inside any of the {@code pauses}: a pause pushes the deadline by exactly the working days it covers
   * (条例第三十三条第三款). Equivalent to {@code deadline(start, workingDays + paused)} where paused is
   * the number of working days of the pauses that fall before the new due date.
   */
  public Deadline deadline(LocalDate start, int workingDays, List<Pause> pauses) {
    if (workingDays < 0 || workingDays > MAX_WORKING_DAYS) {
      throw new BadRequestException("workingDays", "工作日数超出可计算的范围（0—" + MAX_WORKING_DAYS + "）");
    }
    requireInRange(start);
    List<Deadline.SkippedDay> skipped = new ArrayList<>();
    List<MakeUpDay> makeUps = new ArrayList<>();
    Set<Integer> unknown = new TreeSet<>();
    int counted = 0;
    int paused = 0;
    LocalDate day = start;
    while (counted < workingDays) {
      day = day.plusDays(1);
      if (!isKnownYear(day.getYear())) {
        unknown.add(day.getYear());
      }
      ListedDay listedDay = listed.get(day);
      boolean working = listedDay != null ? listedDay.working() : !isWeekend(day);
      if (!working) {
        skipped.add(listedDay != null
            ? new Deadline.SkippedDay(day, listedDay.holiday(), Deadline.SkippedDay.Kind.HOLIDAY)
            : new Deadline.SkippedDay(day, "周末", Deadline.SkippedDay.Kind.WEEKEND));
        continue;
      }
      Pause pause = covering(pauses, day);
      if (pause != null) {
        skipped.add(new Deadline.SkippedDay(day, pause.reason(), Deadline.SkippedDay.Kind.PAUSED));
        paused++;
        continue;
      }
      counted++;
      if (listedDay != null) {
        makeUps.add(new MakeUpDay(day, listedDay.holiday()));
      }
    }
    return new Deadline(start, workingDays, day, !unknown.isEmpty(), skipped, makeUps, pauses, paused,
        List.copyOf(unknown));
  }

  /** Working days after {@code fromExclusive} up to and including {@code toInclusive}; 0 if not after. */
  public int workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive) {
    requireInRange(fromExclusive);
    requireInRange(toInclusive);
    int count = 0;
    for (LocalDate day = fromExclusive.plusDays(1); !day.isAfter(toInclusive); day = day.plusDays(1)) {
      if (isWorkingDay(day)) {
        count++;
      }
    }
    return count;
  }

  /**
   * Refuses a date outside {@link #FIRST_DAY}..{@link #LAST_DAY}, so that no caller can make the day-by-day
   * count run over millennia (a registration dated -9999999-01-01 once stalled the server).
   */
  static void requireInRange(LocalDate date) {
    if (date.isBefore(FIRST_DAY) || date.isAfter(LAST_DAY)) {
      throw new BadRequestException("date", "日期" + date + "超出可计算的范围（" + FIRST_DAY.getYear() + "年至"
          + LAST_DAY.getYear() + "年）");
    }
  }

  /** 24:00 of {@code due} in Asia/Shanghai, i.e. the next day 00:00 +08:00. */
  public static Instant endOf(LocalDate due) {
    return due.plusDays(1).atStartOfDay(ZONE).toInstant();
  }

  static boolean isWeekend(LocalDate date) {
    return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
  }

  private static Pause covering(List<Pause> pauses, LocalDate day) {
    for (Pause pause : pauses) {
      if (pause.covers(day)) {
        return pause;
      }
    }
    return null;
  }

  /** A date the notices name: a day off of a holiday, or a make-up working day. */
  private record ListedDay(boolean working, String holiday) {}
}

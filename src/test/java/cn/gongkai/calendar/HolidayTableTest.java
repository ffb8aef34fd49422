package cn.gongkai.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every day off and every make-up working day of 2025 and 2026, written out from the State Council
 * notices (国办发明电〔2024〕12号; 国务院办公厅关于2026年部分节假日安排的通知, 2025-11-04).
 */
class HolidayTableTest {

  private static final WorkingDays CALENDAR = WorkingDays.builtIn();

  /** date, working?, holiday. */
  static Stream<Arguments> holidaysAndMakeUpDays() {
    return Stream.of(
        // 2025 一、元旦：1月1日（周三）放假1天，不调休
        day("2025-01-01", false, "元旦"),
        // 二、春节：1月28日至2月4日放假调休，共8天；1月26日（周日）、2月8日（周六）上班
        day("2025-01-26", true, "春节"),
        day("2025-01-28", false, "春节"),
        day("2025-01-29", false, "春节"),
        day("2025-01-30", false, "春节"),
        day("2025-01-31", false, "春节"),
        day("2025-02-01", false, "春节"),
        day("2025-02-02", false, "春节"),
        day("2025-02-03", false, "春节"),
        day("2025-02-04", false, "春节"),
        day("2025-02-08", true, "春节"),
        // 三、清明节：4月4日至6日放假，共3天
        day("2025-04-04", false, "清明节"),
        day("2025-04-05", false, "清明节"),
        day("2025-04-06", false, "清明节"),
        // 四、劳动节：5月1日至5日放假调休，共5天；4月27日（周日）上班
        day("2025-04-27", true, "劳动节"),
        day("2025-05-01", false, "劳动节"),
        day("2025-05-02", false, "劳动节"),
        day("2025-05-03", false, "劳动节"),
        day("2025-05-04", false, "劳动节"),
        day("2025-05-05", false, "劳动节"),
        // 五、端午节：5月31日至6月2日放假，共3天
        day("2025-05-31", false, "端午节"),
        day("2025-06-01", false, "端午节"),
        day("2025-06-02", false, "端午节"),
        // 六、国庆节、中秋节：10月1日至8日放假调休，共8天；9月28日（周日）、10月11日（周六）上班
        day("2025-09-28", true, "国庆节、中秋节"),
        day("2025-10-01", false, "国庆节、中秋节"),
        day("2025-10-02", false, "国庆节、中秋节"),
        day("2025-10-03", false, "国庆节、中秋节"),
        day("2025-10-04", false, "国庆节、中秋节"),
        day("2025-10-05", false, "国庆节、中秋节"),
        day("2025-10-06", false, "国庆节、中秋节"),
        day("2025-10-07", false, "国庆节、中秋节"),
        day("2025-10-08", false, "国庆节、中秋节"),
        day("2025-10-11", true, "国庆节、中秋节"),
        // 2026 一、元旦：1月1日至3日放假调休，共3天；1月4日（周日）上班
        day("2026-01-01", false, "元旦"),
        day("2026-01-02", false, "元旦"),
        day("2026-01-03", false, "元旦"),
        day("2026-01-04", true, "元旦"),
        // 二、春节：2月15日至23日放假调休，共9天；2月14日（周六）、2月28日（周六）上班
        day("2026-02-14", true, "春节"),
        day("2026-02-15", false, "春节"),
        day("2026-02-16", false, "春节"),
        day("2026-02-17", false, "春节"),
        day("2026-02-18", false, "春节"),
        day("2026-02-19", false, "春节"),
        day("2026-02-20", false, "春节"),
        day("2026-02-21", false, "春节"),
        day("2026-02-22", false, "春节"),
        day("2026-02-23", false, "春节"),
        day("2026-02-28", true, "春节"),
        // 三、清明节：4月4日至6日放假，共3天
        day("2026-04-04", false, "清明节"),
        day("2026-04-05", false, "清明节"),
        day("2026-04-06", false, "清明节"),
        // 四、劳动节：5月1日至5日放假调休，共5天；5月9日（周六）上班
        day("2026-05-01", false, "劳动节"),
        day("2026-05-02", false, "劳动节"),
        day("2026-05-03", false, "劳动节"),
        day("2026-05-04", false, "劳动节"),
        day("2026-05-05", false, "劳动节"),
        day("2026-05-09", true, "劳动节"),
        // 五、端午节：6月19日至21日放假，共3天
        day("2026-06-19", false, "端午节"),
        day("2026-06-20", false, "端午节"),
        day("2026-06-21", false, "端午节"),
        // 六、中秋节：9月25日至27日放假，共3天
        day("2026-09-25", false, "中秋节"),
        day("2026-09-26", false, "中秋节"),
        day("2026-09-27", false, "中秋节"),
        // 七、国庆节：10月1日至7日放假调休，共7天；9月20日（周日）、10月10日（周六）上班
        day("2026-09-20", true, "国庆节"),
        day("2026-10-01", false, "国庆节"),
        day("2026-10-02", false, "国庆节"),
        day("2026-10-03", false, "国庆节"),
        day("2026-10-04", false, "国庆节"),
        day("2026-10-05", false, "国庆节"),
        day("2026-10-06", false, "国庆节"),
        day("2026-10-07", false, "国庆节"),
        day("2026-10-10", true, "国庆节"));
  }

  @ParameterizedTest(name = "{0}: working={1} ({2})")
  @MethodSource("holidaysAndMakeUpDays")
  void knowsEveryHolidayAndMakeUpDayOf2025And2026(LocalDate date, boolean working, String holiday) {
    // given the built-in calendar, when asked about the day, then it follows the notice
    assertThat(CALENDAR.isWorkingDay(date)).isEqualTo(working);
    assertThat(CALENDAR.holidayOf(date)).contains(holiday);
    if (working) {
      assertThat(WorkingDays.isWeekend(date)).as("a make-up working day is a weekend day").isTrue();
    }
  }

  @Test
  void listsNoOtherDaysIn2025And2026ThanTheTable() {
    // given the table above
    Set<LocalDate> table = new HashSet<>();
    holidaysAndMakeUpDays().forEach(arguments -> table.add((LocalDate) arguments.get()[0]));

    // when collecting every day the built-in 2025 and 2026 files name
    Set<LocalDate> listed = new HashSet<>();
    for (int year : new int[] {2025, 2026}) {
      CalendarYear data = CALENDAR.year(year).orElseThrow();
      data.holidays().forEach(holiday -> {
        listed.addAll(holiday.days());
        listed.addAll(holiday.makeUpWorkingDays());
      });
    }

    // then they are exactly the table
    assertThat(listed).containsExactlyInAnyOrderElementsOf(table);
  }

  @Test
  void treatsOrdinaryDaysByTheWeekendRule() {
    // given ordinary days of 2026, then Monday-Friday work and weekends rest
    assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2026-03-02"))).isTrue(); // Monday
    assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2026-03-06"))).isTrue(); // Friday
    assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2026-03-07"))).isFalse(); // Saturday
    assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2026-03-08"))).isFalse(); // Sunday
    assertThat(CALENDAR.holidayOf(LocalDate.parse("2026-03-07"))).isEmpty();
  }

  private static Arguments day(String date, boolean working, String holiday) {
    return Arguments.of(LocalDate.parse(date), working, holiday);
  }
}

package cn.gongkai.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.TimeZone;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Working-day arithmetic on the built-in calendar (domain README §2). */
class WorkingDaysTest {

  private static final WorkingDays CALENDAR = WorkingDays.builtIn();

  /** A plausible 2027 file in holiday-cn's format (2027 is not published in the data set yet). */
  static final String HOLIDAY_CN_2027 = """
      {"year": 2027, "papers": [],
       "days": [
         {"name": "元旦", "date": "2027-01-01", "isOffDay": true},
         {"name": "元旦", "date": "2027-01-02", "isOffDay": true},
         {"name": "元旦", "date": "2027-01-03", "isOffDay": true},
         {"name": "春节", "date": "2027-02-06", "isOffDay": true},
         {"name": "春节", "date": "2027-02-07", "isOffDay": true},
         {"name": "春节", "date": "2027-02-08", "isOffDay": true},
         {"name": "春节", "date": "2027-02-09", "isOffDay": true},
         {"name": "春节", "date": "2027-02-10", "isOffDay": true},
         {"name": "春节", "date": "2027-02-11", "isOffDay": true},
         {"name": "春节", "date": "2027-02-12", "isOffDay": true},
         {"name": "春节", "date": "2027-02-13", "isOffDay": true},
         {"name": "春节", "date": "2027-02-14", "isOffDay": false}
       ]}
      """;

  @ParameterizedTest(name = "receipt {0}: +7 = {1}, +20 = {2}, +40 = {3}")
  @CsvSource({
      "2025-09-26, 2025-10-13, 2025-10-30, 2025-11-27",
      "2025-12-31, 2026-01-12, 2026-01-29, 2026-03-04",
      "2026-02-10, 2026-02-26, 2026-03-16, 2026-04-14",
      "2026-09-18, 2026-09-29, 2026-10-22, 2026-11-19"})
  void matchesTheWorkedExamplesOfTheDomainReference(LocalDate receipt, LocalDate plus7, LocalDate plus20,
      LocalDate plus40) {
    // given a date of receipt, when counting the correction notice, reply and extended reply periods
    // then the due dates are those of domain README §2, none provisional
    assertThat(CALENDAR.deadline(receipt, 7).due()).isEqualTo(plus7);
    assertThat(CALENDAR.deadline(receipt, 20).due()).isEqualTo(plus20);
    assertThat(CALENDAR.deadline(receipt, 40).due()).isEqualTo(plus40);
    assertThat(CALENDAR.deadline(receipt, 40).provisional()).isFalse();
  }

  @Test
  void countsMakeUpSundayAsWorkingDay() {
    // given a Friday receipt before the 2026 mid-autumn and national-day holidays
    Deadline deadline = CALENDAR.deadline(LocalDate.parse("2026-09-18"), 1);

    // then the first working day is the make-up Sunday 2026-09-20, not Monday
    assertThat(deadline.due()).isEqualTo("2026-09-20");
    assertThat(deadline.makeUpWorkingDays()).containsExactly(new MakeUpDay(LocalDate.parse("2026-09-20"), "国庆节"));
    assertThat(deadline.skipped()).containsExactly(
        new Deadline.SkippedDay(LocalDate.parse("2026-09-19"), "周末", Deadline.SkippedDay.Kind.WEEKEND));
  }

  @Test
  void doesNotCountTheDayOfTheEvent() {
    // given an event on a working day, when counting one working day, then it is the next one
    assertThat(CALENDAR.deadline(LocalDate.parse("2026-03-02"), 1).due()).isEqualTo("2026-03-03");
    // and an event on a Saturday: day 1 is Monday
    assertThat(CALENDAR.deadline(LocalDate.parse("2026-03-07"), 1).due()).isEqualTo("2026-03-09");
  }

  @Test
  void listsEverySkippedDayWithItsReason() {
    // when counting 20 working days from 2026-09-18
    Deadline deadline = CALENDAR.deadline(LocalDate.parse("2026-09-18"), 20);

    // then the mid-autumn festival, the national day holiday and the plain weekends are skipped
    assertThat(deadline.due()).isEqualTo("2026-10-22");
    assertThat(deadline.skipped()).extracting(day -> day.date().toString() + " " + day.reason()).containsExactly(
        "2026-09-19 周末",
        "2026-09-25 中秋节", "2026-09-26 中秋节", "2026-09-27 中秋节",
        "2026-10-01 国庆节", "2026-10-02 国庆节", "2026-10-03 国庆节", "2026-10-04 国庆节",
        "2026-10-05 国庆节", "2026-10-06 国庆节", "2026-10-07 国庆节",
        "2026-10-11 周末",
        "2026-10-17 周末", "2026-10-18 周末");
    assertThat(deadline.makeUpWorkingDays()).extracting(MakeUpDay::date)
        .containsExactly(LocalDate.parse("2026-09-20"), LocalDate.parse("2026-10-10"));
    // and the count adds up: 34 calendar days = 20 counted + 14 skipped
    assertThat(deadline.skipped()).hasSize(34 - 20);
  }

  @Test
  void explainsSkippedHolidaysAndMakeUpDaysInChinese() {
    // when explaining the reply deadline of a request received on 2026-09-18
    String explanation = CALENDAR.deadline(LocalDate.parse("2026-09-18"), 20).explanation();

    // then it names the start, the due day, each holiday span and each make-up day
    assertThat(explanation)
        .contains("自2026年9月18日（星期五）起算，当日不计入")
        .contains("民法典》第二百零一条")
        .contains("第20个工作日为2026年10月22日（星期四）")
        .contains("24时")
        .contains("中秋节（2026年9月25日至27日）")
        .contains("国庆节（2026年10月1日至7日）")
        .contains("周六、周日共4日不计入")
        .contains("2026年9月20日（星期日，国庆节调休上班）")
        .contains("2026年10月10日（星期六，国庆节调休上班）")
        .doesNotContain("暂定");
  }

  @Test
  void explainsAHolidaySpanningTwoMonths() {
    // when a deadline runs through the 2025 national day and mid-autumn holiday (Oct 1-8)
    String explanation = CALENDAR.deadline(LocalDate.parse("2025-09-26"), 20).explanation();

    // then the combined holiday is named as in the notice
    assertThat(explanation).contains("国庆节、中秋节（2025年10月1日至8日）")
        .contains("2025年9月28日（星期日，国庆节、中秋节调休上班）");
  }

  @Test
  void flagsADeadlineReachingIntoAnUnknownYearAsProvisional() {
    // given 2027 is not published: when counting 20 working days from 2026-12-15
    Deadline deadline = CALENDAR.deadline(LocalDate.parse("2026-12-15"), 20);

    // then 2027 follows the weekend rule (2027-01-01, a Friday, counts) and the deadline is provisional
    assertThat(CALENDAR.isKnownYear(2027)).isFalse();
    assertThat(deadline.due()).isEqualTo("2027-01-12");
    assertThat(deadline.provisional()).isTrue();
    assertThat(deadline.unknownYears()).containsExactly(2027);
    assertThat(deadline.explanation()).contains("2027年的节假日安排尚未载入", "暂定");
  }

  @Test
  void flagsASpanThatOnlySkipsDaysOfAnUnknownYearAsProvisional() {
    // given a deadline that ends on Thursday 2026-12-31 from 2026-12-30: no 2027 day is touched
    assertThat(CALENDAR.deadline(LocalDate.parse("2026-12-30"), 1).provisional()).isFalse();
    // when it starts on Thursday 2026-12-31 and reaches Friday 2027-01-01
    assertThat(CALENDAR.deadline(LocalDate.parse("2026-12-31"), 1).provisional()).isTrue();
  }

  @Test
  void loadingTheUnknownYearMovesTheDeadlineAndClearsProvisional() {
    // given a provisional deadline reaching into 2027
    LocalDate start = LocalDate.parse("2026-12-15");
    assertThat(CALENDAR.deadline(start, 20).due()).isEqualTo("2027-01-12");

    // when the 2027 file (holiday-cn format) is loaded
    WorkingDays with2027 = CALENDAR.with(CalendarYearFormat.parse(2027, HOLIDAY_CN_2027));
    Deadline deadline = with2027.deadline(start, 20);

    // then New Year's Day 2027 is skipped: one working day later, and no longer provisional
    assertThat(with2027.isKnownYear(2027)).isTrue();
    assertThat(deadline.due()).isEqualTo("2027-01-13");
    assertThat(deadline.provisional()).isFalse();
    assertThat(deadline.skipped()).extracting(Deadline.SkippedDay::reason).contains("元旦");
    // and the make-up Sunday of the spring festival counts
    assertThat(with2027.isWorkingDay(LocalDate.parse("2027-02-14"))).isTrue();
    // and the original calendar is unchanged (immutable)
    assertThat(CALENDAR.isKnownYear(2027)).isFalse();
  }

  @Test
  void knowsTheYears2018To2026() {
    assertThat(CALENDAR.knownYears()).containsExactlyElementsOf(IntStream.rangeClosed(2018, 2026).boxed().toList());
    assertThat(CALENDAR.isKnownYear(2017)).isFalse();
    assertThat(CALENDAR.isKnownYear(2027)).isFalse();
  }

  @Test
  void appliesANoticeThatReschedulesTheLastDaysOfThePreviousYear() {
    // given the 2019 notice: 元旦 2018-12-30 to 2019-01-01, Saturday 2018-12-29 worked
    assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2018-12-29"))).isTrue();
    assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2018-12-31"))).isFalse();
    assertThat(CALENDAR.holidayOf(LocalDate.parse("2018-12-31"))).contains("元旦");
    // and the 2023 notice: 元旦 from Saturday 2022-12-31
    assertThat(CALENDAR.holidayOf(LocalDate.parse("2022-12-31"))).contains("元旦");
  }

  @Test
  void followsTheExtended2020SpringFestival() {
    // 国办发明电〔2020〕1号 extended the holiday to 2020-02-02; Saturday 2020-02-01 was no longer worked
    assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2020-01-31"))).isFalse();
    assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2020-02-01"))).isFalse();
    assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2020-02-03"))).isTrue();
  }

  @Test
  void countsWorkingDaysBetweenTwoDates() {
    // the 20 working days of the worked example
    assertThat(CALENDAR.workingDaysBetween(LocalDate.parse("2026-09-18"), LocalDate.parse("2026-10-22")))
        .isEqualTo(20);
    // the Spring Festival 2026 week: Saturday 2026-02-14 worked, then nothing until 2026-02-24
    assertThat(CALENDAR.workingDaysBetween(LocalDate.parse("2026-02-13"), LocalDate.parse("2026-02-23")))
        .isEqualTo(1);
    // empty and reversed spans count nothing
    assertThat(CALENDAR.workingDaysBetween(LocalDate.parse("2026-03-02"), LocalDate.parse("2026-03-02"))).isZero();
    assertThat(CALENDAR.workingDaysBetween(LocalDate.parse("2026-03-09"), LocalDate.parse("2026-03-02"))).isZero();
  }

  @Test
  void pushesTheDeadlineByExactlyTheWorkingDaysOfAPause() {
    // given a request received 2026-02-10 (reply due 2026-03-16) and a third-party consultation
    // from 2026-03-02 (letter sent) to 2026-03-06 (answer received): 5 working days
    LocalDate receipt = LocalDate.parse("2026-02-10");
    Pause consultation = new Pause(LocalDate.parse("2026-03-02"), LocalDate.parse("2026-03-06"), "征求第三方意见");

    // when counting the reply deadline with the pause
    Deadline deadline = CALENDAR.deadline(receipt, 20, List.of(consultation));

    // then it moves by those 5 working days, the same as adding them to the count
    assertThat(deadline.pausedWorkingDays()).isEqualTo(5);
    assertThat(deadline.due()).isEqualTo("2026-03-23");
    int paused = CALENDAR.workingDaysBetween(consultation.from().minusDays(1), consultation.to());
    assertThat(CALENDAR.deadline(receipt, 20 + paused).due()).isEqualTo(deadline.due());
    assertThat(deadline.skipped()).filteredOn(day -> day.kind() == Deadline.SkippedDay.Kind.PAUSED)
        .extracting(Deadline.SkippedDay::reason).containsOnly("征求第三方意见").hasSize(5);
    assertThat(deadline.explanation()).contains("因征求第三方意见，2026年3月2日至6日暂停计算，其间5个工作日不计入");
  }

  @Test
  void ignoresAPauseOutsideTheCountedSpan() {
    // a pause that ends before the start changes nothing
    Pause before = new Pause(LocalDate.parse("2026-01-05"), LocalDate.parse("2026-01-09"), "征求第三方意见");
    Deadline deadline = CALENDAR.deadline(LocalDate.parse("2026-09-18"), 20, List.of(before));
    assertThat(deadline.due()).isEqualTo("2026-10-22");
    assertThat(deadline.pausedWorkingDays()).isZero();
    assertThat(deadline.explanation()).doesNotContain("暂停");
  }

  @Test
  void endsADeadlineAtMidnightBeijingTimeWhateverTheServerZone() {
    TimeZone original = TimeZone.getDefault();
    try {
      for (String zone : new String[] {"UTC", "America/Los_Angeles", "Pacific/Kiritimati", "Asia/Shanghai"}) {
        // given the JVM runs in another zone
        TimeZone.setDefault(TimeZone.getTimeZone(zone));
        // then 2026-10-22 ends at 2026-10-23 00:00 +08:00 = 2026-10-22 16:00 UTC
        Deadline deadline = WorkingDays.builtIn().deadline(LocalDate.parse("2026-09-18"), 20);
        assertThat(deadline.due()).as(zone).isEqualTo("2026-10-22");
        assertThat(deadline.endsAt()).as(zone).isEqualTo(Instant.parse("2026-10-22T16:00:00Z"));
        assertThat(WorkingDays.endOf(LocalDate.parse("2026-10-22"))).isEqualTo(Instant.parse("2026-10-22T16:00:00Z"));
      }
    } finally {
      TimeZone.setDefault(original);
    }
  }

  @Test
  void refusesANegativeCount() {
    assertThatThrownBy(() -> CALENDAR.deadline(LocalDate.parse("2026-09-18"), -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void returnsTheStartForZeroWorkingDays() {
    Deadline deadline = CALENDAR.deadline(LocalDate.parse("2026-09-19"), 0);
    assertThat(deadline.due()).isEqualTo("2026-09-19");
    assertThat(deadline.skipped()).isEmpty();
  }

  @Test
  void refusesToCountFromADateOutsideTheSaneWindowInsteadOfLoopingForMinutes() {
    // a registration once dated -9999999-01-01 made every overview count billions of days one by one
    for (LocalDate absurd : new LocalDate[] {LocalDate.of(-9_999_999, 1, 1), LocalDate.MIN, LocalDate.of(1999, 12, 31),
        LocalDate.of(2101, 1, 1), LocalDate.MAX}) {
      assertThatThrownBy(() -> CALENDAR.deadline(absurd, 20))
          .as(absurd.toString()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("超出可计算的范围");
      assertThatThrownBy(() -> CALENDAR.workingDaysBetween(absurd, LocalDate.parse("2026-11-25")))
          .as(absurd.toString()).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> CALENDAR.workingDaysBetween(LocalDate.parse("2026-11-25"), absurd))
          .as(absurd.toString()).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void countsAcrossTheWholeWindow() {
    assertThat(CALENDAR.deadline(LocalDate.parse("2000-01-01"), 1).due()).isEqualTo("2000-01-03");
    assertThat(CALENDAR.workingDaysBetween(LocalDate.parse("2000-01-01"), LocalDate.parse("2100-12-31")))
        .isGreaterThan(25_000);
  }
}

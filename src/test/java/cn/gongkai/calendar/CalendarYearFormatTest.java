package cn.gongkai.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.gongkai.web.BadRequestException;
import cn.gongkai.web.BadRequestException.FieldProblem;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Reading, checking and writing a year's calendar file in both accepted formats. */
class CalendarYearFormatTest {

  @Test
  void readsTheHolidayCnFormat() {
    // when reading a holiday-cn file
    CalendarYear year = CalendarYearFormat.parse(2027, WorkingDaysTest.HOLIDAY_CN_2027);

    // then consecutive days off with one name form a holiday, and make-up days join their holiday
    assertThat(year.year()).isEqualTo(2027);
    assertThat(year.holidays()).containsExactly(
        new CalendarYear.Holiday("元旦", date("2027-01-01"), date("2027-01-03"), List.of()),
        new CalendarYear.Holiday("春节", date("2027-02-06"), date("2027-02-13"), List.of(date("2027-02-14"))));
    assertThat(year.makeUpWorkingDays()).containsExactly(new MakeUpDay(date("2027-02-14"), "春节"));
  }

  @Test
  void readsTheOwnFormatAndWritesItBackUnchanged() {
    // given a file in gongkai's own format
    String own = """
        {"year": 2027,
         "notices": [{"title": "国务院办公厅关于2027年部分节假日安排的通知", "number": "国办发明电〔2026〕1号",
                      "issued": "2026-11-01", "url": "https://www.gov.cn/example"}],
         "holidays": [
           {"name": "元旦", "from": "2027-01-01", "to": "2027-01-03", "makeUpWorkingDays": []},
           {"name": "劳动节", "from": "2027-05-01", "to": "2027-05-05", "makeUpWorkingDays": ["2027-04-24"]}
         ]}
        """;

    // when reading it, writing it and reading it again
    CalendarYear year = CalendarYearFormat.parse(2027, own);
    CalendarYear again = CalendarYearFormat.parse(2027, CalendarYearFormat.write(year));

    // then nothing is lost
    assertThat(again).isEqualTo(year);
    assertThat(year.notices()).containsExactly(new CalendarYear.Notice("国务院办公厅关于2027年部分节假日安排的通知",
        "国办发明电〔2026〕1号", date("2026-11-01"), "https://www.gov.cn/example"));
    assertThat(year.holidays().get(1).makeUpWorkingDays()).containsExactly(date("2027-04-24"));
  }

  @Test
  void readsEveryBuiltInYear() {
    // the built-in files pass the same checks as a loaded file
    assertThat(BuiltInYears.read()).extracting(CalendarYear::year)
        .containsExactlyInAnyOrder(2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026);
    assertThat(BuiltInYears.read()).allSatisfy(year -> assertThat(year.notices()).isNotEmpty());
  }

  static Stream<Arguments> malformedFiles() {
    return Stream.of(
        refused("not JSON", "{\"year\": 2027, ", "body", "不是有效的 JSON"),
        refused("empty", "  ", "body", "为空"),
        refused("not an object", "[]", "body", "JSON 对象"),
        refused("no year", "{\"days\": []}", "year", "缺少年份"),
        refused("year not a number", "{\"year\": \"明年\", \"days\": []}", "year", "四位整数"),
        refused("another year", holidayCn(2026, "{\"name\": \"元旦\", \"date\": \"2026-01-01\", \"isOffDay\": true}"),
            "year", "与要载入的年份 2027 不一致"),
        refused("unknown format", "{\"year\": 2027, \"dates\": []}", "body", "无法识别的日历格式"),
        refused("both formats", "{\"year\": 2027, \"days\": [], \"holidays\": []}", "body", "不能同时包含"),
        refused("the published placeholder with no days", holidayCn(2027, ""), "days", "没有列出任何节假日"),
        refused("date in another year", holidayCn(2027, "{\"name\": \"劳动节\", \"date\": \"2026-05-01\", \"isOffDay\": true}"),
            "days", "不在2027年内"),
        refused("date both off and working", holidayCn(2027,
                "{\"name\": \"元旦\", \"date\": \"2027-01-01\", \"isOffDay\": true},"
                    + "{\"name\": \"元旦\", \"date\": \"2027-01-01\", \"isOffDay\": false}"),
            "days[1].date", "同时被列为休息日和上班日"),
        refused("make-up day on a Monday", holidayCn(2027,
                "{\"name\": \"元旦\", \"date\": \"2027-01-01\", \"isOffDay\": true},"
                    + "{\"name\": \"元旦\", \"date\": \"2027-01-04\", \"isOffDay\": false}"),
            "days", "只能是周六或周日"),
        refused("make-up day without its holiday", holidayCn(2027,
                "{\"name\": \"元旦\", \"date\": \"2027-01-01\", \"isOffDay\": true},"
                    + "{\"name\": \"国庆节\", \"date\": \"2027-09-25\", \"isOffDay\": false}"),
            "days[1].name", "没有列出放假日期"),
        refused("unparsable date", holidayCn(2027, "{\"name\": \"元旦\", \"date\": \"2027-13-01\", \"isOffDay\": true}"),
            "days[0].date", "格式不正确"),
        refused("isOffDay missing", holidayCn(2027, "{\"name\": \"元旦\", \"date\": \"2027-01-01\"}"),
            "days[0].isOffDay", "isOffDay"),
        refused("name missing", holidayCn(2027, "{\"date\": \"2027-01-01\", \"isOffDay\": true}"),
            "days[0].name", "缺少节日名称"),
        refused("holiday ends before it starts",
            own("{\"name\": \"元旦\", \"from\": \"2027-01-03\", \"to\": \"2027-01-01\"}"),
            "holidays[0].to", "早于开始日期"),
        refused("holiday of a month", own("{\"name\": \"春节\", \"from\": \"2027-02-01\", \"to\": \"2027-03-02\"}"),
            "holidays", "超过15天"),
        refused("overlapping holidays", own(
                "{\"name\": \"元旦\", \"from\": \"2027-01-01\", \"to\": \"2027-01-03\"},"
                    + "{\"name\": \"春节\", \"from\": \"2027-01-03\", \"to\": \"2027-01-05\"}"),
            "holidays", "同时属于“元旦”和“春节”两个假期"),
        refused("make-up day inside its holiday", own(
                "{\"name\": \"春节\", \"from\": \"2027-02-06\", \"to\": \"2027-02-14\","
                    + " \"makeUpWorkingDays\": [\"2027-02-14\"]}"),
            "holidays", "同时被列为休息日"),
        refused("make-up day far from its holiday", own(
                "{\"name\": \"元旦\", \"from\": \"2027-01-01\", \"to\": \"2027-01-03\","
                    + " \"makeUpWorkingDays\": [\"2027-09-25\"]}"),
            "holidays", "超过31天"),
        refused("holidays not a list", "{\"year\": 2027, \"holidays\": {}}", "holidays", "应是数组"),
        refused("notice with a bad address", "{\"year\": 2027, \"notices\": [{\"title\": \"通知\", \"url\": \"gov.cn\"}],"
            + " \"holidays\": [{\"name\": \"元旦\", \"from\": \"2027-01-01\", \"to\": \"2027-01-01\"}]}",
            "notices[0].url", "http"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedFiles")
  void refusesAMalformedYearFileNamingTheProblemInChinese(String scenario, String json, String field,
      String message) {
    // when loading a malformed file
    BadRequestException refused = catchThrowableOfType(BadRequestException.class,
        () -> CalendarYearFormat.parse(2027, json));

    // then it is refused, naming the field and the problem in Chinese
    assertThat(refused).as(scenario).isNotNull();
    assertThat(refused.problems()).as(scenario).anySatisfy(problem -> {
      assertThat(problem.field()).isEqualTo(field);
      assertThat(problem.message()).contains(message);
    });
    assertThat(refused.problems()).extracting(FieldProblem::message).allMatch(text -> text.matches(".*\\p{IsHan}.*"));
  }

  @Test
  void reportsEveryProblemOfAFileAtOnce() {
    // given a file with two unrelated mistakes
    String json = holidayCn(2027,
        "{\"name\": \"元旦\", \"date\": \"2027-01-32\", \"isOffDay\": true},"
            + "{\"name\": \"春节\", \"date\": \"2027-02-06\", \"isOffDay\": \"yes\"}");

    // then both are named
    BadRequestException refused = catchThrowableOfType(BadRequestException.class,
        () -> CalendarYearFormat.parse(2027, json));
    assertThat(refused.problems()).extracting(FieldProblem::field).containsExactly("days[0].date", "days[1].isOffDay");
  }

  private static Arguments refused(String scenario, String json, String field, String message) {
    return Arguments.of(scenario, json, field, message);
  }

  private static String holidayCn(int year, String days) {
    return "{\"year\": " + year + ", \"papers\": [], \"days\": [" + days + "]}";
  }

  private static String own(String holidays) {
    return "{\"year\": 2027, \"notices\": [], \"holidays\": [" + holidays + "]}";
  }

  private static LocalDate date(String text) {
    return LocalDate.parse(text);
  }
}

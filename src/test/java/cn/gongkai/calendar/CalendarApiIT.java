package cn.gongkai.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.gongkai.web.BadRequestException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The calendar API over HTTP with the demo users, and loading a year into the running application.
 * Loads only data that changes no deadline (2026 as published; a rolled-back 2017), since the
 * Spring context is shared with other tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@RecordApplicationEvents
class CalendarApiIT {

  /** 2026 as the State Council published it, in holiday-cn's format. */
  private static final String HOLIDAY_CN_2026 = holidayCn2026();

  @Autowired
  TestRestTemplate rest;

  @Autowired
  WorkingDayCalendar calendar;

  @Autowired
  CalendarYearStore store;

  @Autowired
  ApplicationEventPublisher publisher;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  TransactionTemplate transactions;

  @Autowired
  ApplicationEvents events;

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void computesTheReplyDeadlineOfTheWorkedExample() throws Exception {
    // when intake staff ask for 20 working days from Friday 2026-09-18
    ResponseEntity<String> response = rest.withBasicAuth("intake", "demo")
        .getForEntity("/api/calendar/deadline?start=2026-09-18&workingDays=20", String.class);

    // then the deadline is Thursday 2026-10-22, with the holidays and make-up days shown
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode body = json.readTree(response.getBody());
    assertThat(body.get("start").asText()).isEqualTo("2026-09-18");
    assertThat(body.get("workingDays").asInt()).isEqualTo(20);
    assertThat(body.get("due").asText()).isEqualTo("2026-10-22");
    assertThat(body.get("endsAt").asText()).isEqualTo("2026-10-23T00:00+08:00");
    assertThat(body.get("provisional").asBoolean()).isFalse();
    assertThat(texts(body.get("skipped"), "date")).contains("2026-09-19", "2026-09-25", "2026-10-01", "2026-10-07");
    assertThat(body.get("skipped").get(1).get("reason").asText()).isEqualTo("中秋节");
    assertThat(texts(body.get("makeUpWorkingDays"), "date")).containsExactly("2026-09-20", "2026-10-10");
    assertThat(texts(body.get("makeUpWorkingDays"), "holiday")).containsExactly("国庆节", "国庆节");
    assertThat(body.get("explanation").asText()).contains("国庆节（2026年10月1日至7日）");
  }

  @Test
  void flagsADeadlineIntoAnUnpublishedYearAsProvisional() throws Exception {
    JsonNode body = json.readTree(rest.withBasicAuth("intake", "demo")
        .getForObject("/api/calendar/deadline?start=2026-12-15&workingDays=20", String.class));
    assertThat(body.get("due").asText()).isEqualTo("2027-01-12");
    assertThat(body.get("provisional").asBoolean()).isTrue();
    assertThat(body.get("unknownYears").get(0).asInt()).isEqualTo(2027);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "missing start            | workingDays=20                        | start",
      "unparsable start         | start=2026-13-45&workingDays=20       | start",
      "start not a date         | start=下周一&workingDays=20             | start",
      "missing workingDays      | start=2026-09-18                      | workingDays",
      "workingDays not a number | start=2026-09-18&workingDays=twenty   | workingDays",
      "negative workingDays     | start=2026-09-18&workingDays=-5       | workingDays",
      "zero workingDays         | start=2026-09-18&workingDays=0        | workingDays",
      "absurd workingDays       | start=2026-09-18&workingDays=367      | workingDays"})
  void refusesABadDeadlineQueryWithTheFieldAndAChineseMessage(String scenario, String query, String field)
      throws Exception {
    // when asking with a missing or bad parameter
    ResponseEntity<String> response = rest.withBasicAuth("intake", "demo")
        .getForEntity("/api/calendar/deadline?" + query, String.class);

    // then 400 names the field, in Chinese
    assertThat(response.getStatusCode()).as(scenario).isEqualTo(HttpStatus.BAD_REQUEST);
    JsonNode error = json.readTree(response.getBody()).get("errors").get(0);
    assertThat(error.get("field").asText()).as(scenario).isEqualTo(field);
    assertThat(error.get("message").asText()).as(scenario).matches(".*\\p{IsHan}.*");
  }

  @Test
  void showsTheNonStandardDaysOfAKnownYear() throws Exception {
    // when anyone signed in asks for 2026
    JsonNode body = json.readTree(rest.withBasicAuth("intake", "demo").getForObject("/api/calendar/2026", String.class));

    // then the seven holidays and every listed day are shown with their names
    assertThat(body.get("known").asBoolean()).isTrue();
    assertThat(texts(body.get("holidays"), "name"))
        .containsExactly("元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节");
    // (the built-in notice, or the paper of the holiday-cn file another test may have loaded)
    assertThat(body.get("notices").get(0).get("url").asText()).contains("content_7047091");
    JsonNode october10 = find(body.get("days"), "2026-10-10");
    assertThat(october10.get("working").asBoolean()).isTrue();
    assertThat(october10.get("holiday").asText()).isEqualTo("国庆节");
    assertThat(october10.get("weekday").asText()).isEqualTo("星期六");
    assertThat(find(body.get("days"), "2026-02-17").get("type").asText()).isEqualTo("放假");
  }

  @Test
  void saysWhenAYearIsUnknown() throws Exception {
    JsonNode body = json.readTree(rest.withBasicAuth("intake", "demo").getForObject("/api/calendar/2027", String.class));
    assertThat(body.get("known").asBoolean()).isFalse();
    assertThat(body.get("days")).isEmpty();
    assertThat(body.get("note").asText()).contains("暂定");
  }

  @Test
  void refusesAYearThatIsNotAYear() {
    ResponseEntity<String> response = rest.withBasicAuth("intake", "demo").getForEntity("/api/calendar/twenty", String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
  }

  @Test
  void letsOnlyAnAdministratorLoadAYear() {
    // when intake staff try to load a year
    ResponseEntity<String> response = put("intake", "/api/calendar/2026", HOLIDAY_CN_2026);

    // then 403
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void loadsAYearInTheHolidayCnFormat() throws Exception {
    // when the administrator loads 2026 as published, in holiday-cn's format
    ResponseEntity<String> response = put("admin", "/api/calendar/2026", HOLIDAY_CN_2026);

    // then it is stored, shown as loaded by admin, and deadlines are unchanged
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode body = json.readTree(response.getBody());
    assertThat(body.get("source").asText()).isEqualTo("loaded");
    assertThat(body.get("loadedBy").asText()).isEqualTo("admin");
    assertThat(body.get("holidays")).hasSize(7);
    assertThat(jdbc.sql("SELECT loaded_by FROM gk_calendar_year WHERE cal_year = 2026").query(String.class).single())
        .isEqualTo("admin");
    assertThat(calendar.deadline(LocalDate.parse("2026-09-18"), 20).due()).isEqualTo("2026-10-22");
  }

  @Test
  void refusesAMalformedYearFile() throws Exception {
    // when the administrator loads a file whose make-up day is a Monday
    String file = "{\"year\": 2027, \"papers\": [], \"days\": ["
        + "{\"name\": \"元旦\", \"date\": \"2027-01-01\", \"isOffDay\": true},"
        + "{\"name\": \"元旦\", \"date\": \"2027-01-04\", \"isOffDay\": false}]}";
    ResponseEntity<String> response = put("admin", "/api/calendar/2027", file);

    // then 400 says why, and 2027 stays unknown
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    JsonNode error = json.readTree(response.getBody()).get("errors").get(0);
    assertThat(error.get("field").asText()).isEqualTo("days");
    assertThat(error.get("message").asText()).contains("2027-01-04", "周六或周日");
    assertThat(calendar.isKnownYear(2027)).isFalse();

    // and a file that is not JSON, or none at all, is refused the same way
    assertThat(put("admin", "/api/calendar/2027", "{\"year\": 2027,").getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(put("admin", "/api/calendar/2027", "").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
  }

  @Test
  void asksForCredentials() {
    // without credentials the API answers 401
    assertThat(rest.getForEntity("/api/calendar/deadline?start=2026-09-18&workingDays=20", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.exchange("/api/calendar/2026", HttpMethod.PUT, new HttpEntity<>(HOLIDAY_CN_2026, jsonHeaders()),
        String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void publishesAnEventAndKeepsTheYearAcrossARestart() {
    // when a year is loaded through the service
    calendar.load(2026, HOLIDAY_CN_2026, "admin");

    // then the case module hears of it
    assertThat(events.stream(CalendarYearLoaded.class)).contains(new CalendarYearLoaded(2026, "admin"));

    // and a calendar started afresh from the database knows it was loaded
    WorkingDayCalendar restarted = new WorkingDayCalendar(store, publisher);
    assertThat(restarted.loadRecord(2026)).hasValueSatisfying(record ->
        assertThat(record.loadedBy()).isEqualTo("admin"));
    assertThat(restarted.year(2026)).isEqualTo(calendar.year(2026));
  }

  @Test
  void forgetsAYearWhoseLoadingWasRolledBack() {
    // given a small 2017 file, loaded in a transaction that rolls back (e.g. a listener failed)
    String file = "{\"year\": 2017, \"papers\": [], \"days\": ["
        + "{\"name\": \"元旦\", \"date\": \"2017-01-01\", \"isOffDay\": true},"
        + "{\"name\": \"元旦\", \"date\": \"2017-01-02\", \"isOffDay\": true}]}";
    transactions.executeWithoutResult(status -> {
      calendar.load(2017, file, "admin");
      assertThat(calendar.isKnownYear(2017)).isTrue();
      status.setRollbackOnly();
    });

    // then neither the database nor the calendar keeps it
    assertThat(jdbc.sql("SELECT COUNT(*) FROM gk_calendar_year WHERE cal_year = 2017").query(Integer.class).single())
        .isZero();
    assertThat(calendar.isKnownYear(2017)).isFalse();
  }

  @Test
  void refusesAMalformedFileThroughTheServiceToo() {
    BadRequestException refused = catchThrowableOfType(BadRequestException.class,
        () -> calendar.load(2027, "{\"year\": 2026, \"days\": []}", "admin"));
    assertThat(refused.problems().get(0).field()).isEqualTo("year");
    assertThat(calendar.isKnownYear(2027)).isFalse();
  }

  private ResponseEntity<String> put(String user, String path, String body) {
    return rest.withBasicAuth(user, "demo")
        .exchange(path, HttpMethod.PUT, new HttpEntity<>(body, jsonHeaders()), String.class);
  }

  private static HttpHeaders jsonHeaders() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return headers;
  }

  private static List<String> texts(JsonNode array, String field) {
    List<String> values = new ArrayList<>();
    array.forEach(node -> values.add(node.get(field).asText()));
    return values;
  }

  private static JsonNode find(JsonNode days, String date) {
    for (JsonNode day : days) {
      if (day.get("date").asText().equals(date)) {
        return day;
      }
    }
    throw new AssertionError("no day " + date);
  }

  private static String holidayCn2026() {
    String[][] days = {
        {"元旦", "2026-01-01", "true"}, {"元旦", "2026-01-02", "true"}, {"元旦", "2026-01-03", "true"},
        {"元旦", "2026-01-04", "false"},
        {"春节", "2026-02-14", "false"}, {"春节", "2026-02-15", "true"}, {"春节", "2026-02-16", "true"},
        {"春节", "2026-02-17", "true"}, {"春节", "2026-02-18", "true"}, {"春节", "2026-02-19", "true"},
        {"春节", "2026-02-20", "true"}, {"春节", "2026-02-21", "true"}, {"春节", "2026-02-22", "true"},
        {"春节", "2026-02-23", "true"}, {"春节", "2026-02-28", "false"},
        {"清明节", "2026-04-04", "true"}, {"清明节", "2026-04-05", "true"}, {"清明节", "2026-04-06", "true"},
        {"劳动节", "2026-05-01", "true"}, {"劳动节", "2026-05-02", "true"}, {"劳动节", "2026-05-03", "true"},
        {"劳动节", "2026-05-04", "true"}, {"劳动节", "2026-05-05", "true"}, {"劳动节", "2026-05-09", "false"},
        {"端午节", "2026-06-19", "true"}, {"端午节", "2026-06-20", "true"}, {"端午节", "2026-06-21", "true"},
        {"国庆节", "2026-09-20", "false"},
        {"中秋节", "2026-09-25", "true"}, {"中秋节", "2026-09-26", "true"}, {"中秋节", "2026-09-27", "true"},
        {"国庆节", "2026-10-01", "true"}, {"国庆节", "2026-10-02", "true"}, {"国庆节", "2026-10-03", "true"},
        {"国庆节", "2026-10-04", "true"}, {"国庆节", "2026-10-05", "true"}, {"国庆节", "2026-10-06", "true"},
        {"国庆节", "2026-10-07", "true"}, {"国庆节", "2026-10-10", "false"}};
    StringBuilder text = new StringBuilder(
        "{\"year\": 2026, \"papers\": [\"https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm\"], \"days\": [");
    for (int i = 0; i < days.length; i++) {
      text.append(i == 0 ? "" : ",").append("{\"name\": \"").append(days[i][0]).append("\", \"date\": \"")
          .append(days[i][1]).append("\", \"isOffDay\": ").append(days[i][2]).append("}");
    }
    return text.append("]}").toString();
  }
}

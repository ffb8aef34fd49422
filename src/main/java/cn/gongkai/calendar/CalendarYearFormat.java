package cn.gongkai.calendar;

import cn.gongkai.web.BadRequestException;
import cn.gongkai.web.BadRequestException.FieldProblem;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads and writes a year's calendar: gongkai's own format ({@code holidays}, see
 * {@code src/main/resources/calendar/README.md}) and the holiday-cn format ({@code days} with
 * {@code isOffDay}); checks that the data is sensible, refusing it with Chinese messages otherwise.
 */
final class CalendarYearFormat {

  static final int FIRST_YEAR = 2000;
  static final int LAST_YEAR = 2099;
  /** The longest national holiday so far was the extended 2020 Spring Festival: 10 days. */
  static final int MAX_HOLIDAY_DAYS = 15;
  /** Make-up days lie next to their holiday (at most a week or two away in every notice so far). */
  static final int MAX_MAKE_UP_DISTANCE_DAYS = 31;
  /** A notice may reschedule the last days of the previous year (元旦 2019 began on 2018-12-30). */
  static final MonthDay EARLIEST_DAY_OF_PREVIOUS_YEAR = MonthDay.of(12, 18);
  static final int MAX_TEXT_LENGTH = 200_000;

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private CalendarYearFormat() {}

  /** Parses and checks a year's file in either format; throws {@link BadRequestException} naming each problem. */
  static CalendarYear parse(int expectedYear, String text) {
    if (text == null || text.isBlank()) {
      throw new BadRequestException("body", "日历文件为空");
    }
    if (text.length() > MAX_TEXT_LENGTH) {
      throw new BadRequestException("body", "日历文件过大（超过" + MAX_TEXT_LENGTH + "个字符）");
    }
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : "（第" + at.getLineNr() + "行第" + at.getColumnNr() + "列附近）";
      throw new BadRequestException("body", "日历文件不是有效的 JSON" + where);
    }
    if (root == null || !root.isObject()) {
      throw new BadRequestException("body", "日历文件应是一个 JSON 对象");
    }
    Problems problems = new Problems();
    Integer year = year(root, expectedYear, problems);
    boolean own = root.has("holidays");
    boolean holidayCn = root.has("days");
    if (own && holidayCn) {
      problems.add("body", "不能同时包含 holidays（本项目格式）和 days（holiday-cn 格式）");
    } else if (!own && !holidayCn) {
      problems.add("body", "无法识别的日历格式：应包含 holidays（本项目格式）或 days（holiday-cn 格式）");
    }
    problems.throwIfAny();
    CalendarYear calendarYear = own ? readOwn(root, year, problems) : readHolidayCn(root, year, problems);
    problems.throwIfAny();
    check(calendarYear, own ? "holidays" : "days", problems);
    problems.throwIfAny();
    return calendarYear;
  }

  /** The year in gongkai's own format, as stored in the database. */
  static String write(CalendarYear year) {
    ObjectNode root = JSON.createObjectNode();
    root.put("year", year.year());
    ArrayNode notices = root.putArray("notices");
    for (CalendarYear.Notice notice : year.notices()) {
      ObjectNode node = notices.addObject();
      putIfPresent(node, "title", notice.title());
      putIfPresent(node, "number", notice.number());
      putIfPresent(node, "issued", notice.issued() == null ? null : notice.issued().toString());
      putIfPresent(node, "url", notice.url());
    }
    ArrayNode holidays = root.putArray("holidays");
    for (CalendarYear.Holiday holiday : year.holidays()) {
      ObjectNode node = holidays.addObject();
      node.put("name", holiday.name());
      node.put("from", holiday.from().toString());
      node.put("to", holiday.to().toString());
      ArrayNode makeUps = node.putArray("makeUpWorkingDays");
      holiday.makeUpWorkingDays().forEach(day -> makeUps.add(day.toString()));
    }
    try {
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write calendar year " + year.year(), e);
    }
  }

  private static Integer year(JsonNode root, int expectedYear, Problems problems) {
    JsonNode node = root.get("year");
    if (node == null || node.isNull()) {
      problems.add("year", "缺少年份 year");
      return null;
    }
    int year;
    if (node.isIntegralNumber() && node.canConvertToInt()) {
      year = node.asInt();
    } else if (node.isTextual() && node.asText().trim().matches("\\d{4}")) {
      year = Integer.parseInt(node.asText().trim());
    } else {
      problems.add("year", "年份应是四位整数，例如 " + expectedYear);
      return null;
    }
    if (year != expectedYear) {
      problems.add("year", "文件中的年份 " + year + " 与要载入的年份 " + expectedYear + " 不一致");
      return null;
    }
    if (year < FIRST_YEAR || year > LAST_YEAR) {
      problems.add("year", "年份超出支持的范围（" + FIRST_YEAR + "—" + LAST_YEAR + "年）");
      return null;
    }
    return year;
  }

  private static CalendarYear readOwn(JsonNode root, int year, Problems problems) {
    List<CalendarYear.Notice> notices = new ArrayList<>();
    JsonNode noticeNodes = root.get("notices");
    if (noticeNodes != null && !noticeNodes.isNull()) {
      if (!noticeNodes.isArray()) {
        problems.add("notices", "notices 应是数组");
      } else {
        for (int i = 0; i < noticeNodes.size(); i++) {
          String path = "notices[" + i + "]";
          JsonNode node = noticeNodes.get(i);
          if (!node.isObject()) {
            problems.add(path, "应是一个对象（title、number、issued、url）");
            continue;
          }
          String title = text(node, "title", path, problems);
          String number = text(node, "number", path, problems);
          String url = url(node.get("url"), path + ".url", problems);
          LocalDate issued = node.hasNonNull("issued") ? date(node.get("issued"), path + ".issued", problems) : null;
          if (title == null && url == null) {
            problems.add(path, "通知至少要有标题 title 或网址 url");
          }
          notices.add(new CalendarYear.Notice(title, number, issued, url));
        }
      }
    }
    List<CalendarYear.Holiday> holidays = new ArrayList<>();
    JsonNode holidayNodes = root.get("holidays");
    if (!holidayNodes.isArray()) {
      problems.add("holidays", "holidays 应是数组");
      return new CalendarYear(year, notices, holidays);
    }
    for (int i = 0; i < holidayNodes.size(); i++) {
      String path = "holidays[" + i + "]";
      JsonNode node = holidayNodes.get(i);
      if (!node.isObject()) {
        problems.add(path, "应是一个对象（name、from、to、makeUpWorkingDays）");
        continue;
      }
      String name = requiredName(node, path, problems);
      LocalDate from = requiredDate(node, "from", path, problems);
      LocalDate to = requiredDate(node, "to", path, problems);
      List<LocalDate> makeUps = new ArrayList<>();
      JsonNode makeUpNodes = node.get("makeUpWorkingDays");
      if (makeUpNodes != null && !makeUpNodes.isNull()) {
        if (!makeUpNodes.isArray()) {
          problems.add(path + ".makeUpWorkingDays", "makeUpWorkingDays 应是日期数组");
        } else {
          for (int j = 0; j < makeUpNodes.size(); j++) {
            LocalDate day = date(makeUpNodes.get(j), path + ".makeUpWorkingDays[" + j + "]", problems);
            if (day != null) {
              makeUps.add(day);
            }
          }
        }
      }
      if (name != null && from != null && to != null) {
        if (to.isBefore(from)) {
          problems.add(path + ".to", name + "的结束日期 " + to + " 早于开始日期 " + from);
          continue;
        }
        holidays.add(new CalendarYear.Holiday(name, from, to, makeUps));
      }
    }
    return new CalendarYear(year, notices, holidays);
  }

  /** holiday-cn: {"year":..,"papers":[url..],"days":[{"name","date","isOffDay"}..]}. */
  private static CalendarYear readHolidayCn(JsonNode root, int year, Problems problems) {
    List<CalendarYear.Notice> notices = new ArrayList<>();
    JsonNode papers = root.get("papers");
    if (papers != null && !papers.isNull()) {
      if (!papers.isArray()) {
        problems.add("papers", "papers 应是网址数组");
      } else {
        for (int i = 0; i < papers.size(); i++) {
          String url = url(papers.get(i), "papers[" + i + "]", problems);
          if (url != null) {
            notices.add(new CalendarYear.Notice(null, null, null, url));
          }
        }
      }
    }
    JsonNode days = root.get("days");
    if (!days.isArray()) {
      problems.add("days", "days 应是数组");
      return new CalendarYear(year, notices, List.of());
    }
    Map<LocalDate, Listed> byDate = new TreeMap<>();
    for (int i = 0; i < days.size(); i++) {
      String path = "days[" + i + "]";
      JsonNode node = days.get(i);
      if (!node.isObject()) {
        problems.add(path, "应是一个对象（name、date、isOffDay）");
        continue;
      }
      String name = requiredName(node, path, problems);
      LocalDate date = requiredDate(node, "date", path, problems);
      JsonNode off = node.get("isOffDay");
      if (off == null || !off.isBoolean()) {
        problems.add(path + ".isOffDay", "isOffDay 应为 true（休息）或 false（调休上班）");
      }
      if (name == null || date == null || off == null || !off.isBoolean()) {
        continue;
      }
      Listed earlier = byDate.get(date);
      if (earlier != null) {
        problems.add(path + ".date", earlier.off() != off.asBoolean()
            ? date + " 同时被列为休息日和上班日"
            : date + " 重复列出");
        continue;
      }
      byDate.put(date, new Listed(name, off.asBoolean(), path));
    }
    // days off with the same name on consecutive dates form one holiday
    List<String> names = new ArrayList<>();
    List<LocalDate[]> spans = new ArrayList<>();
    for (Map.Entry<LocalDate, Listed> entry : byDate.entrySet()) {
      if (!entry.getValue().off()) {
        continue;
      }
      int last = spans.size() - 1;
      if (last >= 0 && names.get(last).equals(entry.getValue().name())
          && spans.get(last)[1].plusDays(1).equals(entry.getKey())) {
        spans.get(last)[1] = entry.getKey();
      } else {
        names.add(entry.getValue().name());
        spans.add(new LocalDate[] {entry.getKey(), entry.getKey()});
      }
    }
    List<List<LocalDate>> makeUps = new ArrayList<>();
    spans.forEach(span -> makeUps.add(new ArrayList<>()));
    for (Map.Entry<LocalDate, Listed> entry : byDate.entrySet()) {
      if (entry.getValue().off()) {
        continue;
      }
      LocalDate day = entry.getKey();
      int nearest = -1;
      long nearestDistance = Long.MAX_VALUE;
      for (int i = 0; i < spans.size(); i++) {
        if (names.get(i).equals(entry.getValue().name())) {
          long distance = distance(day, spans.get(i)[0], spans.get(i)[1]);
          if (distance < nearestDistance) {
            nearest = i;
            nearestDistance = distance;
          }
        }
      }
      if (nearest < 0) {
        problems.add(entry.getValue().path() + ".name",
            "调休上班日 " + day + " 所属的“" + entry.getValue().name() + "”没有列出放假日期");
      } else {
        makeUps.get(nearest).add(day);
      }
    }
    List<CalendarYear.Holiday> holidays = new ArrayList<>();
    for (int i = 0; i < spans.size(); i++) {
      holidays.add(new CalendarYear.Holiday(names.get(i), spans.get(i)[0], spans.get(i)[1], makeUps.get(i)));
    }
    return new CalendarYear(year, notices, holidays);
  }

  /** The checks both formats share: dates inside the year, sensible holidays, make-up days on weekends. */
  private static void check(CalendarYear year, String field, Problems problems) {
    if (year.holidays().isEmpty()) {
      problems.add(field, year.year() + "年没有列出任何节假日（每年至少有元旦、春节等法定节假日）");
      return;
    }
    LocalDate earliest = EARLIEST_DAY_OF_PREVIOUS_YEAR.atYear(year.year() - 1);
    LocalDate latest = LocalDate.of(year.year(), 12, 31);
    Map<LocalDate, String> offDays = new HashMap<>();
    for (CalendarYear.Holiday holiday : year.holidays()) {
      String name = holiday.name();
      if (name.isBlank() || name.length() > 50) {
        problems.add(field, "节日名称“" + name + "”不合理（不能为空，不超过50个字）");
      }
      long length = ChronoUnit.DAYS.between(holiday.from(), holiday.to()) + 1;
      if (length > MAX_HOLIDAY_DAYS) {
        problems.add(field, name + "（" + holiday.from() + "至" + holiday.to() + "）连续放假" + length
            + "天，超过" + MAX_HOLIDAY_DAYS + "天，不合理");
        continue;
      }
      if (holiday.from().isBefore(earliest) || holiday.to().isAfter(latest)) {
        problems.add(field, name + "（" + holiday.from() + "至" + holiday.to() + "）" + outsideYear(year.year()));
      }
      for (LocalDate day : holiday.days()) {
        String other = offDays.putIfAbsent(day, name);
        if (other != null) {
          problems.add(field, day + " 同时属于“" + other + "”和“" + name + "”两个假期");
        }
      }
    }
    Map<LocalDate, String> makeUps = new HashMap<>();
    for (CalendarYear.Holiday holiday : year.holidays()) {
      for (LocalDate day : holiday.makeUpWorkingDays()) {
        if (day.isBefore(earliest) || day.isAfter(latest)) {
          problems.add(field, "调休上班日 " + day + " " + outsideYear(year.year()));
        }
        if (offDays.containsKey(day)) {
          problems.add(field, day + " 同时被列为休息日（" + offDays.get(day) + "）和调休上班日");
        } else if (!WorkingDays.isWeekend(day)) {
          problems.add(field, "调休上班日 " + day + " 是" + Deadline.weekday(day)
              + "，本来就是工作日；调休上班日只能是周六或周日");
        }
        String other = makeUps.putIfAbsent(day, holiday.name());
        if (other != null) {
          problems.add(field, "调休上班日 " + day + " 重复列出");
        }
        if (distance(day, holiday.from(), holiday.to()) > MAX_MAKE_UP_DISTANCE_DAYS) {
          problems.add(field, "调休上班日 " + day + " 离“" + holiday.name() + "”假期（" + holiday.from() + "至"
              + holiday.to() + "）超过" + MAX_MAKE_UP_DISTANCE_DAYS + "天，不合理");
        }
      }
    }
  }

  private static String outsideYear(int year) {
    return "不在" + year + "年内（只允许上一年12月下旬因元旦调休列出的日期）";
  }

  /** Calendar days between a day and a span; 0 inside it. */
  private static long distance(LocalDate day, LocalDate from, LocalDate to) {
    if (day.isBefore(from)) {
      return ChronoUnit.DAYS.between(day, from);
    }
    return day.isAfter(to) ? ChronoUnit.DAYS.between(to, day) : 0;
  }

  private static String text(JsonNode node, String name, String path, Problems problems) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      problems.add(path + "." + name, name + " 应是文字");
      return null;
    }
    String text = value.asText().trim();
    return text.isEmpty() ? null : text;
  }

  private static String requiredName(JsonNode node, String path, Problems problems) {
    JsonNode value = node.get("name");
    if (value == null || value.isNull() || value.isTextual() && value.asText().isBlank()) {
      problems.add(path + ".name", "缺少节日名称");
      return null;
    }
    return text(node, "name", path, problems);
  }

  private static String url(JsonNode value, String path, Problems problems) {
    if (value == null || value.isNull()) {
      return null;
    }
    String text = value.isTextual() ? value.asText().trim() : "";
    if (!text.startsWith("https://") && !text.startsWith("http://")) {
      problems.add(path, "网址应以 http:// 或 https:// 开头");
      return null;
    }
    return text;
  }

  private static LocalDate requiredDate(JsonNode node, String name, String path, Problems problems) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      problems.add(path + "." + name, "缺少日期 " + name);
      return null;
    }
    return date(value, path + "." + name, problems);
  }

  private static LocalDate date(JsonNode value, String path, Problems problems) {
    if (value.isTextual()) {
      try {
        return LocalDate.parse(value.asText().trim());
      } catch (DateTimeParseException e) {
        // reported below
      }
    }
    problems.add(path, "日期“" + value.asText() + "”格式不正确，应为 YYYY-MM-DD");
    return null;
  }

  private static void putIfPresent(ObjectNode node, String name, String value) {
    if (value != null) {
      node.put(name, value);
    }
  }

  private record Listed(String name, boolean off, String path) {}

  /** Collects every problem of a file, so that one answer names them all. */
  private static final class Problems {
    private final List<FieldProblem> list = new ArrayList<>();

    void add(String field, String message) {
      FieldProblem problem = new FieldProblem(field, message);
      if (!list.contains(problem)) {
        list.add(problem);
      }
    }

    void throwIfAny() {
      if (!list.isEmpty()) {
        throw new BadRequestException(List.copyOf(list));
      }
    }
  }
}

package cn.gongkai.calendar;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import cn.gongkai.security.CurrentUser;
import cn.gongkai.security.Roles;
import cn.gongkai.web.BadRequestException;
import cn.gongkai.web.BadRequestException.FieldProblem;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Calendar API: compute a working-day deadline, show a year's holidays, load a year (admin). */
@Tag(name = "工作日历", description = "法定节假日与调休工作日，按工作日计算期限")
@RestController
@RequestMapping("/api/calendar")
class CalendarController {

  /** A statutory period in working days never comes near a year. */
  static final int MAX_WORKING_DAYS = 366;

  private final WorkingDayCalendar calendar;

  CalendarController(WorkingDayCalendar calendar) {
    this.calendar = calendar;
  }

  @Operation(summary = "计算期限", description = "从起算日期起算若干工作日后的到期日（北京时间）。")
  @GetMapping("/deadline")
  Map<String, Object> deadline(@RequestParam(required = false) String start,
      @RequestParam(required = false) String workingDays) {
    List<FieldProblem> problems = new ArrayList<>();
    LocalDate startDate = startDate(start, problems);
    Integer count = workingDays(workingDays, problems);
    if (!problems.isEmpty()) {
      throw new BadRequestException(problems);
    }
    return deadlineJson(calendar.deadline(startDate, count));
  }

  @Operation(summary = "查看年度节假日", description = "某年的节假日和调休工作日。")
  @GetMapping("/{year}")
  Map<String, Object> year(@PathVariable String year) {
    return yearJson(year(year, "year"));
  }

  @Operation(summary = "载入年度节假日", description = "系统管理员载入国务院公布的年度节假日安排（本项目格式或 holiday-cn 的 JSON）；在办案件的期限随即重算。")
  @PutMapping("/{year}")
  Map<String, Object> load(@PathVariable String year,
      @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "年度节假日：本项目的格式"
          + "（见 src/main/resources/calendar/README），或 holiday-cn 的 JSON")
      @RequestBody(required = false) String body,
      HttpServletRequest request) {
    String user = CurrentUser.requireAnyRole(request, Roles.ADMIN, Roles.SYSADMIN);
    int number = year(year, "year");
    calendar.load(number, body, user);
    return yearJson(number);
  }

  private static LocalDate startDate(String start, List<FieldProblem> problems) {
    if (start == null || start.isBlank()) {
      problems.add(new FieldProblem("start", "缺少起算日期 start（格式 YYYY-MM-DD，例如 2026-09-18）"));
      return null;
    }
    try {
      LocalDate date = LocalDate.parse(start.trim());
      if (date.getYear() < CalendarYearFormat.FIRST_YEAR || date.getYear() > CalendarYearFormat.LAST_YEAR) {
        problems.add(new FieldProblem("start", "起算日期超出可计算的范围（" + CalendarYearFormat.FIRST_YEAR + "—"
            + CalendarYearFormat.LAST_YEAR + "年）"));
        return null;
      }
      return date;
    } catch (DateTimeParseException e) {
      problems.add(new FieldProblem("start", "起算日期“" + start + "”格式不正确，应为 YYYY-MM-DD，例如 2026-09-18"));
      return null;
    }
  }

  private static Integer workingDays(String workingDays, List<FieldProblem> problems) {
    if (workingDays == null || workingDays.isBlank()) {
      problems.add(new FieldProblem("workingDays", "缺少工作日数 workingDays"));
      return null;
    }
    int count;
    try {
      count = Integer.parseInt(workingDays.trim());
    } catch (NumberFormatException e) {
      problems.add(new FieldProblem("workingDays", "工作日数“" + workingDays + "”不是整数"));
      return null;
    }
    if (count <= 0) {
      problems.add(new FieldProblem("workingDays", "工作日数必须大于0"));
      return null;
    }
    if (count > MAX_WORKING_DAYS) {
      problems.add(new FieldProblem("workingDays", "工作日数不能超过" + MAX_WORKING_DAYS));
      return null;
    }
    return count;
  }

  private static int year(String year, String field) {
    if (year == null || !year.matches("\\d{4}")) {
      throw new BadRequestException(field, "年份“" + year + "”格式不正确，应为四位数字，例如 2027");
    }
    int number = Integer.parseInt(year);
    if (number < CalendarYearFormat.FIRST_YEAR || number > CalendarYearFormat.LAST_YEAR) {
      throw new BadRequestException(field, "年份超出支持的范围（" + CalendarYearFormat.FIRST_YEAR + "—"
          + CalendarYearFormat.LAST_YEAR + "年）");
    }
    return number;
  }

  private static Map<String, Object> deadlineJson(Deadline deadline) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("start", deadline.start().toString());
    json.put("workingDays", deadline.workingDays());
    json.put("due", deadline.due().toString());
    json.put("endsAt", deadline.endsAt().atZone(WorkingDays.ZONE).toOffsetDateTime().toString());
    json.put("provisional", deadline.provisional());
    json.put("unknownYears", deadline.unknownYears());
    json.put("skipped", deadline.skipped().stream()
        .map(day -> Map.of("date", day.date().toString(), "reason", day.reason()))
        .toList());
    json.put("makeUpWorkingDays", deadline.makeUpWorkingDays().stream()
        .map(day -> Map.of("date", day.date().toString(), "holiday", day.holiday()))
        .toList());
    json.put("explanation", deadline.explanation());
    return json;
  }

  private Map<String, Object> yearJson(int year) {
    Optional<CalendarYear> data = calendar.year(year);
    Optional<WorkingDayCalendar.LoadRecord> loaded = calendar.loadRecord(year);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("year", year);
    json.put("known", data.isPresent());
    json.put("source", data.isEmpty() ? "none" : loaded.isPresent() ? "loaded" : "built-in");
    json.put("loadedBy", loaded.map(WorkingDayCalendar.LoadRecord::loadedBy).orElse(null));
    json.put("loadedAt", loaded.map(record -> record.loadedAt().atZone(WorkingDays.ZONE).toOffsetDateTime()
        .toString()).orElse(null));
    if (data.isEmpty()) {
      json.put("note", year + "年的节假日安排尚未载入：该年按周一至周五为工作日暂行计算，涉及该年的期限均标为暂定。");
    }
    json.put("notices", data.map(CalendarYear::notices).orElse(List.of()).stream().map(notice -> {
      Map<String, Object> node = new LinkedHashMap<>();
      node.put("title", notice.title());
      node.put("number", notice.number());
      node.put("issued", notice.issued() == null ? null : notice.issued().toString());
      node.put("url", notice.url());
      return node;
    }).toList());
    json.put("holidays", data.map(CalendarYear::holidays).orElse(List.of()).stream().map(holiday -> {
      Map<String, Object> node = new LinkedHashMap<>();
      node.put("name", holiday.name());
      node.put("from", holiday.from().toString());
      node.put("to", holiday.to().toString());
      node.put("days", holiday.days().size());
      node.put("makeUpWorkingDays", holiday.makeUpWorkingDays().stream().map(LocalDate::toString).toList());
      return node;
    }).toList());
    List<Map<String, Object>> days = new ArrayList<>();
    data.ifPresent(known -> {
      for (CalendarYear.Holiday holiday : known.holidays()) {
        holiday.days().forEach(day -> days.add(dayJson(day, false, holiday.name())));
        holiday.makeUpWorkingDays().forEach(day -> days.add(dayJson(day, true, holiday.name())));
      }
    });
    days.sort((a, b) -> ((String) a.get("date")).compareTo((String) b.get("date")));
    json.put("days", days);
    return json;
  }

  private static Map<String, Object> dayJson(LocalDate day, boolean working, String holiday) {
    Map<String, Object> node = new LinkedHashMap<>();
    node.put("date", day.toString());
    node.put("weekday", Deadline.weekday(day));
    node.put("working", working);
    node.put("type", working ? "调休上班" : "放假");
    node.put("holiday", holiday);
    return node;
  }
}

package cn.gongkai.opinion;

import cn.gongkai.security.CurrentUser;
import cn.gongkai.security.Roles;
import cn.gongkai.web.BadRequestException;
import cn.gongkai.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** 舆情回应 in the API (the year's events with response times, for the annual report's 回应关切) and a case page. */
@Tag(name = "政务舆情回应", description = "舆情事件、回应用时与是否超期")
@Controller
class OpinionController {

  /** Staff who work or watch 舆情 cases. */
  static final String[] STAFF = {Roles.OFFICE, Roles.HANDLER, Roles.LEADER, Roles.SUPERVISOR, Roles.ADMIN};

  private final OpinionRegister register;

  OpinionController(OpinionRegister register) {
    this.register = register;
  }

  /** One event as the annual report's 回应关切 section lists it; late is computed from the facts' moments. */
  record EventRow(
      String caseNumber,
      String source,
      String summary,
      String level,
      String levelLabel,
      String responsibleUnit,
      String firstSeenAt,
      String firstResponseAt,
      String responseDueAt,
      String responseTime,
      Boolean responseTargetMet,
      String pressConferenceAt,
      String pressConferenceDueAt,
      int releaseCount,
      boolean late,
      String timelinessLabel,
      String effectRating,
      String effectRatingLabel,
      String accountabilityMeasureLabel,
      String statusLabel) {}

  @Operation(summary = "年度政务舆情回应情况", description = "某年首次发现的政务舆情：级别、责任单位、首次回应用时（小时:分钟）、"
      + "是否按时（由登记的时间计算），供年度报告“回应关切”部分使用。")
  @GetMapping("/api/public-opinion/events")
  @ResponseBody
  Map<String, Object> events(@RequestParam(required = false) String year, HttpServletRequest request) {
    CurrentUser.requireAnyRole(request, STAFF);
    int y = year(year);
    OffsetDateTime now = OpinionClock.now();
    List<EventRow> rows = register.ofYear(y, CurrentUser.seesEveryAgency(request) ? null
        : CurrentUser.agencies(request)).stream().map(e -> row(e, now)).toList();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("year", y);
    body.put("count", rows.size());
    body.put("majorCount", rows.stream().filter(r -> "MAJOR".equals(r.level())).count());
    body.put("respondedCount", rows.stream().filter(r -> r.firstResponseAt() != null).count());
    body.put("lateCount", rows.stream().filter(EventRow::late).count());
    body.put("events", rows);
    return body;
  }

  private static int year(String year) {
    if (year == null || year.isBlank()) {
      return OpinionClock.today().getYear();
    }
    try {
      int y = Integer.parseInt(year.strip());
      if (y >= 2000 && y <= 2100) {
        return y;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new BadRequestException("year", "年份应为2000至2100之间的四位数字");
  }

  static EventRow row(OpinionEvent e, OffsetDateTime now) {
    boolean late = e.late(now);
    String timeliness = e.responseDueAt() == null ? "未研判" : late ? "超期"
        : e.firstResponseAt() == null ? "办理中" : "按时";
    return new EventRow(e.caseNumber(), e.source(), e.summary(), e.level() == null ? null : e.level().name(),
        e.level() == null ? "未研判" : e.level().label(), e.responsibleUnit(), OpinionClock.text(e.firstSeenAt()),
        OpinionClock.text(e.firstResponseAt()), OpinionClock.text(e.responseDueAt()), e.responseTime(),
        e.responseTargetMet(), OpinionClock.text(e.pressConferenceAt()), OpinionClock.text(e.pressConferenceDueAt()),
        e.releaseCount(), late, timeliness, e.effectRating(), ratingLabel(e.effectRating()),
        measureLabel(e.accountabilityMeasure()), e.open() ? "办理中" : "已办结");
  }

  static String ratingLabel(String rating) {
    return rating == null ? null : switch (rating) {
      case "GOOD" -> "效果良好";
      case "FAIR" -> "效果一般";
      case "POOR" -> "效果较差";
      default -> rating;
    };
  }

  static String measureLabel(String measure) {
    return measure == null ? null : "CRITICISM".equals(measure) ? "通报批评" : "INTERVIEW".equals(measure) ? "约谈整改"
        : measure;
  }

  /** The case file (案卷) linked from every task form, with the countdown of each running clock. */
  @GetMapping("/cases/public-opinion/{caseNumber}")
  String page(@PathVariable String caseNumber, HttpServletRequest request, Model model) {
    CurrentUser.requireAnyRole(request, STAFF);
    OpinionEvent e = register.findByNumber(caseNumber)
        .orElseThrow(() -> new NotFoundException("案件不存在：" + caseNumber));
    CurrentUser.requireAgency(request, e.agencyCode(), "案件不存在：" + caseNumber);
    OffsetDateTime now = OpinionClock.now();
    model.addAttribute("e", e);
    model.addAttribute("row", row(e, now));
    model.addAttribute("now", OpinionClock.text(now));
    model.addAttribute("clocks", clocks(e, now));
    model.addAttribute("steps", register.steps(e.id()));
    return "opinion";
  }

  /** A running or finished clock as the handler reads it. */
  record ClockView(String name, String due, String done, String countdown, boolean late) {}

  static List<ClockView> clocks(OpinionEvent e, OffsetDateTime now) {
    List<ClockView> clocks = new java.util.ArrayList<>();
    if (e.responseDueAt() == null) {
      return clocks;
    }
    String responseName = e.level() == OpinionLevel.MAJOR ? "发布权威信息（最迟5小时）" : "回应（48小时）";
    clocks.add(view(responseName, e.responseDueAt(), e.firstResponseAt(), now));
    if (e.responseTargetAt() != null) {
      clocks.add(view("发布权威信息（力争3小时）", e.responseTargetAt(), e.firstResponseAt(), now));
    }
    if (e.pressConferenceDueAt() != null) {
      clocks.add(view("举行新闻发布会（24小时）", e.pressConferenceDueAt(), e.pressConferenceAt(), now));
    }
    return clocks;
  }

  private static ClockView view(String name, OffsetDateTime due, OffsetDateTime done, OffsetDateTime now) {
    if (done != null) {
      boolean late = done.isAfter(due);
      return new ClockView(name, OpinionClock.text(due), OpinionClock.text(done), late ? "已办理（超期）" : "已按时办理",
          late);
    }
    return new ClockView(name, OpinionClock.text(due), null, OpinionClock.countdown(due, now.toInstant()),
        !now.isBefore(due));
  }
}

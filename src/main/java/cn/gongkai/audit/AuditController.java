package cn.gongkai.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import cn.gongkai.web.BadRequestException;
import cn.gongkai.web.ForbiddenException;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The audit log for the audit administrator (审计管理员) only: JSON API and a Chinese page with filters.
 * Neither the system nor the security administrator reads it (三员分立).
 */
@Tag(name = "审计", description = "审计日志（仅审计管理员）")
@Controller
class AuditController {

  /** The audit administrators' Camunda group (the same id as cn.gongkai.security.Roles.AUDITOR). */
  static final String AUDITOR = "auditor";

  private final AuditLog auditLog;

  AuditController(AuditLog auditLog) {
    this.auditLog = auditLog;
  }

  @Operation(summary = "查询审计日志", description = "按用户、类别和日期查询，分页；仅审计管理员。")
  @GetMapping("/api/audit")
  @ResponseBody
  AuditLog.Page search(
      @RequestParam(required = false) String user,
      @RequestParam(required = false) String kind,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(defaultValue = "0") String page,
      HttpServletRequest request) {
    requireAuditor(request);
    Query query = Query.parse(user, kind, from, to, page);
    return auditLog.search(query.user(), query.kind(), query.from(), query.to(), query.page());
  }

  @Operation(summary = "校验审计日志", description = "核对审计日志的哈希链是否完整、未被篡改。")
  @GetMapping("/api/audit/verify")
  @ResponseBody
  AuditLog.Verification verify(HttpServletRequest request) {
    requireAuditor(request);
    return auditLog.verify();
  }

  @GetMapping({"/audit", "/audit/"})
  String page(
      @RequestParam(required = false) String user,
      @RequestParam(required = false) String kind,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(defaultValue = "0") String page,
      HttpServletRequest request,
      Model model) {
    requireAuditor(request);
    Query query = Query.parse(user, kind, from, to, page);
    model.addAttribute("result", auditLog.search(query.user(), query.kind(), query.from(), query.to(), query.page()));
    model.addAttribute("kinds", AuditKind.values());
    model.addAttribute("q", Map.of(
        "user", user == null ? "" : user, "kind", kind == null ? "" : kind,
        "from", from == null ? "" : from, "to", to == null ? "" : to));
    model.addAttribute("verification", auditLog.verify());
    model.addAttribute("viewer", request.getRemoteUser());
    return "audit";
  }

  private static void requireAuditor(HttpServletRequest request) {
    if (!request.isUserInRole(AUDITOR)) {
      throw new ForbiddenException("无权访问：审计日志仅审计管理员可查看");
    }
  }

  private record Query(String user, AuditKind kind, LocalDate from, LocalDate to, int page) {
    static Query parse(String user, String kind, String from, String to, String page) {
      AuditKind k = null;
      if (kind != null && !kind.isBlank()) {
        k = Arrays.stream(AuditKind.values()).filter(v -> v.name().equals(kind.trim())).findFirst()
            .orElseThrow(() -> new BadRequestException("kind", "未知的审计类别"));
      }
      LocalDate f = date("from", from);
      LocalDate t = date("to", to);
      if (f != null && t != null && t.isBefore(f)) {
        throw new BadRequestException("to", "结束日期不能早于开始日期");
      }
      int p;
      try {
        p = Integer.parseInt(page.trim());
      } catch (NumberFormatException e) {
        throw new BadRequestException("page", "页码必须是整数");
      }
      if (p < 0 || p > 100_000) {
        throw new BadRequestException("page", "页码超出范围");
      }
      return new Query(user == null || user.isBlank() ? null : user.trim(), k, f, t, p);
    }

    private static LocalDate date(String field, String value) {
      if (value == null || value.isBlank()) {
        return null;
      }
      try {
        LocalDate d = LocalDate.parse(value.trim());
        if (d.getYear() < 2000 || d.getYear() > 2999) {
          throw new BadRequestException(field, "日期超出范围");
        }
        return d;
      } catch (DateTimeParseException e) {
        throw new BadRequestException(field, "日期格式应为 yyyy-MM-dd");
      }
    }
  }
}

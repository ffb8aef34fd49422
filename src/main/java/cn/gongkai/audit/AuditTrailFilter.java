package cn.gongkai.audit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Records the audited HTTP calls after they ran, with their outcome: personal-data views, exports,
 * calendar loads, template changes, imports, the report lock, and every change of users, groups,
 * memberships and authorizations through the engine REST API or Camunda Admin.
 */
class AuditTrailFilter extends OncePerRequestFilter {

  private static final String ENGINE = "(?:/engine-rest|/camunda/api/engine/engine/[^/]+)";
  private static final String WRITE = "PUT|POST|PATCH|DELETE";

  private record Rule(Pattern method, Pattern path, AuditKind kind, String intakeOnly) {
    Rule(String method, String path, AuditKind kind) {
      this(Pattern.compile(method), Pattern.compile(path), kind, null);
    }
  }

  private static final List<Rule> RULES = List.of(
      new Rule("GET", "/api/cases/([^/]+/personal-data)", AuditKind.PERSONAL_DATA_VIEWED),
      // the case page shows the applicant's data in full to intake only (masked to everyone else)
      new Rule(Pattern.compile("GET"), Pattern.compile("/cases/([^/]+)"), AuditKind.PERSONAL_DATA_VIEWED, "intake"),
      new Rule("GET", "/api/reports/annual/(\\d+\\.(?:xlsx|html))", AuditKind.EXPORT),
      new Rule("GET", "/api/cases/([^/]+/archive)", AuditKind.EXPORT),
      new Rule("POST", "/api/reports/annual/(\\d+)/lock", AuditKind.REPORT_LOCKED),
      new Rule("PUT", "/api/calendar/(\\d+)", AuditKind.CALENDAR_LOADED),
      // checking a template (…/validation) changes nothing; any other write does
      new Rule(WRITE, "/api/letters/templates(?!/[^/]+/validation$)(/.*)?", AuditKind.TEMPLATE_CHANGED),
      new Rule(WRITE, "/api/imports(/.*)?", AuditKind.IMPORT),
      new Rule("PUT", ENGINE + "/(user/[^/]+/credentials)", AuditKind.PASSWORD_CHANGED),
      new Rule("PUT|DELETE", ENGINE + "/(group/[^/]+/members/[^/]+)", AuditKind.MEMBERSHIP_CHANGED),
      new Rule("PUT|DELETE", ENGINE + "/(tenant/[^/]+/(?:user|group)-members/[^/]+)", AuditKind.MEMBERSHIP_CHANGED),
      new Rule("POST", ENGINE + "/(user/create)", AuditKind.USER_CHANGED),
      new Rule("PUT|DELETE", ENGINE + "/(user/[^/]+(?:/profile)?)", AuditKind.USER_CHANGED),
      new Rule("POST", ENGINE + "/(user/[^/]+/unlock)", AuditKind.ACCOUNT_UNLOCKED),
      new Rule("POST", ENGINE + "/((?:group|tenant)/create)", AuditKind.GROUP_CHANGED),
      new Rule("PUT|DELETE", ENGINE + "/((?:group|tenant)/[^/]+)", AuditKind.GROUP_CHANGED),
      new Rule("POST", ENGINE + "/(authorization/create)", AuditKind.AUTHORIZATION_CHANGED),
      new Rule("PUT|DELETE", ENGINE + "/(authorization/[^/]+)", AuditKind.AUTHORIZATION_CHANGED));

  private final AuditLog auditLog;

  AuditTrailFilter(AuditLog auditLog) {
    this.auditLog = auditLog;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    Rule rule = null;
    Matcher matcher = null;
    for (Rule candidate : RULES) {
      Matcher m = candidate.path().matcher(path);
      if (candidate.method().matcher(request.getMethod()).matches() && m.matches()) {
        rule = candidate;
        matcher = m;
        break;
      }
    }
    if (rule == null) {
      chain.doFilter(request, response);
      return;
    }
    boolean ok = false;
    try {
      chain.doFilter(request, response);
      ok = response.getStatus() < 400;
    } finally {
      if (rule.intakeOnly() == null || ok && request.isUserInRole(rule.intakeOnly())) {
        String object = URLDecoder.decode(matcher.group(1) == null ? path : matcher.group(1), StandardCharsets.UTF_8);
        auditLog.record(request.getRemoteUser(), request.getRemoteAddr(), rule.kind(), object,
            ok ? "成功" : "失败（HTTP " + (response.getStatus() < 400 ? 500 : response.getStatus()) + "）");
      }
    }
  }
}

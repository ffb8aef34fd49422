package cn.gongkai.security;

import cn.gongkai.audit.AuditKind;
import cn.gongkai.audit.AuditLog;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The login failures policy on the webapps' login ({@code POST /camunda/api/admin/auth/user/{engine}/login/{app}}):
 * a locked account is refused before its password is checked, with the time it unlocks; the outcome of
 * every attempt is counted and audited. The login page shows the answer's message.
 */
class WebappLoginFilter extends OncePerRequestFilter {

  private static final Pattern LOGIN = Pattern.compile("/camunda/api/admin/auth/user/[^/]+/login/([^/]+)");

  private final LoginLockout lockout;
  private final AuditLog auditLog;

  WebappLoginFilter(LoginLockout lockout, AuditLog auditLog) {
    this.lockout = lockout;
    this.auditLog = auditLog;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Matcher login = LOGIN.matcher(request.getRequestURI().substring(request.getContextPath().length()));
    if (!"POST".equals(request.getMethod()) || !login.matches()) {
      chain.doFilter(request, response);
      return;
    }
    // read the form here and hand it on intact (request.getParameter would consume it before Jersey)
    byte[] body = request.getInputStream().readNBytes(16 * 1024);
    String userId = formField(new String(body, StandardCharsets.ISO_8859_1), "username");
    HttpServletRequest replayed = new ReplayedBody(request, body);
    String app = "网页登录（" + login.group(1) + "）";
    String address = request.getRemoteAddr();
    if (userId == null || userId.isBlank()) {
      chain.doFilter(replayed, response);
      return;
    }
    Optional<Instant> locked = lockout.lockedUntil(userId, address);
    if (locked.isPresent()) {
      auditLog.record(userId, address, AuditKind.LOGIN_FAILED, app, "账户已锁定，拒绝登录");
      JsonAnswer.send(response, HttpServletResponse.SC_UNAUTHORIZED, "AccountLocked", LoginLockout.message(locked.get()));
      return;
    }
    HeldResponse buffered = new HeldResponse(response);
    chain.doFilter(replayed, buffered);
    int status = buffered.getStatus();
    if (status == HttpServletResponse.SC_UNAUTHORIZED) {
      Optional<Instant> nowLocked = lockout.failed(userId, address, app);
      if (nowLocked.isPresent()) {
        buffered.resetBuffer();
        JsonAnswer.send(response, HttpServletResponse.SC_UNAUTHORIZED, "AccountLocked",
            LoginLockout.message(nowLocked.get()));
        return;
      }
    } else if (status < 300) {
      lockout.succeeded(userId);
      auditLog.record(userId, address, AuditKind.LOGIN, app, "成功");
    } else if (status == HttpServletResponse.SC_FORBIDDEN) {
      lockout.succeeded(userId);
      auditLog.record(userId, address, AuditKind.LOGIN, app, "失败：无权使用该应用");
    }
    buffered.copyBodyToResponse();
  }

  /**
   * Holds Camunda's answer until the attempt is counted: Jersey answers a bad password with sendError(401),
   * which would commit the response before the lock message could replace it.
   */
  private static final class HeldResponse extends ContentCachingResponseWrapper {
    HeldResponse(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void sendError(int status) {
      setStatus(status);
    }

    @Override
    public void sendError(int status, String message) {
      setStatus(status);
    }
  }

  private static String formField(String form, String name) {
    for (String pair : form.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).equals(name)) {
        return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      }
    }
    return null;
  }
}

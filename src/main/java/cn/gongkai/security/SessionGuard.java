package cn.gongkai.security;

import cn.gongkai.audit.AuditKind;
import cn.gongkai.audit.AuditLog;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Re-checks a webapp session's user on every request, before Camunda's webapps or gongkai's API use it:
 * a deleted or locked user's session ends at once (401), and when the user's groups changed the
 * session's authentication (groups, tenants, webapps) is rebuilt from the identity service. Three small
 * indexed queries per request; nothing cached in memory, so it holds on several nodes too.
 */
class SessionGuard extends OncePerRequestFilter {

  private final ProcessEngine engine;
  private final LoginLockout lockout;
  private final PasswordChangeGate passwordGate;
  private final AuditLog auditLog;

  SessionGuard(ProcessEngine engine, LoginLockout lockout, PasswordChangeGate passwordGate, AuditLog auditLog) {
    this.engine = engine;
    this.lockout = lockout;
    this.passwordGate = passwordGate;
    this.auditLog = auditLog;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpSession session = request.getSession(false);
    Authentications authentications = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
    UserAuthentication auth = authentications == null ? null
        : authentications.getAuthentications().stream()
            .filter(a -> engine.getName().equals(a.getProcessEngineName()))
            .findFirst().orElse(null);
    if (auth == null) {
      chain.doFilter(request, response);
      return;
    }
    String userId = auth.getName();
    IdentityService identity = engine.getIdentityService();
    String reason = identity.createUserQuery().userId(userId).count() == 0 ? "账户已被删除"
        : lockout.isLocked(userId) ? "账户已被锁定" : null;
    if (reason != null) {
      session.invalidate();
      auditLog.record(userId, request.getRemoteAddr(), AuditKind.SESSION_ENDED, userId, reason);
      JsonAnswer.send(response, HttpServletResponse.SC_UNAUTHORIZED, "SessionEnded", "会话已失效（" + reason + "），请重新登录");
      return;
    }
    List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    List<String> sessionGroups = auth.getGroupIds() == null ? List.of() : auth.getGroupIds();
    if (!new HashSet<>(groups).equals(new HashSet<>(sessionGroups))) {
      // membership changed since login: rebuild what the session may do (groups, tenants, webapps)
      UserAuthentication fresh = AuthenticationUtil.createAuthentication(engine, userId, groups, null);
      authentications.addOrReplace(fresh);
      AuthenticationUtil.updateSession(session, authentications);
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (passwordGate.mustChange(userId) && !PasswordChangeGate.allows(request.getMethod(), path, userId)) {
      JsonAnswer.send(response, HttpServletResponse.SC_FORBIDDEN, "PasswordChangeRequired", PasswordChangeGate.MESSAGE);
      return;
    }
    chain.doFilter(new SessionUserRequest(request, userId, groups), response);
    if (PasswordChangeGate.isOwnPasswordChange(request.getMethod(), path, userId) && response.getStatus() < 300) {
      passwordGate.changed(userId);
    }
  }

  /** Tells later filters (the audit trail) who the session's user is. */
  private static final class SessionUserRequest extends HttpServletRequestWrapper {
    private final String userId;
    private final List<String> groups;

    SessionUserRequest(HttpServletRequest request, String userId, List<String> groups) {
      super(request);
      this.userId = userId;
      this.groups = groups;
    }

    @Override
    public boolean isUserInRole(String role) {
      return super.isUserInRole(role) || groups.contains(role);
    }

    @Override
    public String getRemoteUser() {
      String user = super.getRemoteUser();
      return user != null ? user : userId;
    }
  }
}

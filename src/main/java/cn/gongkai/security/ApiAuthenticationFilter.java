package cn.gongkai.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Base64;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.web.filter.OncePerRequestFilter;
import cn.gongkai.audit.AuditKind;
import cn.gongkai.audit.AuditLog;

/**
 * Authenticates gongkai's own API and pages: HTTP Basic against Camunda's identity service, or, for
 * reading requests only (no CSRF risk), the session of a user logged in to the Camunda webapps.
 * Downstream code asks {@link HttpServletRequest#getRemoteUser()} and
 * {@link HttpServletRequest#isUserInRole(String)} with a Camunda group id; the engine sees the same
 * user and groups, so engine authorization applies to what the request does.
 *
 * <p>HTTP Basic follows the login failures policy ({@link LoginLockout}); credentials verified a few seconds
 * ago are not checked again ({@link VerifiedCredentials}), the lock still is; a successful Basic login is
 * audited once per user, address and half hour (every request carries the password again). A webapp
 * session may also send state-changing calls to gongkai's own pages under /security/, which check the
 * request's Origin (see {@link OriginCheck}).
 */
class ApiAuthenticationFilter extends OncePerRequestFilter {

  private static final long LOGIN_AUDIT_EVERY_MILLIS = 30 * 60 * 1000L;

  private final IdentityService identityService;
  private final LoginLockout lockout;
  private final PasswordChangeGate passwordGate;
  private final AuditLog auditLog;
  private final VerifiedCredentials verified;
  private final boolean required;
  private final Map<String, Long> lastLoginAudit = new ConcurrentHashMap<>();

  /** @param required answer 401 without credentials (false: anonymous callers pass, unauthenticated) */
  ApiAuthenticationFilter(IdentityService identityService, LoginLockout lockout, PasswordChangeGate passwordGate,
      AuditLog auditLog, VerifiedCredentials verified, boolean required) {
    this.verified = verified;
    this.identityService = identityService;
    this.lockout = lockout;
    this.passwordGate = passwordGate;
    this.auditLog = auditLog;
    this.required = required;
  }

  /** A refused Basic login, with what to tell the caller. */
  private static final class Refused extends Exception {
    Refused(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * The applicant portal's public API: the only unauthenticated paths under the API's patterns (they act on
   * nothing but what a 查询码 opens).
   */
  static boolean isPublic(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.startsWith("/api/public/");
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return isPublic(request);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Caller caller;
    try {
      caller = fromBasic(request);
    } catch (Refused refused) {
      if (!required) {
        chain.doFilter(request, response);
        return;
      }
      response.setHeader("WWW-Authenticate", "Basic realm=\"gongkai\", charset=\"UTF-8\"");
      JsonAnswer.send(response, HttpServletResponse.SC_UNAUTHORIZED, "LoginFailed", refused.getMessage());
      return;
    }
    if (caller == null && (isSafe(request) || isOwnPage(request))) {
      caller = fromWebappSession(request.getSession(false));
    }
    if (caller == null && !required) {
      chain.doFilter(request, response);
      return;
    }
    if (caller == null) {
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      response.setHeader("WWW-Authenticate", "Basic realm=\"gongkai\", charset=\"UTF-8\"");
      response.setContentType("application/json;charset=UTF-8");
      response.getOutputStream()
          .write("{\"status\":401,\"message\":\"请先登录\",\"errors\":[]}".getBytes(StandardCharsets.UTF_8));
      return;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (caller.basic() && passwordGate.mustChange(caller.userId())
        && !PasswordChangeGate.allows(request.getMethod(), path, caller.userId())) {
      JsonAnswer.send(response, HttpServletResponse.SC_FORBIDDEN, "PasswordChangeRequired", PasswordChangeGate.MESSAGE);
      return;
    }
    // tenants = agencies (issue 14): the engine's tenant check then isolates engine REST like Tasklist and Cockpit
    List<String> tenants = caller.tenantIds() != null ? caller.tenantIds() : tenantsOf(caller.userId());
    String home = caller.basic() ? caller.homeTenant() : homeTenantOf(caller.userId());
    request.setAttribute(CurrentUser.AGENCIES_ATTRIBUTE, java.util.Set.copyOf(tenants));
    request.setAttribute(CurrentUser.HOME_AGENCY_ATTRIBUTE, home);
    identityService.setAuthentication(caller.userId(), caller.groupIds(), tenants);
    try {
      chain.doFilter(new AuthenticatedRequest(request, caller), response);
    } finally {
      identityService.clearAuthentication();
    }
    if (caller.basic() && PasswordChangeGate.isOwnPasswordChange(request.getMethod(), path, caller.userId())
        && response.getStatus() < 300) {
      passwordGate.changed(caller.userId());
    }
  }

  /**
   * gongkai's own pages post forms from the session (their Origin is checked first): the administration pages
   * and the case page's upload of a corrected letter version.
   */
  private static boolean isOwnPage(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return (path.startsWith("/security/") || CASE_PAGE_UPLOAD.matcher(path).matches())
        && (request.getHeader("Origin") != null || request.getHeader("Referer") != null);
  }

  /**
   * What gongkai's own staff pages post with the webapp session: a corrected letter on the case page, the released
   * files (issue 16) on the case page, their marks on the marking screen and the per-mark review.
   */
  private static final java.util.regex.Pattern CASE_PAGE_UPLOAD = java.util.regex.Pattern.compile(
      "/api/documents/[0-9]{1,18}/versions|/api/cases/[^/]{1,300}/materials"
          + "|/api/materials/[0-9]{1,18}/(redactions|reviews)");

  private static boolean isSafe(HttpServletRequest request) {
    return "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
  }

  private Caller fromBasic(HttpServletRequest request) throws Refused {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0) {
      return null;
    }
    String userId = decoded.substring(0, colon);
    String address = request.getRemoteAddr();
    Optional<Instant> locked = lockout.lockedUntil(userId, address);
    if (locked.isPresent()) {
      auditLog.record(userId, address, AuditKind.LOGIN_FAILED, "HTTP Basic", "账户已锁定，拒绝登录");
      throw new Refused(LoginLockout.message(locked.get()));
    }
    String password = decoded.substring(colon + 1);
    VerifiedCredentials.Identity known = verified.ifVerified(userId, password);
    if (known != null) {
      // verified seconds ago: no failures to end since (a failure forgets the entry), login audited then; any
      // change of users, groups, tenants or memberships since has emptied the cache
      return new Caller(userId, known.groups(), known.tenants(), known.homeTenant(), true);
    }
    if (!identityService.checkPassword(userId, password)) {
      Optional<Instant> nowLocked = lockout.failed(userId, address, "HTTP Basic");
      throw new Refused(nowLocked.map(LoginLockout::message).orElse("用户名或密码错误"));
    }
    lockout.succeeded(userId);
    auditLogin(userId, address);
    List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId)
        .toList();
    List<String> tenants = tenantsOf(userId);
    String home = homeTenantOf(userId);
    verified.remember(userId, password, new VerifiedCredentials.Identity(groups, tenants, home));
    return new Caller(userId, groups, tenants, home, true);
  }

  private static Caller fromWebappSession(HttpSession session) {
    if (session == null) {
      return null;
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    if (authentications == null) {
      return null;
    }
    for (UserAuthentication auth : authentications.getAuthentications()) {
      if ("default".equals(auth.getProcessEngineName())) {
        // SessionGuard refreshed these groups for this request
        return new Caller(auth.getName(), auth.getGroupIds() == null ? List.of() : auth.getGroupIds(),
            auth.getTenantIds() == null ? List.of() : auth.getTenantIds(), null, false);
      }
    }
    return null;
  }

  /** The authenticated user and the Camunda groups they belong to. */
  private void auditLogin(String userId, String address) {
    long now = System.currentTimeMillis();
    String key = userId + "|" + address;
    Long last = lastLoginAudit.get(key);
    if (last == null || now - last > LOGIN_AUDIT_EVERY_MILLIS) {
      if (lastLoginAudit.size() > 10_000) {
        lastLoginAudit.clear();
      }
      lastLoginAudit.put(key, now);
      auditLog.record(userId, address, AuditKind.LOGIN, "HTTP Basic", "成功");
    }
  }

  /** The agencies (tenants) a user belongs to, directly or through a group. */
  private List<String> tenantsOf(String userId) {
    return identityService.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list().stream()
        .map(Tenant::getId).toList();
  }

  /** The user's own agency: the first tenant they are a direct member of, null if none. */
  private String homeTenantOf(String userId) {
    return identityService.createTenantQuery().userMember(userId).list().stream()
        .map(Tenant::getId).sorted().findFirst().orElse(null);
  }

  /**
   * @param tenantIds the agencies the user belongs to (null: look them up)
   * @param homeTenant the user's own agency, as looked up with HTTP Basic credentials (webapp sessions: looked up)
   */
  record Caller(String userId, List<String> groupIds, List<String> tenantIds, String homeTenant, boolean basic)
      implements Principal {
    @Override
    public String getName() {
      return userId;
    }
  }

  private static final class AuthenticatedRequest extends HttpServletRequestWrapper {
    private final Caller caller;

    AuthenticatedRequest(HttpServletRequest request, Caller caller) {
      super(request);
      this.caller = caller;
    }

    @Override
    public String getRemoteUser() {
      return caller.userId();
    }

    @Override
    public Principal getUserPrincipal() {
      return caller;
    }

    @Override
    public boolean isUserInRole(String role) {
      return caller.groupIds().contains(role);
    }
  }
}

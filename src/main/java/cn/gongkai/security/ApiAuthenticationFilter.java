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
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates gongkai's own API and pages: HTTP Basic against Camunda's identity service, or, for
 * reading requests only (no CSRF risk), the session of a user logged in to the Camunda webapps.
 * Downstream code asks {@link HttpServletRequest#getRemoteUser()} and
 * {@link HttpServletRequest#isUserInRole(String)} with a Camunda group id; the engine sees the same
 * user and groups, so engine authorization applies to what the request does.
 */
class ApiAuthenticationFilter extends OncePerRequestFilter {

  private final IdentityService identityService;
  private final boolean required;

  /** @param required answer 401 without credentials (false: anonymous callers pass, unauthenticated) */
  ApiAuthenticationFilter(IdentityService identityService, boolean required) {
    this.identityService = identityService;
    this.required = required;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Caller caller = fromBasic(request);
    if (caller == null && isSafe(request)) {
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
    identityService.setAuthentication(caller.userId(), caller.groupIds());
    try {
      chain.doFilter(new AuthenticatedRequest(request, caller), response);
    } finally {
      identityService.clearAuthentication();
    }
  }

  private static boolean isSafe(HttpServletRequest request) {
    return "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
  }

  private Caller fromBasic(HttpServletRequest request) {
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
    if (!identityService.checkPassword(userId, decoded.substring(colon + 1))) {
      return null;
    }
    List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId)
        .toList();
    return new Caller(userId, groups);
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
        return new Caller(auth.getName(), auth.getGroupIds() == null ? List.of() : auth.getGroupIds());
      }
    }
    return null;
  }

  /** The authenticated user and the Camunda groups they belong to. */
  record Caller(String userId, List<String> groupIds) implements Principal {
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

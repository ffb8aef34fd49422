package cn.gongkai.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Cockpit's plugin API ({@code /camunda/api/cockpit/plugin/{plugin}/{engine}/...}) answers process
 * statistics to any logged-in user: only users allowed into Cockpit reach it. The plugins' static
 * files (scripts) stay public like the rest of the webapp's assets.
 */
class CockpitPluginGuard extends OncePerRequestFilter {

  private static final Pattern PLUGIN_API = Pattern.compile("/camunda/api/cockpit/plugin/[^/]+/([^/]+)/.*");

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Matcher api = PLUGIN_API.matcher(request.getRequestURI().substring(request.getContextPath().length()));
    if (!api.matches() || "static".equals(api.group(1))) {
      chain.doFilter(request, response);
      return;
    }
    HttpSession session = request.getSession(false);
    Authentications authentications = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
    UserAuthentication auth = authentications == null ? null
        : authentications.getAuthentications().stream()
            .filter(a -> api.group(1).equals(a.getProcessEngineName())).findFirst().orElse(null);
    if (auth == null) {
      JsonAnswer.send(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized", "请先登录");
      return;
    }
    if (!auth.isAuthorizedForApp("cockpit")) {
      JsonAnswer.send(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden", "无权访问：需要 Cockpit（督办）权限");
      return;
    }
    chain.doFilter(request, response);
  }
}

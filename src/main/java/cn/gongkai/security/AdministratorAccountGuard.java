package cn.gongkai.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;

/**
 * 三员分立: the system administrator manages accounts, but an administrator's account (系统、安全、审计
 * 管理员, the installation administrator) is changed only by its owner or the installation administrator,
 * else the system administrator could reset the auditor's password and read the audit log.
 */
class AdministratorAccountGuard extends org.springframework.web.filter.OncePerRequestFilter {

  private static final Pattern USER_CHANGE =
      Pattern.compile("(?:/engine-rest|/camunda/api/engine/engine/[^/]+)/user/([^/]+)(?:/.*)?");

  private final IdentityService identity;

  AdministratorAccountGuard(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Matcher change = USER_CHANGE.matcher(request.getRequestURI().substring(request.getContextPath().length()));
    String method = request.getMethod();
    if (change.matches() && ("PUT".equals(method) || "DELETE".equals(method) || "POST".equals(method))) {
      String target = URLDecoder.decode(change.group(1), StandardCharsets.UTF_8);
      String caller = request.getRemoteUser();
      boolean installationAdmin = request.isUserInRole(Roles.ADMIN) || request.isUserInRole(Groups.CAMUNDA_ADMIN);
      boolean administrator = IdentityBootstrap.ADMINISTRATOR_GROUPS.stream()
          .anyMatch(group -> identity.createUserQuery().userId(target).memberOfGroup(group).count() > 0);
      if (administrator && !target.equals(caller) && !installationAdmin && !"create".equals(target)) {
        JsonAnswer.send(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden",
            "无权修改管理员账户：系统、安全、审计管理员的账户只能由本人或安装管理员修改");
        return;
      }
    }
    chain.doFilter(request, response);
  }
}

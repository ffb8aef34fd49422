package cn.gongkai.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who may read what under /actuator, after {@link ApiAuthenticationFilter} told who calls: the health status
 * is public (load balancers), everything else needs a login, and the metrics (/actuator/prometheus) a member
 * of {@link Roles#METRICS_READERS}: operations figures, never case content, so neither staff nor the auditor.
 */
class ActuatorAccess extends OncePerRequestFilter {

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.equals("/actuator/health") || path.startsWith("/actuator/health/")) {
      chain.doFilter(request, response);
      return;
    }
    if (request.getRemoteUser() == null) {
      response.setHeader("WWW-Authenticate", "Basic realm=\"gongkai\", charset=\"UTF-8\"");
      JsonAnswer.send(response, HttpServletResponse.SC_UNAUTHORIZED, "LoginRequired", "请先登录");
      return;
    }
    if (path.startsWith("/actuator/prometheus")
        && Roles.METRICS_READERS.stream().noneMatch(request::isUserInRole)) {
      JsonAnswer.send(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden",
          "只有监控采集用户、系统管理员和管理员可以读取监控指标");
      return;
    }
    chain.doFilter(request, response);
  }
}

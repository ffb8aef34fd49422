package cn.gongkai.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Camunda Admin lets anyone create the first administrator while none exists. gongkai never does:
 * the first administrator comes from configuration (GONGKAI_ADMIN_ID / GONGKAI_ADMIN_PASSWORD).
 */
class SetupLock extends OncePerRequestFilter {

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    response.setContentType("application/json;charset=UTF-8");
    response.getOutputStream().write(("{\"type\":\"Forbidden\",\"message\":\"不能在网页上创建首个管理员，"
        + "请在启动时通过环境变量 GONGKAI_ADMIN_ID 和 GONGKAI_ADMIN_PASSWORD 设置\"}").getBytes(StandardCharsets.UTF_8));
  }
}

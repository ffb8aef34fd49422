package cn.gongkai.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Response headers of gongkai's own pages and API (等保2.0 入侵防范、个人信息保护): no MIME sniffing, no
 * framing (clickjacking), no referrer beyond the origin, and no caching of answers that may carry
 * personal data (case pages, the case API, the audit log, the security pages).
 */
class SecurityHeaders extends OncePerRequestFilter {

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Content-Security-Policy", "frame-ancestors 'none'");
    response.setHeader("Referrer-Policy", "same-origin");
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.startsWith("/cases/") || path.startsWith("/api/cases/") || path.startsWith("/audit")
        || path.startsWith("/api/audit") || path.startsWith("/security/") || path.startsWith("/api/security/")
        || path.startsWith("/api/documents/") || path.startsWith("/api/public/") || path.startsWith("/api/portal/")) {
      response.setHeader("Cache-Control", "no-store");
      response.setHeader("Pragma", "no-cache");
    }
    chain.doFilter(request, response);
  }
}

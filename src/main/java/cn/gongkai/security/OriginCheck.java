package cn.gongkai.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Cross-site request forgery defence for state-changing calls (等保2.0 入侵防范): a browser that holds
 * cached Basic credentials or a session sends Origin (or at least Referer) with a cross-site POST; a
 * call whose Origin/Referer is not the server's own (or a configured origin) is refused with 403.
 * Non-browser clients send neither header and pass (curl with Basic keeps working).
 */
class OriginCheck extends OncePerRequestFilter {

  private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  private final List<String> allowedOrigins;

  OriginCheck(List<String> allowedOrigins) {
    this.allowedOrigins = allowedOrigins.stream().map(OriginCheck::normalise).toList();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (SAFE.contains(request.getMethod())) {
      chain.doFilter(request, response);
      return;
    }
    String origin = request.getHeader("Origin");
    String source = origin != null ? origin : originOf(request.getHeader("Referer"));
    if (origin == null && request.getHeader("Referer") == null) {
      chain.doFilter(request, response);
      return;
    }
    String own = normalise(request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort());
    String claimed = source == null ? null : normalise(source);
    if (claimed != null && (claimed.equals(own) || allowedOrigins.contains(claimed))) {
      chain.doFilter(request, response);
      return;
    }
    JsonAnswer.send(response, HttpServletResponse.SC_FORBIDDEN, "CrossSiteRequest",
        "跨站请求被拒绝：请求来源（" + (source == null ? "未知" : source) + "）不是本系统");
  }

  private static String originOf(String referer) {
    if (referer == null) {
      return null;
    }
    try {
      URI uri = URI.create(referer.trim());
      return uri.getScheme() == null || uri.getHost() == null ? null
          : uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** scheme://host:port in lower case, the default port written out; "null" and garbage stay unmatched. */
  static String normalise(String origin) {
    try {
      URI uri = URI.create(origin.trim());
      if (uri.getScheme() == null || uri.getHost() == null) {
        return "invalid:" + origin;
      }
      String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
      int port = uri.getPort() >= 0 ? uri.getPort() : "https".equals(scheme) ? 443 : 80;
      return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    } catch (IllegalArgumentException e) {
      return "invalid:" + origin;
    }
  }
}

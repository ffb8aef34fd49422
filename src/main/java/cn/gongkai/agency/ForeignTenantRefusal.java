package cn.gongkai.agency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Another agency's instance or task answers the engine APIs as one that does not exist (404), not with Camunda's
 * 500 "belongs to no authenticated tenant", which would tell that it exists and whose it is.
 */
class ForeignTenantRefusal extends OncePerRequestFilter {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ANSWER = "{\"type\":\"InvalidRequestException\",\"message\":\"对象不存在\"}";

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
    try {
      chain.doFilter(request, wrapper);
      if (wrapper.getStatus() == HttpServletResponse.SC_INTERNAL_SERVER_ERROR && foreignTenant(wrapper)) {
        wrapper.resetBuffer();
        wrapper.setStatus(HttpServletResponse.SC_NOT_FOUND);
        wrapper.setContentType("application/json;charset=UTF-8");
        wrapper.getOutputStream().write(ANSWER.getBytes(StandardCharsets.UTF_8));
      }
    } finally {
      wrapper.copyBodyToResponse();
    }
  }

  private static boolean foreignTenant(ContentCachingResponseWrapper response) {
    try {
      JsonNode body = JSON.readTree(response.getContentAsByteArray());
      return body != null && body.path("message").asText().contains("no authenticated tenant");
    } catch (IOException notJson) {
      return false;
    }
  }
}

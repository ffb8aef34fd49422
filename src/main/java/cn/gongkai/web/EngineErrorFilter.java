package cn.gongkai.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Rewrites the engine's error answers (engine REST and the webapps' engine API, e.g. Tasklist's
 * submit-form): Camunda wraps every engine failure of submit-form and complete in a 500 whose message
 * starts "Cannot submit task form &lt;id&gt;: " or "Cannot instantiate process definition &lt;id&gt;: ".
 * A step's refusal ({@link EngineErrors#REFUSED}) becomes 400 with the Chinese sentence alone, a
 * concurrent change of the case (optimistic locking) 409 with {@link EngineErrors#CONCURRENT_UPDATE}.
 */
class EngineErrorFilter extends OncePerRequestFilter {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** The prefixes Camunda's REST resources put in front of the engine's message, possibly nested. */
  private static final Pattern WRAPPING = Pattern.compile(
      "^(?:Cannot [A-Za-z ]+? \\S+: )*(?:ENGINE-\\d+ There was an exception while invoking the TaskListener\\."
          + " Message: '(.*)'|(.*))$", Pattern.DOTALL);

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String method = request.getMethod();
    // reads change nothing in the engine; only writes can be refused or collide
    return "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
    try {
      chain.doFilter(request, wrapper);
      if (wrapper.getStatus() >= 400 && isJson(wrapper.getContentType())) {
        rewrite(request, wrapper);
      }
    } finally {
      wrapper.copyBodyToResponse();
    }
  }

  private static boolean isJson(String contentType) {
    return contentType != null && contentType.toLowerCase().contains("json");
  }

  private static void rewrite(HttpServletRequest request, ContentCachingResponseWrapper response) throws IOException {
    JsonNode body;
    try {
      body = JSON.readTree(response.getContentAsByteArray());
    } catch (IOException e) {
      return; // not an engine error body: leave it
    }
    if (body == null || !body.isObject() || !body.path("code").isInt()) {
      return;
    }
    int code = body.get("code").asInt();
    ObjectNode answer = JSON.createObjectNode();
    if (code == EngineErrors.REFUSED) {
      Object kept = request.getAttribute(EngineErrors.REFUSAL_ATTRIBUTE);
      String sentence = kept instanceof String s ? s : unwrapped(body.path("message").asText());
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      answer.put("type", "BadUserRequestException");
      answer.put("message", sentence);
    } else if (EngineErrors.isConcurrentUpdate(code)) {
      response.setStatus(HttpServletResponse.SC_CONFLICT);
      answer.put("type", "OptimisticLockingException");
      answer.put("message", EngineErrors.CONCURRENT_UPDATE);
    } else {
      return;
    }
    answer.put("code", code);
    response.resetBuffer();
    response.setContentType("application/json;charset=UTF-8");
    response.getOutputStream().write(JSON.writeValueAsBytes(answer));
  }

  static String unwrapped(String message) {
    var matcher = WRAPPING.matcher(message);
    if (!matcher.matches()) {
      return message;
    }
    return matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
  }
}

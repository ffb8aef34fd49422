package cn.gongkai.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Refusals the security filters answer with before any controller runs, in the API's error shape. */
final class JsonAnswer {

  private JsonAnswer() {}

  static void send(HttpServletResponse response, int status, String type, String message) throws IOException {
    response.resetBuffer();
    response.setStatus(status);
    response.setContentType("application/json;charset=UTF-8");
    response.setHeader("Cache-Control", "no-store");
    String json = "{\"status\":" + status + ",\"type\":\"" + type + "\",\"message\":\"" + escape(message)
        + "\",\"errors\":[]}";
    response.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
    response.flushBuffer();
  }

  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}

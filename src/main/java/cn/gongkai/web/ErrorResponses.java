package cn.gongkai.web;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.HtmlUtils;

/**
 * An error answer of gongkai's API in the form the client accepts: the JSON error body where JSON is
 * acceptable, else a Chinese HTML page or plain text. The content type is fixed here, so Spring's content
 * negotiation can never turn a 400 into a 500 ("Failure in @ExceptionHandler") for an {@code Accept:
 * text/html} or {@code application/xml} client.
 */
public final class ErrorResponses {

  private static final MediaType JSON = new MediaType("application", "json", StandardCharsets.UTF_8);
  private static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);
  private static final MediaType TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);

  private ErrorResponses() {}

  /** The answer for {@code status} with a Chinese message and the refused fields, if any. */
  public static ResponseEntity<Object> answer(
      HttpServletRequest request, HttpStatus status, String message, List<BadRequestException.FieldProblem> problems) {
    List<MediaType> accepted = accepted(request);
    if (accepts(accepted, MediaType.APPLICATION_JSON)) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("status", status.value());
      body.put("message", message);
      body.put("errors", problems.stream().map(p -> Map.of("field", p.field(), "message", p.message())).toList());
      return ResponseEntity.status(status).contentType(JSON).body(body);
    }
    if (accepts(accepted, MediaType.TEXT_HTML)) {
      StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"><title>")
          .append(status.value()).append(" ").append(HtmlUtils.htmlEscape(message)).append("</title></head><body><h1>")
          .append(HtmlUtils.htmlEscape(message)).append("</h1>");
      if (!problems.isEmpty()) {
        html.append("<ul>");
        problems.forEach(p -> html.append("<li>").append(HtmlUtils.htmlEscape(p.field())).append("：")
            .append(HtmlUtils.htmlEscape(p.message())).append("</li>"));
        html.append("</ul>");
      }
      html.append("<p>错误代码：").append(status.value()).append("</p></body></html>");
      return ResponseEntity.status(status).contentType(HTML).body(html.toString());
    }
    StringBuilder text = new StringBuilder(message);
    problems.forEach(p -> text.append('\n').append(p.field()).append("：").append(p.message()));
    return ResponseEntity.status(status).contentType(TEXT)
        .header(HttpHeaders.CONTENT_LANGUAGE, "zh-CN").body(text.toString());
  }

  private static List<MediaType> accepted(HttpServletRequest request) {
    String accept = request.getHeader(HttpHeaders.ACCEPT);
    if (accept == null || accept.isBlank()) {
      return List.of(MediaType.ALL);
    }
    try {
      return MediaType.parseMediaTypes(accept);
    } catch (InvalidMediaTypeException e) {
      return List.of(MediaType.ALL);
    }
  }

  private static boolean accepts(List<MediaType> accepted, MediaType type) {
    return accepted.stream().anyMatch(a -> a.includes(type) && a.getQualityValue() > 0);
  }
}

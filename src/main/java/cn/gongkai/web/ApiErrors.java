package cn.gongkai.web;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The error body every gongkai API answers with: {@code {"status":400,"message":"…","errors":[{"field":"…","message":"…"}]}}.
 */
@RestControllerAdvice
class ApiErrors {

  @ExceptionHandler(BadRequestException.class)
  ResponseEntity<Map<String, Object>> badRequest(BadRequestException e) {
    return body(HttpStatus.BAD_REQUEST, "请求内容有误", e.problems());
  }

  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<Map<String, Object>> notFound(NotFoundException e) {
    return body(HttpStatus.NOT_FOUND, e.getMessage(), List.of());
  }

  @ExceptionHandler(ForbiddenException.class)
  ResponseEntity<Map<String, Object>> forbidden(ForbiddenException e) {
    return body(HttpStatus.FORBIDDEN, e.getMessage(), List.of());
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<Map<String, Object>> missingParameter(MissingServletRequestParameterException e) {
    return body(
        HttpStatus.BAD_REQUEST,
        "请求内容有误",
        List.of(new BadRequestException.FieldProblem(e.getParameterName(), "缺少必填参数")));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<Map<String, Object>> typeMismatch(MethodArgumentTypeMismatchException e) {
    return body(
        HttpStatus.BAD_REQUEST,
        "请求内容有误",
        List.of(new BadRequestException.FieldProblem(e.getName(), "格式不正确")));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
    String field = "body";
    String message = "请求正文不是有效的 JSON";
    if (e.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
      field = mismatch.getPath().get(mismatch.getPath().size() - 1).getFieldName();
      message = mismatch instanceof InvalidFormatException ? "取值或格式不正确" : "类型不正确";
    }
    return body(HttpStatus.BAD_REQUEST, "请求内容有误", List.of(new BadRequestException.FieldProblem(field, message)));
  }

  static ResponseEntity<Map<String, Object>> body(
      HttpStatus status, String message, List<BadRequestException.FieldProblem> problems) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", status.value());
    body.put("message", message);
    body.put("errors", problems.stream().map(p -> Map.of("field", p.field(), "message", p.message())).toList());
    return ResponseEntity.status(status).body(body);
  }
}

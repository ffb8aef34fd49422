package cn.gongkai.web;

import cn.gongkai.web.BadRequestException.FieldProblem;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * The error answers of every gongkai API: {@code {"status":400,"message":"…","errors":[{"field":"…","message":"…"}]}}
 * where JSON is acceptable, a Chinese page or text otherwise ({@link ErrorResponses}); never a 500 for bad input.
 */
@RestControllerAdvice
class ApiErrors {

  static final String INVALID = "请求内容有误";

  @ExceptionHandler(BadRequestException.class)
  ResponseEntity<Object> badRequest(BadRequestException e, HttpServletRequest request) {
    return ErrorResponses.answer(request, HttpStatus.BAD_REQUEST, INVALID, e.problems());
  }

  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<Object> notFound(NotFoundException e, HttpServletRequest request) {
    return ErrorResponses.answer(request, HttpStatus.NOT_FOUND, e.getMessage(), List.of());
  }

  @ExceptionHandler(ConflictException.class)
  ResponseEntity<Object> conflict(ConflictException e, HttpServletRequest request) {
    return ErrorResponses.answer(request, HttpStatus.CONFLICT, e.getMessage(), List.of());
  }

  @ExceptionHandler(ForbiddenException.class)
  ResponseEntity<Object> forbidden(ForbiddenException e, HttpServletRequest request) {
    return ErrorResponses.answer(request, HttpStatus.FORBIDDEN, e.getMessage(), List.of());
  }

  /** A refusal from a process step reached through gongkai's API (e.g. the registration's start). */
  @ExceptionHandler(BadUserRequestException.class)
  ResponseEntity<Object> refusedByProcess(BadUserRequestException e, HttpServletRequest request) {
    return ErrorResponses.answer(request, HttpStatus.BAD_REQUEST, EngineErrors.refusal(e), List.of());
  }

  /** Another action (a timer, a colleague) changed the case in the meantime. */
  @ExceptionHandler(OptimisticLockingException.class)
  ResponseEntity<Object> concurrentUpdate(OptimisticLockingException e, HttpServletRequest request) {
    return ErrorResponses.answer(request, HttpStatus.CONFLICT, EngineErrors.CONCURRENT_UPDATE, List.of());
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<Object> missingParameter(MissingServletRequestParameterException e, HttpServletRequest request) {
    return ErrorResponses.answer(request, HttpStatus.BAD_REQUEST, INVALID,
        List.of(new FieldProblem(e.getParameterName(), "缺少必填参数")));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
    return ErrorResponses.answer(request, HttpStatus.BAD_REQUEST, INVALID,
        List.of(new FieldProblem(e.getName(), "格式不正确")));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Object> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
    String field = "body";
    String message = "请求正文不是有效的 JSON";
    if (e.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
      field = mismatch.getPath().get(mismatch.getPath().size() - 1).getFieldName();
      message = mismatch instanceof InvalidFormatException ? "取值或格式不正确" : "类型不正确";
    }
    return ErrorResponses.answer(request, HttpStatus.BAD_REQUEST, INVALID, List.of(new FieldProblem(field, message)));
  }

  /** An upload larger than {@code spring.servlet.multipart.max-file-size}. */
  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<Object> tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
    return ErrorResponses.answer(request, HttpStatus.BAD_REQUEST, INVALID,
        List.of(new FieldProblem(Uploads.FIELD, "上传的文件过大，不能超过" + Uploads.MAX_MEGABYTES + "MB")));
  }

  /** Not a multipart request, no boundary, a broken part: the upload cannot be read. */
  @ExceptionHandler(MultipartException.class)
  ResponseEntity<Object> unreadableUpload(MultipartException e, HttpServletRequest request) {
    return ErrorResponses.answer(request, HttpStatus.BAD_REQUEST, INVALID, List.of(new FieldProblem(Uploads.FIELD,
        "无法读取上传的文件：请以 multipart/form-data 方式上传，文件放在名为 file 的部分")));
  }

  @ExceptionHandler(MissingServletRequestPartException.class)
  ResponseEntity<Object> missingPart(MissingServletRequestPartException e, HttpServletRequest request) {
    return ErrorResponses.answer(request, HttpStatus.BAD_REQUEST, INVALID,
        List.of(new FieldProblem(e.getRequestPartName(), "缺少上传的文件")));
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<Object> unsupportedType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
    return ErrorResponses.answer(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        "不支持的请求正文格式：" + e.getContentType(), List.of());
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<Object> unsupportedMethod(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
    return ErrorResponses.answer(request, HttpStatus.METHOD_NOT_ALLOWED,
        "此地址不支持 " + e.getMethod() + " 请求", List.of());
  }
}

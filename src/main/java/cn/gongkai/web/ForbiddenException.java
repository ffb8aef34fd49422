package cn.gongkai.web;

/** The caller is known but lacks the role: HTTP 403 with a Chinese message. */
public class ForbiddenException extends RuntimeException {

  public ForbiddenException(String message) {
    super(message);
  }
}

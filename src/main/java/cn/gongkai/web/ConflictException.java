package cn.gongkai.web;

/** The request collides with what is stored (a code already taken): HTTP 409 with a Chinese message. */
public class ConflictException extends RuntimeException {

  public ConflictException(String message) {
    super(message);
  }
}

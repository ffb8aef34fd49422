package cn.gongkai.web;

/** Nothing under that key: HTTP 404 with a Chinese message. */
public class NotFoundException extends RuntimeException {

  public NotFoundException(String message) {
    super(message);
  }
}

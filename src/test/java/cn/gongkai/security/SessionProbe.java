package cn.gongkai.security;

import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionIdListener;
import jakarta.servlet.http.HttpSessionListener;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Sees the server's sessions as the container creates them, so a test can read a real login session. */
class SessionProbe implements HttpSessionListener, HttpSessionIdListener {

  /** Registers the probe as a listener of the embedded container (a listener bean is registered by Spring Boot). */
  @TestConfiguration
  static class Config {
    @Bean
    SessionProbe sessionProbe() {
      return new SessionProbe();
    }
  }

  private final Map<String, HttpSession> sessions = new ConcurrentHashMap<>();

  @Override
  public void sessionCreated(HttpSessionEvent event) {
    sessions.put(event.getSession().getId(), event.getSession());
  }

  @Override
  public void sessionDestroyed(HttpSessionEvent event) {
    sessions.remove(event.getSession().getId());
  }

  @Override
  public void sessionIdChanged(HttpSessionEvent event, String oldSessionId) {
    sessions.remove(oldSessionId);
    sessions.put(event.getSession().getId(), event.getSession());
  }

  /** The session the client's cookie names. */
  HttpSession session(String id) {
    HttpSession session = sessions.get(id);
    if (session == null) {
      throw new AssertionError("no live session " + id + " among " + sessions.keySet());
    }
    return session;
  }

  /** Logs in to Tasklist as a browser does and returns the server's session behind the browser's cookie. */
  static HttpSession tasklistLogin(int port, SessionProbe probe) {
    Http browser = Http.session(port);
    int status = browser.webappLogin("tasklist", "intake", "demo").statusCode();
    if (status != 200) {
      throw new AssertionError("login failed: " + status);
    }
    return probe.session(browser.cookie("JSESSIONID"));
  }
}

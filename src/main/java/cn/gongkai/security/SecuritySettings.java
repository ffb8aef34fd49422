package cn.gongkai.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code gongkai.security.*}: the login failures policy and the origins a browser may send
 * state-changing calls from (besides the server's own).
 */
@ConfigurationProperties("gongkai.security")
record SecuritySettings(@DefaultValue Lockout lockout, @DefaultValue List<String> allowedOrigins) {

  /** After {@code maxFailures} consecutive failed logins the account is locked {@code lockMinutes}. */
  record Lockout(@DefaultValue("5") int maxFailures, @DefaultValue("30") int lockMinutes) {
    Lockout {
      if (maxFailures < 1 || maxFailures > 100) {
        throw new IllegalArgumentException("gongkai.security.lockout.max-failures must be between 1 and 100");
      }
      if (lockMinutes < 1 || lockMinutes > 24 * 60) {
        throw new IllegalArgumentException("gongkai.security.lockout.lock-minutes must be between 1 and 1440");
      }
    }
  }
}

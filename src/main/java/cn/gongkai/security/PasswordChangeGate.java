package cn.gongkai.security;

import java.time.ZoneOffset;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An account flagged to change its password (the first administrator, 等保2.0 身份鉴别) may do nothing
 * else until it has: only logging in and out, reading its profile and the password policy, and
 * changing its own password pass.
 */
@Component
class PasswordChangeGate {

  static final String MESSAGE = "首次登录须先修改密码：请在欢迎页“我的资料”中修改密码后再继续";

  private static final String ENGINE = "(?:/engine-rest|/camunda/api/engine/engine/[^/]+)";
  private static final Pattern AUTH = Pattern.compile("/camunda/api/admin/auth/.*");
  private static final Pattern STATIC = Pattern.compile("/camunda/api/[^/]+/plugin/.+/static/.*");
  private static final Pattern ENGINES = Pattern.compile("/camunda/api/engine/engine/?|/engine-rest/engine/?");
  private static final Pattern POLICY = Pattern.compile(ENGINE + "/identity/password-policy");

  private final JdbcClient jdbc;

  PasswordChangeGate(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  boolean mustChange(String userId) {
    return jdbc.sql("SELECT COUNT(*) FROM gk_password_change_required WHERE user_id = ?").param(userId)
        .query(Long.class).single() > 0;
  }

  void require(String userId) {
    if (!mustChange(userId)) {
      jdbc.sql("INSERT INTO gk_password_change_required (user_id, required_at) VALUES (?, ?)")
          .params(userId, LoginLockout.now().atOffset(ZoneOffset.UTC))
          .update();
    }
  }

  void changed(String userId) {
    jdbc.sql("DELETE FROM gk_password_change_required WHERE user_id = ?").param(userId).update();
  }

  /** Whether the call is one of the few a user who must change the password may make. */
  static boolean allows(String method, String path, String userId) {
    String self = Pattern.quote(userId);
    boolean read = "GET".equals(method) || "HEAD".equals(method);
    return AUTH.matcher(path).matches()
        || read && (STATIC.matcher(path).matches() || ENGINES.matcher(path).matches()
            || path.matches(ENGINE + "/user/" + self + "/profile"))
        || POLICY.matcher(path).matches()
        || isOwnPasswordChange(method, path, userId);
  }

  static boolean isOwnPasswordChange(String method, String path, String userId) {
    return "PUT".equals(method) && path.matches(ENGINE + "/user/" + Pattern.quote(userId) + "/credentials");
  }
}

package cn.gongkai.security;

import cn.gongkai.audit.AuditKind;
import cn.gongkai.audit.AuditLog;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The login failures policy (等保2.0 身份鉴别: 登录失败处理): after {@code max-failures} consecutive
 * failures an account is locked for {@code lock-minutes}, then unlocks by itself; a security administrator
 * may unlock it earlier. Every failure, lock and unlock is audited. Same policy for the webapp login and
 * HTTP Basic. Time is the engine clock, so tests move it instead of sleeping.
 */
@Service
public class LoginLockout {

  static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
  private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("M月d日HH:mm");

  private final JdbcClient jdbc;
  private final IdentityService identity;
  private final AuditLog auditLog;
  private final SecuritySettings.Lockout policy;
  private final VerifiedCredentials verified;

  LoginLockout(JdbcClient jdbc, IdentityService identity, AuditLog auditLog, SecuritySettings settings,
      VerifiedCredentials verified) {
    this.verified = verified;
    this.jdbc = jdbc;
    this.identity = identity;
    this.auditLog = auditLog;
    this.policy = settings.lockout();
  }

  /** A locked account and until when. */
  public record LockedAccount(String userId, OffsetDateTime lockedUntil) {}

  /** The end of the account's lock if it is locked now; a lock that ran out is lifted (and audited). */
  public Optional<Instant> lockedUntil(String userId, String address) {
    Optional<Instant> until = jdbc.sql("SELECT locked_until FROM gk_login_lockout WHERE user_id = ? AND locked_until IS NOT NULL")
        .param(userId)
        .query((rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant())
        .optional();
    if (until.isEmpty()) {
      return until;
    }
    if (until.get().isAfter(now())) {
      return until;
    }
    if (jdbc.sql("DELETE FROM gk_login_lockout WHERE user_id = ? AND locked_until IS NOT NULL").param(userId).update() > 0) {
      auditLog.record(null, address, AuditKind.ACCOUNT_UNLOCKED, userId, "锁定期满，自动解锁");
    }
    return Optional.empty();
  }

  /** Whether the account is locked now (without lifting an expired lock). */
  public boolean isLocked(String userId) {
    return jdbc.sql("SELECT COUNT(*) FROM gk_login_lockout WHERE user_id = ? AND locked_until > ?")
        .params(userId, now().atOffset(ZoneOffset.UTC))
        .query(Long.class).single() > 0;
  }

  /** Counts a failed login; the failure that reaches the limit locks the account. Returns the lock's end if so. */
  public Optional<Instant> failed(String userId, String address, String channel) {
    // the next right password is checked (and ends the run of failures) again
    verified.forget(userId);
    boolean known = userId != null && !userId.isBlank() && identity.createUserQuery().userId(userId).count() > 0;
    auditLog.record(userId, address, AuditKind.LOGIN_FAILED, channel, known ? "密码错误" : "用户不存在或密码错误");
    if (!known) {
      // no rows for made-up user ids: the table cannot be filled from outside
      return Optional.empty();
    }
    if (jdbc.sql("UPDATE gk_login_lockout SET failures = failures + 1 WHERE user_id = ?").param(userId).update() == 0) {
      try {
        jdbc.sql("INSERT INTO gk_login_lockout (user_id, failures) VALUES (?, 1)").param(userId).update();
      } catch (org.springframework.dao.DuplicateKeyException e) {
        jdbc.sql("UPDATE gk_login_lockout SET failures = failures + 1 WHERE user_id = ?").param(userId).update();
      }
    }
    int failures = jdbc.sql("SELECT failures FROM gk_login_lockout WHERE user_id = ?").param(userId)
        .query(Integer.class).single();
    if (failures < policy.maxFailures()) {
      return Optional.empty();
    }
    Instant until = now().plusSeconds(60L * policy.lockMinutes());
    jdbc.sql("UPDATE gk_login_lockout SET failures = 0, locked_until = ? WHERE user_id = ?")
        .params(until.atOffset(ZoneOffset.UTC), userId)
        .update();
    auditLog.record(userId, address, AuditKind.ACCOUNT_LOCKED, userId,
        "连续 " + failures + " 次登录失败，锁定至 " + until.atZone(BEIJING).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")));
    return Optional.of(until);
  }

  /** A successful login ends the run of failures. */
  public void succeeded(String userId) {
    jdbc.sql("DELETE FROM gk_login_lockout WHERE user_id = ? AND locked_until IS NULL").param(userId).update();
  }

  /** A security administrator lifts a lock before its end. Returns false when the account was not locked. */
  public boolean unlock(String userId, String by, String address) {
    verified.forget(userId);
    boolean wasLocked = isLocked(userId);
    jdbc.sql("DELETE FROM gk_login_lockout WHERE user_id = ?").param(userId).update();
    if (wasLocked) {
      auditLog.record(by, address, AuditKind.ACCOUNT_UNLOCKED, userId, "安全管理员解锁");
    }
    return wasLocked;
  }

  /** The accounts locked now. */
  public List<LockedAccount> locked() {
    return jdbc.sql("SELECT user_id, locked_until FROM gk_login_lockout WHERE locked_until > ? ORDER BY user_id")
        .param(now().atOffset(ZoneOffset.UTC))
        .query((rs, n) -> new LockedAccount(rs.getString(1),
            rs.getObject(2, OffsetDateTime.class).atZoneSameInstant(BEIJING).toOffsetDateTime()))
        .list();
  }

  /** What a locked user reads, in Beijing time. */
  public static String message(Instant until) {
    Instant now = now();
    boolean sameDay = until.atZone(BEIJING).toLocalDate().equals(now.atZone(BEIJING).toLocalDate());
    return "账户已锁定，请于" + until.atZone(BEIJING).format(sameDay ? TIME : DAY_TIME) + "后重试或联系安全管理员";
  }

  static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}

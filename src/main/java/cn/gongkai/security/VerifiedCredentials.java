package cn.gongkai.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * HTTP Basic credentials verified in the last {@link #TTL_SECONDS} seconds, so that a client sending the same
 * user and password with every call is not checked against the identity service (password hash, login
 * attempts, groups) each time. Kept in memory only, as a salted SHA-256 of user and password (never the
 * password). Forgotten at once when the user fails a login, is locked or unlocked, and when any user, group or
 * membership changes through the engine ({@link #interceptor()}); on another node such a change takes effect
 * within {@link #TTL_SECONDS} seconds. The lock itself is still checked on every call.
 */
@Component
class VerifiedCredentials {

  static final long TTL_SECONDS = 30;
  private static final int MAX_ENTRIES = 10_000;
  /** The engine's commands that change who someone is or which groups they are in. */
  private static final Set<String> IDENTITY_COMMANDS = Set.of("SaveUserCmd", "CreateUserCmd", "DeleteUserCmd",
      "UnlockUserCmd", "SaveGroupCmd", "CreateGroupCmd", "DeleteGroupCmd", "CreateMembershipCmd",
      "DeleteMembershipCmd", "CreateTenantCmd", "SaveTenantCmd", "DeleteTenantCmd", "CreateTenantUserMembershipCmd",
      "DeleteTenantUserMembershipCmd", "CreateTenantGroupMembershipCmd", "DeleteTenantGroupMembershipCmd");

  /**
   * What was looked up when the credentials were verified: the groups, the agencies (tenants) the user belongs to
   * directly or through a group, and the user's own agency (null if none).
   */
  record Identity(List<String> groups, List<String> tenants, String homeTenant) {}

  private record Entry(byte[] digest, Identity identity, long expiresAt) {}

  private final byte[] salt = new byte[32];
  private final Map<String, Entry> byUser = new ConcurrentHashMap<>();

  VerifiedCredentials() {
    new SecureRandom().nextBytes(salt);
  }

  /** Who the user is when these credentials were verified within the last seconds, else null. */
  Identity ifVerified(String userId, String password) {
    Entry entry = byUser.get(userId);
    if (entry == null) {
      return null;
    }
    if (System.nanoTime() - entry.expiresAt() > 0) {
      byUser.remove(userId, entry);
      return null;
    }
    return MessageDigest.isEqual(entry.digest(), digest(userId, password)) ? entry.identity() : null;
  }

  /** Remembers credentials the identity service has just accepted, with the user's groups and agencies. */
  void remember(String userId, String password, Identity identity) {
    if (byUser.size() >= MAX_ENTRIES) {
      byUser.clear();
    }
    byUser.put(userId, new Entry(digest(userId, password), identity,
        System.nanoTime() + TimeUnit.SECONDS.toNanos(TTL_SECONDS)));
  }

  void forget(String userId) {
    if (userId != null) {
      byUser.remove(userId);
    }
  }

  void forgetAll() {
    byUser.clear();
  }

  /** Clears the cache before and after (committed) every identity change the engine runs. */
  CommandInterceptor interceptor() {
    return new CommandInterceptor() {
      @Override
      public <T> T execute(Command<T> command) {
        boolean identity = IDENTITY_COMMANDS.contains(command.getClass().getSimpleName());
        if (identity) {
          forgetAll();
        }
        try {
          return next.execute(command);
        } finally {
          if (identity) {
            forgetAll();
          }
        }
      }
    };
  }

  private byte[] digest(String userId, String password) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(salt);
      sha.update(userId.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(password.getBytes(StandardCharsets.UTF_8));
      return sha.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

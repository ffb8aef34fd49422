package cn.gongkai.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/** The hash that links an entry to the one before it: SHA-256 over the previous hash and the entry's fields. */
final class AuditChain {

  static final String GENESIS = "0".repeat(64);

  private AuditChain() {}

  static String hash(String prevHash, long id, Instant at, String userId, String address, AuditKind kind,
      String object, String result) {
    String text = String.join("\u001f", prevHash, Long.toString(id), Long.toString(at.toEpochMilli()),
        nullToEmpty(userId), nullToEmpty(address), kind.name(), nullToEmpty(object), nullToEmpty(result));
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JVM", e);
    }
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}

package cn.gongkai.portal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * 查询码 and submission numbers: random (SecureRandom), from an alphabet without look-alike characters
 * (no 0/O, 1/I/L), so they can be read out on the phone. The code is kept only as a salted SHA-256; it
 * has nothing to do with the case number.
 */
final class QueryCodes {

  static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
  /** 16 characters of a 31-letter alphabet: about 79 bits. */
  static final int CODE_LENGTH = 16;

  private final SecureRandom random = new SecureRandom();

  String newCode() {
    return randomText(CODE_LENGTH);
  }

  /** WS, the day, and 8 random characters: e.g. WS20261126-7KQ3M9XP. */
  String newSubmissionNumber(java.time.LocalDate day) {
    return "WS" + day.toString().replace("-", "") + "-" + randomText(8);
  }

  /** DJ, the day of receipt, and 8 random characters: the number of a request registered at the desk. */
  String newDeskNumber(java.time.LocalDate day) {
    return "DJ" + day.toString().replace("-", "") + "-" + randomText(8);
  }

  String newSalt() {
    byte[] salt = new byte[16];
    random.nextBytes(salt);
    return HexFormat.of().formatHex(salt);
  }

  static String hash(String salt, String code) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(salt.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest(normalise(code).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Whether the code matches, in constant time. */
  static boolean matches(String salt, String expectedHash, String code) {
    return MessageDigest.isEqual(hash(salt, code == null ? "" : code).getBytes(StandardCharsets.US_ASCII),
        expectedHash.getBytes(StandardCharsets.US_ASCII));
  }

  /** Applicants type codes in any case and with spaces or hyphens. */
  static String normalise(String code) {
    return code.replaceAll("[\\s-]", "").toUpperCase(java.util.Locale.ROOT);
  }

  private String randomText(int length) {
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return text.toString();
  }
}

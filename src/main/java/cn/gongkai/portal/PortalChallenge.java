package cn.gongkai.portal;

import cn.gongkai.web.BadRequestException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.altcha.altcha.Altcha;
import org.springframework.stereotype.Component;

/**
 * The challenge before a submission: an ALTCHA proof of work (the browser searches the number whose
 * SHA-256 with the salt gives the challenge; signed with a server key, expiring). Works offline, asks the
 * applicant nothing (no picture to read: usable with a screen reader), costs a script a second of CPU per
 * submission. Each solved challenge is accepted once.
 */
@Component
class PortalChallenge {

  /** The field of the submission that carries the solved challenge (base64 JSON, as ALTCHA defines it). */
  static final String FIELD = "challenge";

  private final PortalSettings.Challenge settings;
  private final String hmacKey;
  private final Map<String, Instant> used = new ConcurrentHashMap<>();

  PortalChallenge(PortalSettings settings) {
    this.settings = settings.challenge();
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    // per start: a restart only invalidates challenges handed out in the last minutes
    this.hmacKey = HexFormat.of().formatHex(key);
  }

  boolean enabled() {
    return settings.enabled();
  }

  /** A new challenge for the browser to solve. */
  Altcha.Challenge create() {
    try {
      return Altcha.createChallenge(new Altcha.ChallengeOptions()
          .setAlgorithm(Altcha.Algorithm.SHA256)
          .setMaxNumber(settings.maxNumber())
          .setHmacKey(hmacKey)
          .setExpiresInSeconds(settings.expiresSeconds()));
    } catch (Exception e) {
      throw new IllegalStateException("cannot create a challenge", e);
    }
  }

  /** Refuses the submission (400, field {@code challenge}) unless it carries a fresh, unused solution. */
  void check(Object answer) {
    if (!settings.enabled()) {
      return;
    }
    if (!(answer instanceof String payload) || payload.isBlank()) {
      throw new BadRequestException(FIELD, "请先完成人机验证");
    }
    boolean valid;
    try {
      valid = payload.length() < 4000 && Altcha.verifySolution(payload, hmacKey, true);
    } catch (Exception e) {
      valid = false;
    }
    if (!valid) {
      throw new BadRequestException(FIELD, "人机验证未通过或已过期，请重新验证");
    }
    Instant now = Instant.now();
    used.values().removeIf(at -> at.isBefore(now.minusSeconds(settings.expiresSeconds() + 60)));
    if (used.putIfAbsent(payload, now) != null) {
      throw new BadRequestException(FIELD, "人机验证已使用过，请重新验证");
    }
  }
}

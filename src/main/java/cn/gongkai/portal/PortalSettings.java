package cn.gongkai.portal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the applicant portal ({@code gongkai.portal.*}).
 *
 * @param baseUrl the portal's public address, for the links in applicants' mail
 * @param challenge the proof-of-work challenge on submission
 * @param lockout wrong 查询码 attempts per submission before tracking it is locked, and for how long
 * @param rateLimit per client address
 * @param idProofMaxBytes the largest ID-proof attachment accepted
 * @param mailFrom the sender of applicants' mail
 */
@ConfigurationProperties("gongkai.portal")
record PortalSettings(
    @DefaultValue("http://localhost:8080") String baseUrl,
    @DefaultValue Challenge challenge,
    @DefaultValue Lockout lockout,
    @DefaultValue RateLimit rateLimit,
    @DefaultValue("2097152") long idProofMaxBytes,
    @DefaultValue("gongkai@localhost") String mailFrom) {

  /** @param enabled false only for automated tests; @param maxNumber the work (SHA-256 attempts at most) */
  record Challenge(@DefaultValue("true") boolean enabled, @DefaultValue("50000") long maxNumber,
      @DefaultValue("600") long expiresSeconds) {}

  record Lockout(@DefaultValue("5") int maxFailures, @DefaultValue("30") int minutes) {}

  /** Submissions per hour and lookups (tracking, downloads, corrections) per minute, per client address. */
  record RateLimit(@DefaultValue("10") int submissionsPerHour, @DefaultValue("60") int lookupsPerMinute) {}
}

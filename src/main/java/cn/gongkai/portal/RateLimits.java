package cn.gongkai.portal;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Token buckets per client address (Bucket4j): submissions per hour, lookups per minute. The address is
 * the connection's; behind a reverse proxy set {@code server.forward-headers-strategy} so that it is the
 * applicant's.
 */
@Component
class RateLimits {

  /** What the bucket limits. */
  enum Kind { SUBMIT, LOOKUP }

  private static final int MAX_ADDRESSES = 100_000;

  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
  private final PortalSettings.RateLimit settings;

  RateLimits(PortalSettings settings) {
    this.settings = settings.rateLimit();
  }

  /** Takes one token for that address, or refuses with 429. */
  void take(Kind kind, HttpServletRequest request) {
    if (buckets.size() > MAX_ADDRESSES) {
      // a flood of addresses must not exhaust memory: start over (limits are per hour at most)
      buckets.clear();
    }
    Bucket bucket = buckets.computeIfAbsent(kind + "|" + request.getRemoteAddr(), k -> newBucket(kind).get());
    if (!bucket.tryConsume(1)) {
      throw new TooManyRequests(kind == Kind.SUBMIT
          ? "提交过于频繁，请一小时后再试" : "查询过于频繁，请稍后再试");
    }
  }

  private Supplier<Bucket> newBucket(Kind kind) {
    Bandwidth limit = kind == Kind.SUBMIT
        ? Bandwidth.builder().capacity(settings.submissionsPerHour())
            .refillGreedy(settings.submissionsPerHour(), Duration.ofHours(1)).build()
        : Bandwidth.builder().capacity(settings.lookupsPerMinute())
            .refillGreedy(settings.lookupsPerMinute(), Duration.ofMinutes(1)).build();
    return () -> Bucket.builder().addLimit(limit).build();
  }

  /** Too many calls from one address: HTTP 429 with a Chinese message. */
  static final class TooManyRequests extends RuntimeException {
    TooManyRequests(String message) {
      super(message, null, false, false);
    }
  }
}

package cn.gongkai.request.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The 查询码 just issued at the desk, in memory only, for the clerk who registered the case, for 30 minutes:
 * long enough to write it on the receipt, never in engine variables, history, the database or logs.
 */
@Component
public class IssuedQueryCodes {

  static final Duration KEPT = Duration.ofMinutes(30);

  private record Issued(String code, Instant until) {}

  private final Map<String, Issued> codes = new ConcurrentHashMap<>();

  void remember(String user, String caseNumber, String code) {
    Instant now = Instant.now();
    codes.values().removeIf(i -> i.until().isBefore(now));
    codes.put(key(user, caseNumber), new Issued(code, now.plus(KEPT)));
  }

  /** The code issued for that case, if {@code user} registered it less than 30 minutes ago. */
  public Optional<String> of(String user, String caseNumber) {
    if (user == null || caseNumber == null) {
      return Optional.empty();
    }
    Issued issued = codes.get(key(user, caseNumber));
    if (issued == null || issued.until().isBefore(Instant.now())) {
      return Optional.empty();
    }
    return Optional.of(issued.code());
  }

  private static String key(String user, String caseNumber) {
    return user + "\u0000" + caseNumber;
  }
}

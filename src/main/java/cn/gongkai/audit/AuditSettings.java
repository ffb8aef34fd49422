package cn.gongkai.audit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code gongkai.audit.retention-days}: entries older than this are purged once a day; 0 (the default)
 * keeps everything. Anything between 1 and 179 is refused at start: 网络安全法第二十一条 requires network
 * logs to be kept at least six months.
 */
@ConfigurationProperties("gongkai.audit")
record AuditSettings(int retentionDays) {

  static final Duration MIN_RETENTION = Duration.ofDays(180);

  AuditSettings {
    if (retentionDays < 0 || retentionDays > 0 && retentionDays < 180) {
      throw new IllegalArgumentException("gongkai.audit.retention-days=" + retentionDays
          + ": audit entries must be kept at least 180 days (网络安全法第二十一条); 0 keeps them all");
    }
  }

  boolean purges() {
    return retentionDays > 0;
  }
}

package cn.gongkai.monitoring;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Monitoring settings.
 *
 * @param refreshInterval the gauges of /actuator/prometheus are read from the database at most this often
 *     (30 s): a scrape inside the interval answers from the last reading, so scraping costs no queries
 */
@ConfigurationProperties("gongkai.monitoring")
public record MonitoringSettings(Duration refreshInterval) {

  public MonitoringSettings {
    refreshInterval = refreshInterval == null ? Duration.ofSeconds(30) : refreshInterval;
  }
}

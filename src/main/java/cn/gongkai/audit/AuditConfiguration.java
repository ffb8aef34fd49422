package cn.gongkai.audit;

import jakarta.servlet.DispatcherType;
import java.time.Duration;
import java.util.EnumSet;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Registers the audit trail of HTTP calls and the daily purge (only when a retention is set). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuditSettings.class)
@EnableScheduling
class AuditConfiguration {

  private final AuditLog auditLog;
  private final AuditSettings settings;

  AuditConfiguration(AuditLog auditLog, AuditSettings settings) {
    this.auditLog = auditLog;
    this.settings = settings;
  }

  @Bean
  FilterRegistrationBean<AuditTrailFilter> auditTrail() {
    FilterRegistrationBean<AuditTrailFilter> registration = new FilterRegistrationBean<>(new AuditTrailFilter(auditLog));
    registration.setName("gongkai-audit-trail");
    registration.addUrlPatterns("/api/*", "/cases/*", "/engine-rest/*", "/camunda/api/engine/*");
    registration.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST));
    // after authentication (order 11), so the request knows its user
    registration.setOrder(20);
    return registration;
  }

  @Scheduled(cron = "0 17 3 * * *", zone = "Asia/Shanghai")
  void purge() {
    if (settings.purges()) {
      auditLog.purgeOlderThan(Duration.ofDays(settings.retentionDays()), "system");
    }
  }
}

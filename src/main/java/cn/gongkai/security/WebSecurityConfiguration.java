package cn.gongkai.security;

import cn.gongkai.audit.AuditLog;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every REST endpoint is authenticated: Camunda's engine REST and gongkai's own API and pages. In front
 * of them, in this order: response headers, the Origin check of state-changing calls, the webapp login's
 * failures policy, the per-request re-check of webapp sessions, the Cockpit plugin API guard.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecuritySettings.class)
class WebSecurityConfiguration {

  private static final String[] GONGKAI = {"/api/*", "/cases/*", "/audit", "/audit/*", "/security/*"};
  /** The OpenAPI description and its UI (springdoc): for logged-in users (it lists the public API too). */
  private static final String[] API_DOCS = {"/v3/api-docs", "/v3/api-docs/*", "/swagger-ui/*", "/swagger-ui.html"};

  @Bean
  FilterRegistrationBean<SecurityHeaders> securityHeaders() {
    FilterRegistrationBean<SecurityHeaders> registration = new FilterRegistrationBean<>(new SecurityHeaders());
    registration.setName("gongkai-security-headers");
    registration.addUrlPatterns(GONGKAI);
    // the applicant portal's pages (its API is under /api/*)
    registration.addUrlPatterns("/portal", "/portal/*");
    registration.setOrder(1);
    return registration;
  }

  @Bean
  FilterRegistrationBean<OriginCheck> originCheck(SecuritySettings settings) {
    FilterRegistrationBean<OriginCheck> registration = new FilterRegistrationBean<>(new OriginCheck(settings.allowedOrigins()));
    registration.setName("gongkai-origin-check");
    registration.addUrlPatterns(GONGKAI);
    registration.addUrlPatterns("/engine-rest/*");
    registration.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST));
    registration.setOrder(2);
    return registration;
  }

  @Bean
  FilterRegistrationBean<WebappLoginFilter> webappLogin(LoginLockout lockout, AuditLog auditLog) {
    FilterRegistrationBean<WebappLoginFilter> registration =
        new FilterRegistrationBean<>(new WebappLoginFilter(lockout, auditLog));
    registration.setName("gongkai-webapp-login");
    registration.addUrlPatterns("/camunda/api/admin/auth/user/*");
    registration.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST));
    registration.setOrder(6);
    return registration;
  }

  @Bean
  FilterRegistrationBean<SessionGuard> sessionGuard(ProcessEngine engine, LoginLockout lockout,
      PasswordChangeGate passwordGate, AuditLog auditLog) {
    FilterRegistrationBean<SessionGuard> registration =
        new FilterRegistrationBean<>(new SessionGuard(engine, lockout, passwordGate, auditLog));
    registration.setName("gongkai-session-guard");
    registration.addUrlPatterns(GONGKAI);
    registration.addUrlPatterns("/camunda/api/*");
    registration.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST));
    registration.setOrder(8);
    return registration;
  }

  @Bean
  FilterRegistrationBean<CockpitPluginGuard> cockpitPluginGuard() {
    FilterRegistrationBean<CockpitPluginGuard> registration = new FilterRegistrationBean<>(new CockpitPluginGuard());
    registration.setName("gongkai-cockpit-plugin-guard");
    registration.addUrlPatterns("/camunda/api/cockpit/*");
    registration.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST));
    registration.setOrder(9);
    return registration;
  }

  @Bean
  FilterRegistrationBean<ApiAuthenticationFilter> apiAuthentication(IdentityService identityService,
      LoginLockout lockout, PasswordChangeGate passwordGate, AuditLog auditLog, VerifiedCredentials verified) {
    FilterRegistrationBean<ApiAuthenticationFilter> registration = new FilterRegistrationBean<>(
        new ApiAuthenticationFilter(identityService, lockout, passwordGate, auditLog, verified, true));
    registration.setName("gongkai-api-auth");
    // the engine REST API too, /engine-rest/engine included (Camunda's own filter leaves that one open);
    // the applicant portal's /api/public/* is passed through (ApiAuthenticationFilter.isPublic)
    registration.addUrlPatterns(GONGKAI);
    registration.addUrlPatterns(API_DOCS);
    registration.addUrlPatterns("/engine-rest/*");
    registration.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST));
    registration.setOrder(11);
    return registration;
  }

  @Bean
  FilterRegistrationBean<AdministratorAccountGuard> administratorAccountGuard(IdentityService identityService) {
    FilterRegistrationBean<AdministratorAccountGuard> registration =
        new FilterRegistrationBean<>(new AdministratorAccountGuard(identityService));
    registration.setName("gongkai-administrator-account-guard");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST));
    // after the session guard (8) and the API authentication (11): both tell who calls
    registration.setOrder(13);
    return registration;
  }

  @Bean
  FilterRegistrationBean<PasswordPolicyCheck> passwordPolicyCheck(IdentityService identityService,
      com.fasterxml.jackson.databind.ObjectMapper json) {
    FilterRegistrationBean<PasswordPolicyCheck> registration =
        new FilterRegistrationBean<>(new PasswordPolicyCheck(identityService, json));
    registration.setName("gongkai-password-policy-check");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST));
    registration.setOrder(14);
    return registration;
  }

  @Bean
  FilterRegistrationBean<SetupLock> setupLock() {
    FilterRegistrationBean<SetupLock> registration = new FilterRegistrationBean<>(new SetupLock());
    registration.setName("gongkai-setup-lock");
    registration.addUrlPatterns("/camunda/api/admin/setup/*");
    registration.setOrder(5);
    return registration;
  }

  /**
   * Health status is public (for load balancers); its details only for admin and supervisor; the rest of
   * /actuator is guarded by {@link ActuatorAccess}.
   */
  @Bean
  FilterRegistrationBean<ApiAuthenticationFilter> actuatorAuthentication(IdentityService identityService,
      LoginLockout lockout, PasswordChangeGate passwordGate, AuditLog auditLog, VerifiedCredentials verified) {
    FilterRegistrationBean<ApiAuthenticationFilter> registration = new FilterRegistrationBean<>(
        new ApiAuthenticationFilter(identityService, lockout, passwordGate, auditLog, verified, false));
    registration.setName("gongkai-actuator-auth");
    registration.addUrlPatterns("/actuator/*");
    registration.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST));
    registration.setOrder(12);
    return registration;
  }

  /** After the actuator's authentication (12): everything but health needs a login, the metrics a metrics reader. */
  @Bean
  FilterRegistrationBean<ActuatorAccess> actuatorAccess() {
    FilterRegistrationBean<ActuatorAccess> registration = new FilterRegistrationBean<>(new ActuatorAccess());
    registration.setName("gongkai-actuator-access");
    registration.addUrlPatterns("/actuator/*");
    registration.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST));
    registration.setOrder(15);
    return registration;
  }
}

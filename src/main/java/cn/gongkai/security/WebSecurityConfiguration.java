package cn.gongkai.security;

import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Every REST endpoint is authenticated: Camunda's engine REST and gongkai's own API and pages. */
@Configuration(proxyBeanMethods = false)
class WebSecurityConfiguration {

  @Bean
  FilterRegistrationBean<ApiAuthenticationFilter> apiAuthentication(IdentityService identityService) {
    FilterRegistrationBean<ApiAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ApiAuthenticationFilter(identityService, true));
    registration.setName("gongkai-api-auth");
    // the engine REST API too, /engine-rest/engine included (Camunda's own filter leaves that one open)
    registration.addUrlPatterns("/api/*", "/cases/*", "/engine-rest/*");
    registration.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST));
    registration.setOrder(11);
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

  /** Health status is public (for load balancers); its details only for admin and supervisor. */
  @Bean
  FilterRegistrationBean<ApiAuthenticationFilter> actuatorAuthentication(IdentityService identityService) {
    FilterRegistrationBean<ApiAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ApiAuthenticationFilter(identityService, false));
    registration.setName("gongkai-actuator-auth");
    registration.addUrlPatterns("/actuator/*");
    registration.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST));
    registration.setOrder(12);
    return registration;
  }
}

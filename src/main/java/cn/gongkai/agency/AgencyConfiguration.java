package cn.gongkai.agency;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The engine APIs answer another agency's objects as unknown ones. */
@Configuration
class AgencyConfiguration {

  @Bean
  FilterRegistrationBean<ForeignTenantRefusal> foreignTenantRefusal() {
    FilterRegistrationBean<ForeignTenantRefusal> registration = new FilterRegistrationBean<>(new ForeignTenantRefusal());
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
    return registration;
  }
}

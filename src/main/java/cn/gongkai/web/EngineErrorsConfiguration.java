package cn.gongkai.web;

import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The engine's refusals and conflicts as 400 and 409 on both engine APIs (see {@link EngineErrors}). */
@Configuration(proxyBeanMethods = false)
class EngineErrorsConfiguration {

  @Bean
  ProcessEnginePlugin engineErrorCodes() {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setCustomExceptionCodeProvider(new EngineErrors.CodeProvider());
      }
    };
  }

  @Bean
  FilterRegistrationBean<EngineErrorFilter> engineErrors(
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    FilterRegistrationBean<EngineErrorFilter> registration = new FilterRegistrationBean<>(new EngineErrorFilter());
    registration.setName("gongkai-engine-errors");
    registration.addUrlPatterns("/engine-rest/*", webappPath + "/api/engine/*");
    registration.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST));
    registration.setOrder(20);
    return registration;
  }
}

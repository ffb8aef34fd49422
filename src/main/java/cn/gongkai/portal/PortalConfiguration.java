package cn.gongkai.portal;

import org.springdoc.core.models.GroupedOpenApi;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The portal's settings, its pages' entry and its public API description. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PortalSettings.class)
class PortalConfiguration {

  /** The public API alone, readable without login at /v3/api-docs/public (the full description needs a login). */
  @Bean
  GroupedOpenApi publicApi() {
    return GroupedOpenApi.builder().group("public").displayName("申请人门户公开接口").pathsToMatch("/api/public/**").build();
  }

  /** Everything, for staff: /v3/api-docs/all. */
  @Bean
  GroupedOpenApi allApi() {
    return GroupedOpenApi.builder().group("all").displayName("全部接口").pathsToMatch("/**").build();
  }

  /** /portal and /portal/ open the apply page. */
  @Controller
  static class PortalPages {

    @GetMapping({"/portal", "/portal/"})
    String index() {
      return "forward:/portal/index.html";
    }
  }
}

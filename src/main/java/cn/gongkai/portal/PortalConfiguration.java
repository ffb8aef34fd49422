package cn.gongkai.portal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The portal's settings and its pages' entry. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PortalSettings.class)
class PortalConfiguration {

  /** /portal and /portal/ open the apply page. */
  @Controller
  static class PortalPages {

    @GetMapping({"/portal", "/portal/"})
    String index() {
      return "forward:/portal/index.html";
    }
  }
}

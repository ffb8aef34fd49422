package cn.gongkai.portal;

import cn.gongkai.agency.Agencies;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The default directory: the agencies registered in this installation (the configured one at least). */
@Configuration(proxyBeanMethods = false)
class InstalledAgencies {

  @Bean
  @ConditionalOnMissingBean(AgencyDirectory.class)
  AgencyDirectory agencyDirectory(Agencies agencies) {
    return () -> {
      agencies.defaultAgency();
      return agencies.all().stream().map(a -> new AgencyDirectory.PublicAgency(a.code(), a.name())).toList();
    };
  }
}

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
      // the installation's own agency first: it takes a request whose agency the applicant did not choose
      String first = agencies.defaultAgency().code();
      return agencies.all().stream()
          .sorted(java.util.Comparator.comparing((cn.gongkai.agency.Agency a) -> !a.code().equals(first)))
          .map(a -> new AgencyDirectory.PublicAgency(a.code(), a.name())).toList();
    };
  }
}

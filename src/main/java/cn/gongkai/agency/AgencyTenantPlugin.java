package cn.gongkai.agency;

import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * One process definition shared by every agency (deployed without tenant), each instance in its agency's tenant
 * (Camunda "Multi-Tenancy – shared definitions"): the starter's own agency, the agency a referral names, or for a
 * start without a user (timers, the platform itself) the installation's default agency. The engine's tenant
 * check then keeps each agency's instances, tasks and history away from the staff of other agencies in Tasklist,
 * Cockpit and engine REST alike.
 */
@Component
class AgencyTenantPlugin extends AbstractProcessEnginePlugin {

  static final String NO_AGENCY = "您的账户未归属任何机关，不能发起流程，请联系系统管理员设置所属机关";

  private final AgencyStarts starts;
  private final String defaultAgency;

  AgencyTenantPlugin(AgencyStarts starts, @Value("${gongkai.agency.code}") String defaultAgency) {
    this.starts = starts;
    this.defaultAgency = defaultAgency;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setTenantIdProvider(new StartersAgency());
  }

  private final class StartersAgency implements TenantIdProvider {

    @Override
    public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext context) {
      String named = starts.current();
      if (named != null) {
        return named;
      }
      if (context.getSuperExecution() != null) {
        return context.getSuperExecution().getTenantId();
      }
      Authentication authentication = Context.getCommandContext() == null ? null
          : Context.getCommandContext().getAuthentication();
      if (authentication == null || authentication.getUserId() == null) {
        return defaultAgency;
      }
      List<String> own = Context.getProcessEngineConfiguration().getIdentityService().createTenantQuery()
          .userMember(authentication.getUserId()).list().stream().map(Tenant::getId).sorted().toList();
      if (!own.isEmpty()) {
        return own.contains(defaultAgency) && own.size() > 1 ? defaultAgency : own.get(0);
      }
      List<String> groups = authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
      if (groups.contains("admin") || groups.contains("camunda-admin")) {
        return defaultAgency;
      }
      throw new BadUserRequestException(NO_AGENCY);
    }

    @Override
    public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext context) {
      return context.getSuperExecution() != null ? context.getSuperExecution().getTenantId() : null;
    }

    @Override
    public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext context) {
      return context.getExecution() != null ? context.getExecution().getTenantId() : null;
    }
  }
}

package cn.gongkai.security;

import cn.gongkai.audit.AuditLog;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The engine's side of the account policy: gongkai's password policy on, and Camunda's own login
 * throttling off (it locked an account 3 s after one wrong password, the right one refused too, and for
 * good after 10): gongkai's {@link LoginLockout} applies the configured policy instead. The security
 * administrator's grants go through {@link SecurityAdministratorGuard} (三员分立).
 */
@Component
class SecurityEnginePlugin extends AbstractProcessEnginePlugin {

  // looked up when used: the audit log must not be built before the engine it sits beside
  private final ObjectProvider<AuditLog> auditLog;
  private final VerifiedCredentials verifiedCredentials;

  SecurityEnginePlugin(ObjectProvider<AuditLog> auditLog, VerifiedCredentials verifiedCredentials) {
    this.auditLog = auditLog;
    this.verifiedCredentials = verifiedCredentials;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setEnablePasswordPolicy(true);
    configuration.setPasswordPolicy(new GongkaiPasswordPolicy());
    // no delay after a failure (delay = base * factor^attempts) and never a permanent lock
    configuration.setLoginDelayBase(0);
    configuration.setLoginDelayMaxTime(0);
    configuration.setLoginMaxAttempts(Integer.MAX_VALUE);
    // outside the transaction: the cache of verified Basic credentials is cleared around every identity change
    if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPreCommandInterceptorsTxRequired(new java.util.ArrayList<>());
    }
    configuration.getCustomPreCommandInterceptorsTxRequired().add(verifiedCredentials.interceptor());
    configuration.setAuthorizationService(
        new SecurityAdministratorGuard(configuration::getIdentityService, auditLog::getObject));
  }
}

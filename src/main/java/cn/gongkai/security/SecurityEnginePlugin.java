package cn.gongkai.security;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * The engine's side of the account policy: gongkai's password policy on, and Camunda's own login
 * throttling off (it locked an account 3 s after one wrong password, the right one refused too, and for
 * good after 10): gongkai's {@link LoginLockout} applies the configured policy instead.
 */
@Component
class SecurityEnginePlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setEnablePasswordPolicy(true);
    configuration.setPasswordPolicy(new GongkaiPasswordPolicy());
    // no delay after a failure (delay = base * factor^attempts) and never a permanent lock
    configuration.setLoginDelayBase(0);
    configuration.setLoginDelayMaxTime(0);
    configuration.setLoginMaxAttempts(Integer.MAX_VALUE);
  }
}

package cn.gongkai.desk;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How tasks reach the staff.
 *
 * @param assignToRegisteringClerk give a case's intake tasks (screening, correction, delivery ...) straight to
 *     the clerk who registered it, for offices where one clerk follows a request from counter to delivery
 *     (false: the tasks wait in 本组待办 for any intake clerk to claim)
 */
@ConfigurationProperties("gongkai.tasks")
public record DeskSettings(Boolean assignToRegisteringClerk) {

  public DeskSettings {
    assignToRegisteringClerk = assignToRegisteringClerk != null && assignToRegisteringClerk;
  }
}

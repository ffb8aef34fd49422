package cn.gongkai.security;

import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * 三员分立 (等保2.0 访问控制): the installation administrator ({@code admin}, {@code camunda-admin}) holds all
 * rights, which a level-3 deployment must not leave to one person once the system, security and audit
 * administrators exist. Removing him is the operator's act; gongkai says so at every start until done.
 */
@Component
class FirstAdministratorNotice {

  private static final Logger log = LoggerFactory.getLogger(FirstAdministratorNotice.class);

  private final ProcessEngine engine;
  private final Environment environment;

  FirstAdministratorNotice(ProcessEngine engine, Environment environment) {
    this.engine = engine;
    this.environment = environment;
  }

  @EventListener(ApplicationReadyEvent.class)
  void atStart() {
    warning().ifPresent(log::warn);
  }

  /** The warning due now, if any: not in the demo profile, and only once all three administrators exist. */
  Optional<String> warning() {
    if (environment.acceptsProfiles(Profiles.of("demo"))) {
      return Optional.empty();
    }
    IdentityService identity = engine.getIdentityService();
    boolean threeAdministrators = List.of(Roles.SYSADMIN, Roles.SECADMIN, Roles.AUDITOR).stream()
        .allMatch(group -> identity.createUserQuery().memberOfGroup(group).count() > 0);
    TreeSet<String> installationAdministrators = new TreeSet<>();
    for (String group : List.of(Roles.ADMIN, Groups.CAMUNDA_ADMIN)) {
      identity.createUserQuery().memberOfGroup(group).list().stream().map(User::getId)
          .forEach(installationAdministrators::add);
    }
    if (!threeAdministrators || installationAdministrators.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of("""

        ********************************************************************************
        三员分立：系统管理员、安全管理员、审计管理员均已设立，但用户 %1$s 仍在 admin/camunda-admin 组，拥有全部权限。
        等保三级部署应将其移出 admin 和 camunda-admin 组（由安装管理员本人操作，见 docs/security.md）。
        Three administrators (sysadmin, secadmin, auditor) exist, yet %1$s still hold all rights
        through admin/camunda-admin. For a level-3 (等保2.0) deployment the first administrator must now
        be removed from these groups (by himself, see docs/security.md).
        ********************************************************************************"""
        .formatted(installationAdministrators));
  }
}

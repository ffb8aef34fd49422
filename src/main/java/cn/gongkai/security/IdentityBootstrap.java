package cn.gongkai.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.PasswordPolicyResult;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates gongkai's groups and their authorizations on every start (idempotent), the first
 * administrator from configuration, and in the demo profile one user per group with password "demo".
 */
@Component
class IdentityBootstrap implements SmartInitializingSingleton {

  private static final Logger log = LoggerFactory.getLogger(IdentityBootstrap.class);

  private static final Map<String, String> GROUP_NAMES = Map.ofEntries(
      Map.entry(Roles.INTAKE, "受理登记"),
      Map.entry(Roles.HANDLER, "承办科室"),
      Map.entry(Roles.REVIEWER, "保密审查"),
      Map.entry(Roles.LEGAL, "法制审核"),
      Map.entry(Roles.LEADER, "分管领导"),
      Map.entry(Roles.SUPERVISOR, "督办"),
      Map.entry(Roles.ADMIN, "系统管理"),
      Map.entry(Roles.DRAFTER, "起草部门"),
      Map.entry(Roles.OFFICE, "办公室"),
      Map.entry(Roles.SYSADMIN, "系统管理员"),
      Map.entry(Roles.SECADMIN, "安全管理员"),
      Map.entry(Roles.AUDITOR, "审计管理员"),
      Map.entry(Roles.MONITORING, "监控采集"));

  private static final Map<String, String> DEMO_NAMES = Map.ofEntries(
      Map.entry(Roles.INTAKE, "受理员"),
      Map.entry(Roles.HANDLER, "承办员"),
      Map.entry(Roles.REVIEWER, "审查员"),
      Map.entry(Roles.LEGAL, "法制员"),
      Map.entry(Roles.LEADER, "领导"),
      Map.entry(Roles.SUPERVISOR, "督办员"),
      Map.entry(Roles.ADMIN, "管理员"),
      Map.entry(Roles.DRAFTER, "起草员"),
      Map.entry(Roles.OFFICE, "办公室"),
      Map.entry(Roles.SYSADMIN, "系统管理员"),
      Map.entry(Roles.SECADMIN, "安全管理员"),
      Map.entry(Roles.AUDITOR, "审计管理员"),
      Map.entry(Roles.MONITORING, "监控"));

  /** The three administrators' groups: no one but the installation administrator changes their members. */
  static final List<String> ADMINISTRATOR_GROUPS = List.of(
      Roles.SYSADMIN, Roles.SECADMIN, Roles.AUDITOR, Roles.ADMIN, Groups.CAMUNDA_ADMIN);

  private final ProcessEngine engine;
  private final PasswordChangeGate passwordGate;
  private final boolean demoUsers;
  private final String adminId;
  private final String adminPassword;
  private final TransactionTemplate transactions;

  IdentityBootstrap(
      ProcessEngine engine,
      PasswordChangeGate passwordGate,
      PlatformTransactionManager transactionManager,
      @Value("${gongkai.demo-users:false}") boolean demoUsers,
      @Value("${gongkai.admin.id:}") String adminId,
      @Value("${gongkai.admin.password:}") String adminPassword) {
    this.engine = engine;
    this.passwordGate = passwordGate;
    this.demoUsers = demoUsers;
    this.adminId = adminId;
    this.adminPassword = adminPassword;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  /**
   * Groups, grants and users in one transaction: the engine's commands join it, so a start writes them with one
   * commit instead of one per group, grant and user (a fresh database has some hundred), and a start that fails
   * half-way leaves none of them.
   */
  @Override
  public void afterSingletonsInstantiated() {
    transactions.executeWithoutResult(status -> bootstrap());
  }

  private void bootstrap() {
    IdentityService identity = engine.getIdentityService();
    GROUP_NAMES.forEach((id, name) -> {
      if (identity.createGroupQuery().groupId(id).count() == 0) {
        Group group = identity.newGroup(id);
        group.setName(name);
        group.setType("WORKFLOW");
        identity.saveGroup(group);
      }
    });
    grantAll();
    // Camunda's webapps know an administrator by membership of camunda-admin (else they offer a
    // public "create the first admin" page, which gongkai never allows, see SetupLock)
    if (identity.createGroupQuery().groupId(Groups.CAMUNDA_ADMIN).count() == 0) {
      Group group = identity.newGroup(Groups.CAMUNDA_ADMIN);
      group.setName("Camunda 管理员");
      group.setType(Groups.GROUP_TYPE_SYSTEM);
      identity.saveGroup(group);
    }
    if (demoUsers) {
      // demo passwords bypass the password policy on purpose: say so loudly
      GROUP_NAMES.keySet().forEach(group -> ensureUser(group, DEMO_NAMES.get(group), "demo", group, true));
      ensureUser(Roles.ADMIN, DEMO_NAMES.get(Roles.ADMIN), "demo", Groups.CAMUNDA_ADMIN, true);
      log.warn("""

          ********************************************************************************
          DEMO PROFILE: users {} have the password "demo",
          which does not meet the password policy. Never run the demo profile with real data.
          ********************************************************************************""",
          GROUP_NAMES.keySet().stream().sorted().toList());
    }
    if (!adminId.isBlank() && !adminPassword.isBlank()) {
      requireStrongAdminPassword();
      boolean created = engine.getIdentityService().createUserQuery().userId(adminId).count() == 0;
      ensureUser(adminId, "管理员", adminPassword, Roles.ADMIN, false);
      ensureUser(adminId, "管理员", adminPassword, Groups.CAMUNDA_ADMIN, false);
      if (created) {
        // a password that went through the environment is known to more than its owner
        passwordGate.require(adminId);
        log.info("First administrator {} created: the password must be changed at first login", adminId);
      }
    }
  }

  private void requireStrongAdminPassword() {
    IdentityService identity = engine.getIdentityService();
    User candidate = identity.newUser(adminId);
    candidate.setLastName("管理员");
    PasswordPolicyResult result = identity.checkPasswordAgainstPolicy(new GongkaiPasswordPolicy(), adminPassword, candidate);
    if (!result.isValid()) {
      throw new IllegalStateException("GONGKAI_ADMIN_PASSWORD does not meet the password policy"
          + " (密码不符合密码策略：至少 " + GongkaiPasswordPolicy.MIN_LENGTH + " 位，须含字母、数字和符号，且不得包含用户名);"
          + " rules violated: " + result.getViolatedRules().stream().map(r -> r.getPlaceholder()).toList());
    }
  }

  private void ensureUser(String id, String lastName, String password, String group, boolean skipPolicy) {
    IdentityService identity = engine.getIdentityService();
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      user.setFirstName("");
      user.setLastName(lastName);
      user.setEmail(id + "@gongkai.local");
      user.setPassword(password);
      ((IdentityServiceImpl) identity).saveUser(user, skipPolicy);
    }
    if (identity.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
      identity.createMembership(id, group);
    }
  }

  private void grantAll() {
    // Administrators: everything, everywhere (what Camunda grants camunda-admin).
    for (Resource resource : Resources.values()) {
      grant(Roles.ADMIN, resource, ANY, Permissions.ALL);
      grant(Groups.CAMUNDA_ADMIN, resource, ANY, Permissions.ALL);
    }
    // 三员分立 (等保2.0 访问控制): the system administrator manages accounts and the members of staff
    // groups, never authorizations nor the administrators' groups; the security administrator manages
    // authorizations, reads accounts and groups, and sees no case; the auditor needs no webapp grant
    // (the audit log is gongkai's page /audit).
    grant(Roles.SYSADMIN, Resources.APPLICATION, "admin", Permissions.ACCESS);
    grant(Roles.SYSADMIN, Resources.USER, ANY, Permissions.ALL);
    grant(Roles.SYSADMIN, Resources.GROUP, ANY, Permissions.ALL);
    grant(Roles.SYSADMIN, Resources.TENANT, ANY, Permissions.READ);
    // agencies are tenants (cn.gongkai.agency): the system administrator puts staff into their agency
    grant(Roles.SYSADMIN, Resources.TENANT_MEMBERSHIP, ANY, Permissions.ALL);
    grant(Roles.SYSADMIN, Resources.GROUP_MEMBERSHIP, "prefecture-supervisor", Permissions.ALL);
    for (String group : GROUP_NAMES.keySet()) {
      if (!ADMINISTRATOR_GROUPS.contains(group)) {
        grant(Roles.SYSADMIN, Resources.GROUP_MEMBERSHIP, group, Permissions.ALL);
      }
    }
    grant(Roles.SECADMIN, Resources.APPLICATION, "admin", Permissions.ACCESS);
    grant(Roles.SECADMIN, Resources.AUTHORIZATION, ANY, Permissions.ALL);
    grant(Roles.SECADMIN, Resources.USER, ANY, Permissions.READ);
    grant(Roles.SECADMIN, Resources.GROUP, ANY, Permissions.READ);
    grant(Roles.SECADMIN, Resources.TENANT, ANY, Permissions.READ);
    // Staff: Tasklist, read the processes, work their tasks (Camunda adds per-task grants for candidates).
    for (String group : List.of(
        Roles.INTAKE, Roles.HANDLER, Roles.REVIEWER, Roles.LEGAL, Roles.LEADER, Roles.DRAFTER, Roles.OFFICE)) {
      grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      grant(group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
      grant(group, Resources.FILTER, ANY, Permissions.READ);
      grant(group, Resources.USER, ANY, Permissions.READ);
      grant(group, Resources.GROUP, ANY, Permissions.READ);
    }
    // Intake starts disclosure requests; drafters start 三同步 approvals.
    grant(Roles.INTAKE, Resources.PROCESS_DEFINITION, "disclosure-request",
        ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE);
    grant(Roles.INTAKE, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE);
    // the delivering clerk transfers a request to the competent agency on the platform (转办, cn.gongkai.agency)
    grant(Roles.INTAKE, Resources.PROCESS_DEFINITION, "request-referral",
        ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE);
    grant(Roles.DRAFTER, Resources.PROCESS_DEFINITION, "policy-interpretation",
        ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE);
    grant(Roles.DRAFTER, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE);
    // proposal-reply (建议提案办理): the office registers the suggestions and proposals it receives
    grant(Roles.OFFICE, Resources.PROCESS_DEFINITION, "proposal-reply",
        ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE);
    grant(Roles.OFFICE, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE);
    // public-opinion (政务舆情回应): the office registers the events its monitoring finds
    grant(Roles.OFFICE, Resources.PROCESS_DEFINITION, "public-opinion",
        ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE);
    grant(Roles.OFFICE, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE);
    // disclosure-case-study (依申请公开案例入库): the office, which keeps the case library, proposes closed cases
    grant(Roles.OFFICE, Resources.PROCESS_DEFINITION, "disclosure-case-study",
        ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE);
    grant(Roles.OFFICE, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE);
    // 网民留言 (citizen-message, issue 17): the office and the intake desk register messages (website, 12345)
    for (String registrar : List.of(Roles.OFFICE, Roles.INTAKE)) {
      grant(registrar, Resources.PROCESS_DEFINITION, "citizen-message",
          ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE);
      grant(registrar, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE);
    }
    // Supervisors: Cockpit and Tasklist, read-only over every case and task.
    grant(Roles.SUPERVISOR, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant(Roles.SUPERVISOR, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    grant(Roles.SUPERVISOR, Resources.PROCESS_DEFINITION, ANY,
        ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_INSTANCE,
        ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_TASK);
    grant(Roles.SUPERVISOR, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ);
    grant(Roles.SUPERVISOR, Resources.TASK, ANY, TaskPermissions.READ);
    grant(Roles.SUPERVISOR, Resources.DEPLOYMENT, ANY, Permissions.READ);
    grant(Roles.SUPERVISOR, Resources.FILTER, ANY, Permissions.READ);
    grant(Roles.SUPERVISOR, Resources.USER, ANY, Permissions.READ);
    grant(Roles.SUPERVISOR, Resources.GROUP, ANY, Permissions.READ);
  }

  private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
    AuthorizationService authorizations = engine.getAuthorizationService();
    Authorization existing = authorizations.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT)
        .groupIdIn(group)
        .resourceType(resource)
        .resourceId(resourceId)
        .singleResult();
    Authorization authorization = existing != null ? existing : authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
    authorization.setGroupId(group);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    for (Permission permission : permissions) {
      authorization.addPermission(permission);
    }
    authorizations.saveAuthorization(authorization);
  }
}

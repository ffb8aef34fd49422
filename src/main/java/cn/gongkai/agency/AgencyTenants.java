package cn.gongkai.agency;

import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps Camunda's tenants equal to the agencies (tenant id = agency code), makes the prefecture's supervisors
 * (group {@value #PREFECTURE_SUPERVISORS}) members of every agency's tenant, upgrades a single-agency installation
 * once (its users and its running and finished instances go to the default agency), and in the demo profile adds
 * the departments {@code zwfw} and {@code wsjk} with their staff {@code {role}-{code}}.
 */
@Component
public class AgencyTenants {

  /** Members see every agency's cases in Cockpit, Tasklist and the 督办 overview (全州督办). */
  public static final String PREFECTURE_SUPERVISORS = "prefecture-supervisor";
  static final String UPGRADE_STEP = "V130-agency-tenants";

  private static final Logger log = LoggerFactory.getLogger(AgencyTenants.class);
  private static final List<String> DEPARTMENT_ROLES =
      List.of("intake", "handler", "reviewer", "legal", "leader", "supervisor");
  private static final Map<String, String> ROLE_NAMES = Map.of("intake", "受理员", "handler", "承办员",
      "reviewer", "审查员", "legal", "法制员", "leader", "领导", "supervisor", "督办员");
  /** Today's demo users: they stay in the prefecture office. */
  private static final List<String> PREFECTURE_DEMO_USERS = List.of("intake", "handler", "reviewer", "legal",
      "leader", "supervisor", "admin", "drafter", "office", "sysadmin", "secadmin", "auditor");
  /** Engine tables whose rows belong to a process instance; a single-agency installation's rows have no tenant. */
  private static final List<String> INSTANCE_TABLES = List.of("ACT_RU_EXECUTION", "ACT_RU_TASK", "ACT_RU_VARIABLE",
      "ACT_RU_JOB", "ACT_RU_EVENT_SUBSCR", "ACT_RU_INCIDENT", "ACT_RU_EXT_TASK", "ACT_RU_IDENTITYLINK",
      "ACT_HI_PROCINST", "ACT_HI_ACTINST", "ACT_HI_TASKINST", "ACT_HI_VARINST", "ACT_HI_DETAIL",
      "ACT_HI_IDENTITYLINK", "ACT_HI_INCIDENT", "ACT_HI_JOB_LOG", "ACT_HI_OP_LOG", "ACT_HI_COMMENT",
      "ACT_HI_ATTACHMENT", "ACT_HI_EXT_TASK_LOG", "ACT_GE_BYTEARRAY");
  /** The column that ties a row to an instance (or, for task identity links, to a task), first found wins. */
  private static final List<String> INSTANCE_COLUMNS =
      List.of("PROC_INST_ID_", "PROCESS_INSTANCE_ID_", "ROOT_PROC_INST_ID_", "TASK_ID_");

  private final Agencies agencies;
  private final IdentityService identity;
  private final JdbcClient jdbc;
  private final DataSource dataSource;
  private final boolean demo;

  AgencyTenants(Agencies agencies, IdentityService identity, JdbcClient jdbc, DataSource dataSource,
      @Value("${gongkai.demo-users:false}") boolean demo) {
    this.agencies = agencies;
    this.identity = identity;
    this.jdbc = jdbc;
    this.dataSource = dataSource;
    this.demo = demo;
  }

  /** After the groups and demo users exist (IdentityBootstrap): tenants, the one-time upgrade, demo agencies. */
  @EventListener(ApplicationReadyEvent.class)
  @Order(0)
  public void synchronize() {
    ensurePrefectureSupervisorGroup();
    agencies.all().forEach(this::ensureTenant);
    upgradeSingleAgencyInstallation();
    if (demo) {
      demoAgencies();
    }
  }

  /** The agency's tenant, named after it, with the prefecture's supervisors as members. */
  public void ensureTenant(Agency agency) {
    Tenant tenant = identity.createTenantQuery().tenantId(agency.code()).singleResult();
    if (tenant == null) {
      tenant = identity.newTenant(agency.code());
      tenant.setName(agency.name());
      identity.saveTenant(tenant);
    } else if (!agency.name().equals(tenant.getName())) {
      tenant.setName(agency.name());
      identity.saveTenant(tenant);
    }
    if (identity.createTenantQuery().tenantId(agency.code()).groupMember(PREFECTURE_SUPERVISORS).count() == 0) {
      identity.createTenantGroupMembership(agency.code(), PREFECTURE_SUPERVISORS);
    }
  }

  private void ensurePrefectureSupervisorGroup() {
    if (identity.createGroupQuery().groupId(PREFECTURE_SUPERVISORS).count() == 0) {
      Group group = identity.newGroup(PREFECTURE_SUPERVISORS);
      group.setName("全州督办");
      group.setType("WORKFLOW");
      identity.saveGroup(group);
    }
  }

  /**
   * Once per database: every user of no agency and every instance without tenant belonged to the one agency the
   * installation had; they go to the default agency so nothing disappears from anyone's Tasklist.
   */
  void upgradeSingleAgencyInstallation() {
    if (jdbc.sql("SELECT COUNT(*) FROM gk_upgrade_step WHERE step = ?").param(UPGRADE_STEP).query(Long.class)
        .single() > 0) {
      return;
    }
    String home = agencies.defaultAgency().code();
    int users = 0;
    for (User user : identity.createUserQuery().list()) {
      if (identity.createTenantQuery().userMember(user.getId()).includingGroupsOfUser(true).count() == 0) {
        identity.createTenantUserMembership(home, user.getId());
        users++;
      }
    }
    int rows = 0;
    Map<String, Set<String>> tables = engineColumns();
    for (String table : INSTANCE_TABLES) {
      Set<String> columns = tables.getOrDefault(table, Set.of());
      String link = INSTANCE_COLUMNS.stream().filter(columns::contains).findFirst().orElse(null);
      if (link != null && columns.contains("TENANT_ID_")) {
        rows += jdbc.sql("UPDATE " + table + " SET TENANT_ID_ = ? WHERE TENANT_ID_ IS NULL AND " + link
            + " IS NOT NULL").param(home).update();
      }
    }
    jdbc.sql("INSERT INTO gk_upgrade_step (step, done_at) VALUES (?, ?)").params(UPGRADE_STEP, OffsetDateTime.now())
        .update();
    log.info("Agencies: {} user(s) and {} engine row(s) of the former single-agency installation now belong to {}",
        users, rows, home);
  }

  /** The columns of the engine's tables (upper case), read from the database's metadata. */
  private Map<String, Set<String>> engineColumns() {
    Map<String, Set<String>> names = new java.util.HashMap<>();
    try (var connection = dataSource.getConnection();
        ResultSet rs = connection.getMetaData().getColumns(null, null, "%", "%")) {
      while (rs.next()) {
        String table = rs.getString("TABLE_NAME").toUpperCase(Locale.ROOT);
        if (table.startsWith("ACT_")) {
          names.computeIfAbsent(table, k -> new HashSet<>()).add(rs.getString("COLUMN_NAME").toUpperCase(Locale.ROOT));
        }
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("cannot list the engine's tables", e);
    }
    return names;
  }

  private void demoAgencies() {
    String prefecture = agencies.defaultAgency().code();
    Agency top = agencies.get(prefecture);
    if (!top.transfersReferrals()) {
      agencies.save(new Agency(top.code(), top.name(), top.shortName(), top.reconsiderationBody(),
          top.contactPerson(), top.contactPhone(), top.parent(), top.caseNumberPattern(), true), false);
    }
    department("zwfw", "楚雄州政务服务管理局", "楚州政务局", prefecture);
    department("wsjk", "楚雄州卫生健康委员会", "楚州卫健委", prefecture);
    for (String user : PREFECTURE_DEMO_USERS) {
      if (identity.createUserQuery().userId(user).count() > 0
          && identity.createTenantQuery().tenantId(prefecture).userMember(user).count() == 0) {
        identity.createTenantUserMembership(prefecture, user);
      }
    }
    if (identity.createUserQuery().userId("supervisor").memberOfGroup(PREFECTURE_SUPERVISORS).count() == 0
        && identity.createUserQuery().userId("supervisor").count() > 0) {
      identity.createMembership("supervisor", PREFECTURE_SUPERVISORS);
    }
  }

  private void department(String code, String name, String shortName, String parent) {
    if (agencies.byCode(code).isEmpty()) {
      agencies.save(new Agency(code, name, shortName, "楚雄彝族自治州人民政府", null, "0878-3123456", parent,
          null, true), true);
    }
    ensureTenant(agencies.get(code));
    for (String role : DEPARTMENT_ROLES) {
      String userId = role + "-" + code;
      if (identity.createUserQuery().userId(userId).count() == 0) {
        User user = identity.newUser(userId);
        user.setFirstName(shortName);
        user.setLastName(ROLE_NAMES.get(role));
        user.setEmail(userId + "@gongkai.local");
        user.setPassword("demo");
        ((IdentityServiceImpl) identity).saveUser(user, true);
      }
      if (identity.createUserQuery().userId(userId).memberOfGroup(role).count() == 0) {
        identity.createMembership(userId, role);
      }
      if (identity.createTenantQuery().tenantId(code).userMember(userId).count() == 0) {
        identity.createTenantUserMembership(code, userId);
      }
    }
  }
}

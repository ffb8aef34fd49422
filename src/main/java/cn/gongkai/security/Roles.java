package cn.gongkai.security;

import java.util.List;

/** The Camunda groups gongkai works with (domain §1); the ids are contracts. */
public final class Roles {

  public static final String INTAKE = "intake";
  public static final String HANDLER = "handler";
  public static final String REVIEWER = "reviewer";
  public static final String LEGAL = "legal";
  public static final String LEADER = "leader";
  public static final String SUPERVISOR = "supervisor";
  public static final String ADMIN = "admin";
  public static final String DRAFTER = "drafter";
  public static final String OFFICE = "office";

  // 三员分立 (等保2.0 访问控制): three administrators, none able to do another's job.
  /** 系统管理员: users, groups, the holiday calendar, letter templates; no audit log, no authorizations. */
  public static final String SYSADMIN = "sysadmin";
  /** 安全管理员: authorizations, the login failures policy, unlocking accounts; no case content. */
  public static final String SECADMIN = "secadmin";
  /** 审计管理员: reads the audit log, nothing else. */
  public static final String AUDITOR = "auditor";

  /**
   * 监控采集: the technical user Prometheus scrapes /actuator/prometheus with; no webapp, no case, no grant
   * in the engine. The system administrator (and admin) may read the metrics too.
   */
  public static final String MONITORING = "monitoring";

  /** Who may read /actuator/prometheus: operations figures only, no case content. */
  public static final List<String> METRICS_READERS = List.of(MONITORING, SYSADMIN, ADMIN);

  /** Staff who work cases (everyone but the pure supervisor and admin). */
  public static final List<String> CASE_WORKERS = List.of(INTAKE, HANDLER, REVIEWER, LEGAL, LEADER);

  private Roles() {}
}

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

  /** Staff who work cases (everyone but the pure supervisor and admin). */
  public static final List<String> CASE_WORKERS = List.of(INTAKE, HANDLER, REVIEWER, LEGAL, LEADER);

  private Roles() {}
}

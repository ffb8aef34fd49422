package cn.gongkai.agency;

import cn.gongkai.web.NotFoundException;
import java.util.List;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The agencies on this platform (the prefecture office, its departments and counties); the default one comes
 * from configuration ({@code gongkai.agency.*}) and is stored by migration V130. Reusable by any module that
 * lists agencies (the public portal's agency choice).
 */
@Service
public class Agencies implements SmartInitializingSingleton {

  private final JdbcClient jdbc;
  private final TransactionTemplate savepoint;
  private final Agency configured;

  Agencies(
      JdbcClient jdbc,
      PlatformTransactionManager transactionManager,
      @Value("${gongkai.agency.code}") String code,
      @Value("${gongkai.agency.name}") String name,
      @Value("${gongkai.agency.short-name}") String shortName,
      @Value("${gongkai.agency.reconsideration-body:楚雄彝族自治州人民政府}") String reconsiderationBody,
      @Value("${gongkai.agency.contact-person:}") String contactPerson,
      @Value("${gongkai.agency.contact-phone:}") String contactPhone) {
    this.jdbc = jdbc;
    // inside the caller's transaction a savepoint, so a lost insert race leaves that transaction usable
    // (PostgreSQL aborts a transaction on any error) and needs no second connection from the pool
    this.savepoint = new TransactionTemplate(transactionManager);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    this.configured = new Agency(code, name, shortName, reconsiderationBody, blankToNull(contactPerson),
        blankToNull(contactPhone));
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  /**
   * The register keeps name and numbers; the configured agency's contact on letters comes from the settings.
   * Explicit columns: Spring's property mapper first asks H2 for "shortName", and H2 writes every such miss with
   * its stack trace into the database's .trace.db file (megabytes per few hundred registrations).
   */
  private Agency row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    String code = rs.getString("code");
    boolean isConfigured = configured.code().equals(code);
    String person = rs.getString("contact_person");
    String phone = rs.getString("contact_phone");
    return new Agency(code, rs.getString("name"), rs.getString("short_name"), rs.getString("reconsideration_body"),
        person == null && isConfigured ? configured.contactPerson() : person,
        phone == null && isConfigured ? configured.contactPhone() : phone,
        rs.getString("parent_code"), rs.getString("case_number_pattern"), rs.getBoolean("transfers_referrals"));
  }

  private static final String COLUMNS = "code, name, short_name, reconsideration_body, contact_person, contact_phone,"
      + " parent_code, case_number_pattern, transfers_referrals";

  /** Stores the configured agency before the server takes requests, so registrations only read it. */
  @Override
  public void afterSingletonsInstantiated() {
    defaultAgency();
  }

  /** The agency new cases belong to unless told otherwise; stored on first use, safe under concurrent callers. */
  public Agency defaultAgency() {
    Agency agency = find(configured.code());
    if (agency != null) {
      return agency;
    }
    try {
      savepoint.executeWithoutResult(status -> jdbc.sql(
              "INSERT INTO gk_agency (code, name, short_name, reconsideration_body) VALUES (?, ?, ?, ?)")
          .params(configured.code(), configured.name(), configured.shortName(), configured.reconsiderationBody())
          .update());
    } catch (DataAccessException lostRace) {
      // a concurrent caller (another instance starting) stored it first: PostgreSQL answers a duplicate key,
      // H2 a duplicate key or "concurrent update" depending on timing; whichever, the row is there now
      Agency storedMeanwhile = find(configured.code());
      if (storedMeanwhile == null) {
        throw lostRace;
      }
      return storedMeanwhile;
    }
    return get(configured.code());
  }

  /** The agency with that code, or 404. */
  public Agency get(String code) {
    Agency agency = find(code);
    if (agency == null) {
      throw new NotFoundException("机关不存在：" + code);
    }
    return agency;
  }

  /** The agency with that code, if the platform has it. */
  public java.util.Optional<Agency> byCode(String code) {
    return java.util.Optional.ofNullable(code == null ? null : find(code));
  }

  /** The code of the agency configured as the installation's default ({@code gongkai.agency.code}). */
  public String defaultCode() {
    return configured.code();
  }

  /** Every agency on the platform, ordered by code (the list {@code GET /api/agencies} and the portal show). */
  public List<Agency> all() {
    return jdbc.sql("SELECT " + COLUMNS + " FROM gk_agency ORDER BY code")
        .query(this::row)
        .list();
  }

  /** The case-number pattern of agencies added on the platform: their short name keeps numbers distinct. */
  public static final String DEPARTMENT_CASE_NUMBER_PATTERN = "{agency}〔YYYY〕第N号";

  private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("[a-z][a-z0-9-]{1,31}");

  /**
   * Adds ({@code create}) or changes an agency after checking it (400 naming the field, 409 when the code is taken
   * on create, 404 when it is unknown on change); the code never changes.
   */
  public Agency save(Agency agency, boolean create) {
    List<cn.gongkai.web.BadRequestException.FieldProblem> problems = new java.util.ArrayList<>();
    if (agency.code() == null || !CODE.matcher(agency.code()).matches()) {
      problems.add(problem("code", "机关代码应为2至32位小写字母、数字或连字符，以字母开头"));
    }
    required(problems, "name", "机关全称", agency.name(), 200);
    required(problems, "shortName", "机关简称", agency.shortName(), 50);
    optional(problems, "reconsiderationBody", "行政复议机关", agency.reconsiderationBody(), 200);
    optional(problems, "contactPerson", "联系人", agency.contactPerson(), 100);
    optional(problems, "contactPhone", "联系电话", agency.contactPhone(), 32);
    boolean isDefault = configured.code().equals(agency.code());
    String pattern = blankToNull(agency.caseNumberPattern());
    if (pattern == null && !isDefault) {
      pattern = create || find(agency.code()) == null ? DEPARTMENT_CASE_NUMBER_PATTERN
          : find(agency.code()).caseNumberPattern();
    }
    if (pattern != null && (!pattern.contains("YYYY") || !pattern.contains("N") || pattern.length() > 100)) {
      problems.add(problem("caseNumberPattern", "案件编号格式须含年份 YYYY 和序号 N（不超过100字）"));
    } else if (pattern != null && !isDefault && !pattern.contains("{agency}")) {
      problems.add(problem("caseNumberPattern", "案件编号格式须含机关简称 {agency}，以免与其他机关的编号相同"));
    }
    String parent = blankToNull(agency.parent());
    if (parent != null && (parent.equals(agency.code()) || find(parent) == null)) {
      problems.add(problem("parent", "上级机关不存在：" + parent));
    } else if (parent != null && isAncestor(agency.code(), parent)) {
      problems.add(problem("parent", "上级机关不能是本机关的下级机关"));
    }
    if (agency.shortName() != null && jdbc.sql("SELECT COUNT(*) FROM gk_agency WHERE short_name = ? AND code <> ?")
        .params(agency.shortName().strip(), String.valueOf(agency.code())).query(Long.class).single() > 0) {
      problems.add(problem("shortName", "机关简称已被其他机关使用：" + agency.shortName().strip()));
    }
    if (!problems.isEmpty()) {
      throw new cn.gongkai.web.BadRequestException(problems);
    }
    boolean exists = find(agency.code()) != null;
    if (create && exists) {
      throw new cn.gongkai.web.ConflictException("机关代码已存在：" + agency.code());
    }
    if (!create && !exists) {
      throw new NotFoundException("机关不存在：" + agency.code());
    }
    Object[] values = {agency.name().strip(), agency.shortName().strip(), blankToNull(agency.reconsiderationBody()),
        blankToNull(agency.contactPerson()), blankToNull(agency.contactPhone()), parent, pattern,
        agency.transfersReferrals(), agency.code()};
    if (create) {
      jdbc.sql("INSERT INTO gk_agency (name, short_name, reconsideration_body, contact_person, contact_phone,"
          + " parent_code, case_number_pattern, transfers_referrals, code) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
          .params(values).update();
    } else {
      jdbc.sql("UPDATE gk_agency SET name = ?, short_name = ?, reconsideration_body = ?, contact_person = ?,"
          + " contact_phone = ?, parent_code = ?, case_number_pattern = ?, transfers_referrals = ? WHERE code = ?")
          .params(values).update();
    }
    return get(agency.code());
  }

  private boolean isAncestor(String code, String candidateDescendantParent) {
    String at = candidateDescendantParent;
    for (int depth = 0; at != null && depth < 50; depth++) {
      if (at.equals(code)) {
        return true;
      }
      Agency up = find(at);
      at = up == null ? null : up.parent();
    }
    return false;
  }

  private static cn.gongkai.web.BadRequestException.FieldProblem problem(String field, String message) {
    return new cn.gongkai.web.BadRequestException.FieldProblem(field, message);
  }

  private static void required(List<cn.gongkai.web.BadRequestException.FieldProblem> problems, String field,
      String label, String value, int max) {
    if (value == null || value.isBlank()) {
      problems.add(problem(field, label + "为必填项"));
    } else {
      optional(problems, field, label, value, max);
    }
  }

  private static void optional(List<cn.gongkai.web.BadRequestException.FieldProblem> problems, String field,
      String label, String value, int max) {
    if (value != null && value.strip().length() > max) {
      problems.add(problem(field, label + "不能超过" + max + "个字"));
    }
  }

  private Agency find(String code) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM gk_agency WHERE code = ?")
        .param(code)
        .query(this::row)
        .optional()
        .orElse(null);
  }
}

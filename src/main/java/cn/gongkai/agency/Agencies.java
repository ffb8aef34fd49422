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

/** The agencies known to this installation; one default comes from configuration ({@code gongkai.agency.*}). */
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
    return new Agency(code, rs.getString("name"), rs.getString("short_name"), rs.getString("reconsideration_body"),
        isConfigured ? configured.contactPerson() : null, isConfigured ? configured.contactPhone() : null);
  }

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

  public List<Agency> all() {
    return jdbc.sql("SELECT code, name, short_name, reconsideration_body FROM gk_agency ORDER BY code")
        .query(this::row)
        .list();
  }

  private Agency find(String code) {
    return jdbc.sql("SELECT code, name, short_name, reconsideration_body FROM gk_agency WHERE code = ?")
        .param(code)
        .query(this::row)
        .optional()
        .orElse(null);
  }
}

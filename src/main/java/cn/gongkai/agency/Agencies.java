package cn.gongkai.agency;

import cn.gongkai.web.NotFoundException;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The agencies known to this installation; one default comes from configuration ({@code gongkai.agency.*}). */
@Service
public class Agencies {

  private final JdbcClient jdbc;
  private final Agency configured;

  Agencies(
      JdbcClient jdbc,
      @Value("${gongkai.agency.code}") String code,
      @Value("${gongkai.agency.name}") String name,
      @Value("${gongkai.agency.short-name}") String shortName,
      @Value("${gongkai.agency.reconsideration-body:楚雄彝族自治州人民政府}") String reconsiderationBody,
      @Value("${gongkai.agency.contact-person:}") String contactPerson,
      @Value("${gongkai.agency.contact-phone:}") String contactPhone) {
    this.jdbc = jdbc;
    this.configured = new Agency(code, name, shortName, reconsiderationBody, blankToNull(contactPerson),
        blankToNull(contactPhone));
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** The register keeps name and numbers; the configured agency's contact on letters comes from the settings. */
  private Agency row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    String code = rs.getString("code");
    boolean isConfigured = configured.code().equals(code);
    return new Agency(code, rs.getString("name"), rs.getString("short_name"), rs.getString("reconsideration_body"),
        isConfigured ? configured.contactPerson() : null, isConfigured ? configured.contactPhone() : null);
  }

  /** The agency new cases belong to unless told otherwise; stored on first use. */
  @Transactional
  public Agency defaultAgency() {
    if (find(configured.code()) == null) {
      jdbc.sql("INSERT INTO gk_agency (code, name, short_name, reconsideration_body) VALUES (?, ?, ?, ?)")
          .params(configured.code(), configured.name(), configured.shortName(), configured.reconsiderationBody())
          .update();
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

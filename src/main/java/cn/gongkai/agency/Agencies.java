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
      @Value("${gongkai.agency.reconsideration-body:楚雄彝族自治州人民政府}") String reconsiderationBody) {
    this.jdbc = jdbc;
    this.configured = new Agency(code, name, shortName, reconsiderationBody);
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
        .query(Agency.class)
        .list();
  }

  private Agency find(String code) {
    return jdbc.sql("SELECT code, name, short_name, reconsideration_body FROM gk_agency WHERE code = ?")
        .param(code)
        .query(Agency.class)
        .optional()
        .orElse(null);
  }
}

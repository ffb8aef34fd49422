package cn.gongkai.testing;

import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** gongkai's Flyway migrations run outside Spring, with the placeholders the application passes (V130 seeds its agency). */
public final class Migrations {

  /** What application.yml passes for the default installation (楚雄彝族自治州人民政府办公室). */
  public static final Map<String, String> PLACEHOLDERS = Map.of(
      "agencyCode", "chuxiong",
      "agencyName", "楚雄彝族自治州人民政府办公室",
      "agencyShortName", "楚政办",
      "agencyReconsiderationBody", "楚雄彝族自治州人民政府");

  private Migrations() {}

  /** Migrates an empty database to the newest schema, as the application does on its first start. */
  public static void migrate(DataSource dataSource) {
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").table("gk_schema_history")
        .placeholders(PLACEHOLDERS).baselineOnMigrate(true).baselineVersion("0").load().migrate();
  }
}

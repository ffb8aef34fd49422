package cn.gongkai.agency;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The configured agency stored by whoever needs it first, while others need it at the same moment inside
 * their own transactions (a registration runs in the engine's): on H2 and on PostgreSQL, where a failed
 * statement would otherwise abort the whole registration.
 */
class AgencyRaceIT {

  @Test
  void concurrentFirstUsesInsideTransactionsAllGetTheAgencyOnH2() throws Exception {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:agency-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
    h2.setUser("sa");
    fourFirstUsesAtOnce(h2);
  }

  @Test
  void concurrentFirstUsesInsideTransactionsAllGetTheAgencyOnPostgres() throws Exception {
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
      fourFirstUsesAtOnce(postgres.getPostgresDatabase());
    }
  }

  private void fourFirstUsesAtOnce(DataSource dataSource) throws Exception {
    // given gongkai's tables without any agency
    // (V130 seeds the installation's agency from the settings: here another one, so chuxiong is still missing)
    Flyway.configure().dataSource(dataSource).table("gk_schema_history")
        .placeholders(java.util.Map.of("agencyCode", "seeded", "agencyName", "种子机关", "agencyShortName", "种子",
            "agencyReconsiderationBody", "楚雄彝族自治州人民政府"))
        .load().migrate();
    JdbcClient jdbc = JdbcClient.create(dataSource);
    DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
    Agencies agencies = new Agencies(jdbc, transactions, "chuxiong", "楚雄彝族自治州人民政府办公室", "楚政办", "楚雄彝族自治州人民政府", "", "");

    // when four registrations, each in its own transaction, need the agency at the same moment
    int callers = 4;
    CyclicBarrier together = new CyclicBarrier(callers);
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    List<Future<String>> shortNames = new ArrayList<>();
    try {
      for (int i = 0; i < callers; i++) {
        shortNames.add(pool.submit(() -> {
          together.await(30, TimeUnit.SECONDS);
          return new TransactionTemplate(transactions).execute(status -> {
            Agency agency = agencies.defaultAgency();
            // the registration's transaction goes on after the agency is known
            jdbc.sql("INSERT INTO gk_number_sequence (agency_code, kind, seq_year, last_value) VALUES (?, ?, ?, 0)")
                .params(agency.code(), "T-" + UUID.randomUUID(), 2026)
                .update();
            return agency.shortName();
          });
        }));
      }
      // then all four get it and go on, and it is stored once
      for (Future<String> shortName : shortNames) {
        assertThat(shortName.get(60, TimeUnit.SECONDS)).isEqualTo("楚政办");
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(jdbc.sql("SELECT COUNT(*) FROM gk_agency WHERE code = 'chuxiong'").query(Long.class).single()).isOne();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM gk_number_sequence").query(Long.class).single()).isEqualTo(4);
  }
}

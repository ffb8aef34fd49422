package cn.gongkai.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The register's state SQL on a real PostgreSQL (no Spring context, no engine): gongkai's migrations,
 * one row per interesting combination, and the counts and pages must follow {@link SupervisionState#of}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SupervisionPostgresIT {

  static final LocalDate TODAY = LocalDate.parse("2026-11-25");
  static final SupervisionWindow WINDOW = new SupervisionWindow(TODAY, 3, LocalDate.parse("2026-11-30"));

  EmbeddedPostgres postgres;
  JdbcClient jdbc;
  DisclosureRequestCaseSource source;

  @BeforeAll
  void migrate() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
    DataSource dataSource = postgres.getPostgresDatabase();
    cn.gongkai.testing.Migrations.migrate(dataSource);
    jdbc = JdbcClient.create(dataSource);
    source = new DisclosureRequestCaseSource(jdbc);
    jdbc.sql("INSERT INTO gk_agency (code, name, short_name) VALUES ('test', '测试机关', '测试')").update();
    int n = 0;
    // replied on, due date, paused since, provisional, status
    insert(++n, null, "2026-11-10", "2026-11-12", false, "OPEN"); // stopped after the deadline day: overdue
    insert(++n, null, "2026-11-10", "2026-11-05", false, "OPEN"); // stopped within it: paused
    insert(++n, null, "2026-11-24", null, false, "OPEN");
    insert(++n, null, "2026-11-17", "2026-11-10", false, "OPEN");
    insert(++n, null, "2026-12-18", "2026-11-24", true, "OPEN");
    insert(++n, null, "2026-11-25", null, false, "OPEN");
    insert(++n, null, "2026-11-30", null, true, "OPEN");
    insert(++n, null, "2026-12-01", null, true, "OPEN");
    insert(++n, null, "2026-12-01", null, false, "OPEN");
    insert(++n, null, null, null, false, "OPEN");
    insert(++n, "2026-11-20", "2026-11-18", null, false, "OPEN"); // replied after the deadline day: overdue
    insert(++n, null, "2026-11-01", null, false, "CLOSED");
  }

  @AfterAll
  void stop() throws Exception {
    postgres.close();
  }

  void insert(int n, String repliedOn, String due, String pausedSince, boolean provisional, String status) {
    jdbc.sql("""
            INSERT INTO gk_disclosure_case (agency_code, case_number, case_year, case_seq, applicant_type,
              applicant_name, id_type, id_number, channel, received_on, description, status, registered_at,
              replied_on, reply_due_on, paused_since, pause_reason, reply_due_provisional)
            VALUES ('test', :number, 2026, :n, 'NATURAL_PERSON', '张三', 'ID_CARD', '11010519491231002X', 'ONLINE',
              DATE '2026-10-20', '测试', :status, CURRENT_TIMESTAMP, :replied, :due, :paused, :reason, :provisional)""")
        .param("number", "〔2026〕第" + n + "号")
        .param("n", n)
        .param("status", status)
        .param("replied", repliedOn == null ? null : LocalDate.parse(repliedOn), java.sql.Types.DATE)
        .param("due", due == null ? null : LocalDate.parse(due))
        .param("paused", pausedSince == null ? null : LocalDate.parse(pausedSince))
        .param("reason", pausedSince == null ? null : "CONSULT_AGENCY")
        .param("provisional", provisional)
        .update();
  }

  @Test
  void countsAndPagesFollowTheStatePrecedenceOnPostgres() {
    Map<SupervisionState, Long> truth = new EnumMap<>(SupervisionState.class);
    jdbc.sql("SELECT replied_on, reply_due_on, paused_since, reply_due_provisional FROM gk_disclosure_case"
            + " WHERE status = 'OPEN'")
        .query(rs -> {
          truth.merge(SupervisionState.of(rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class),
              rs.getObject(3, LocalDate.class), rs.getBoolean(4), WINDOW), 1L, Long::sum);
        });
    Map<SupervisionState, Long> counted = new EnumMap<>(SupervisionState.class);
    for (SupervisedCaseSource.StateCount c : source.count(WINDOW)) {
      counted.merge(c.state(), c.count(), Long::sum);
    }

    assertThat(counted).isEqualTo(truth).containsEntry(SupervisionState.OVERDUE, 3L)
        .containsEntry(SupervisionState.PAUSED, 3L).containsEntry(SupervisionState.DUE_SOON, 2L)
        .containsEntry(SupervisionState.PROVISIONAL, 1L).containsEntry(SupervisionState.NORMAL, 2L);
    for (SupervisionState state : SupervisionState.values()) {
      List<SupervisedCase> page = source.list(state, WINDOW, 0, 100);
      assertThat(page).hasSize(truth.get(state).intValue());
      assertThat(page).allMatch(c -> c.state(WINDOW) == state);
      assertThat(source.list(state, WINDOW, 1, 1)).hasSize(truth.get(state) > 1 ? 1 : 0);
    }
    assertThat(source.list(SupervisionState.NORMAL, WINDOW, 0, 10).get(1).dueOn()).as("no date last").isNull();
  }
}

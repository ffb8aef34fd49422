package cn.gongkai.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The report's SQL on a real PostgreSQL: the same register gives the same hand-counted figures as on H2. */
class AnnualReportPostgresIT {

  static DataSource dataSource;
  static JdbcClient jdbc;

  @BeforeAll
  static void migrate() throws IOException {
    // the embedded server's own shutdown hook stops it (closing it here can hang the JVM exit)
    dataSource = EmbeddedPostgres.start().getPostgresDatabase();
    cn.gongkai.testing.Migrations.migrate(dataSource);
    jdbc = JdbcClient.create(dataSource);
  }

  @Test
  void computesTheHandCountedFiguresOnPostgres() {
    // given the 2025 register, its remedies written straight to the table
    RegisterFixture fixture = RegisterFixture.newAgency(jdbc);
    Register2025.Cases cases = Register2025.write(fixture);
    for (String[] r : Register2025.remedies(cases)) {
      jdbc.sql("INSERT INTO gk_case_remedy (case_id, kind, result, filed_on, decided_on, recorded_by, recorded_at)"
              + " SELECT id, ?, ?, CAST(? AS DATE), CAST(? AS DATE), 'legal', CURRENT_TIMESTAMP FROM gk_disclosure_case"
              + " WHERE agency_code = ? AND case_number = ?")
          .params(r[1], r[2], r[3], r[4], fixture.agencyCode, r[0])
          .update();
    }

    // when
    AnnualFigures figures = new AnnualReportCalculator(jdbc).compute(fixture.agencyCode, new ReportYear(2025));

    // then
    Register2025.TABLE_THREE.forEach((row, expected) -> {
      for (int c = 0; c < Register2025.COLUMNS.length; c++) {
        assertThat(figures.tableThree().get(row).get(Register2025.COLUMNS[c]))
            .as("row %s column %s", row, Register2025.COLUMNS[c]).isEqualTo(expected[c]);
      }
    });
    Register2025.TABLE_FOUR_2025.forEach((kind, cells) -> {
      for (int i = 0; i < Register2025.RESULTS.length; i++) {
        assertThat(figures.tableFour().get(kind).get(Register2025.RESULTS[i])).isEqualTo(cells[i]);
      }
    });
    assertThat(figures.olderFormat().receivedByChannel()).containsAllEntriesOf(Register2025.CHANNELS);
    assertThat(figures.olderFormat().replied()).containsAllEntriesOf(Register2025.REPLIED);
    assertThat(figures.olderFormat().feesCollected()).isEqualByComparingTo(Register2025.FEES);
    assertThat(figures.crossCheck().passed()).isTrue();
  }

  @Test
  void findsTheSameInconsistenciesOnPostgres() {
    // given a case archived (without reply) ten days before it was received, and one replied without outcome
    RegisterFixture f = RegisterFixture.newAgency(jdbc);
    String archived = f.received("LEGAL_SERVICE", "2025-08-20").archivedWithoutReply("2025-08-10T02:00:00Z", "OTHER")
        .insert();
    String noOutcome = f.received("NATURAL_PERSON", "2025-04-01").replied("2025-04-15", null).insert();

    // when
    CrossCheck check = new AnnualReportCalculator(jdbc).compute(f.agencyCode, new ReportYear(2025)).crossCheck();

    // then
    assertThat(check.passed()).isFalse();
    assertThat(check.failures()).extracting(CrossCheck.Failure::column, CrossCheck.Failure::kind).containsExactly(
        tuple("NATURAL_PERSON", CrossCheck.Kind.SUMS_DISAGREE),
        tuple("NATURAL_PERSON", CrossCheck.Kind.NO_RESULT_ROW),
        tuple("LEGAL_SERVICE", CrossCheck.Kind.CONCLUDED_BEFORE_RECEIVED),
        tuple("TOTAL", CrossCheck.Kind.SUMS_DISAGREE));
    assertThat(check.failures().get(1).caseNumbers()).containsExactly(noOutcome);
    assertThat(check.failures().get(2).caseNumbers()).containsExactly(archived);
  }
}

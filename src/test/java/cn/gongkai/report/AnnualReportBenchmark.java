package cn.gongkai.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * How long the annual report takes on a register with 1,000,000 cases in the report year. Not part of
 * the default build (the name matches neither *Test nor *IT). Run it with
 *
 * <pre>./mvnw -q -B test -Dtest=AnnualReportBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 *
 * <p>Options: {@code -Dbench.cases=1000000}, {@code -Dbench.url=jdbc:h2:file:./target/bench/gk} (default
 * in-memory H2), {@code -Dbench.db=postgres} (embedded PostgreSQL instead; the CPU figure then says
 * little, the server process does the work). It fills the schema that Flyway builds from src/main/resources/db/migration with batch
 * inserts, times {@link AnnualReportCalculator#compute} (2 warm-up runs, then 5), fails when the median
 * exceeds 2 s, and writes the figures to src/test/benchmarks/annual-report-results.md.
 */
class AnnualReportBenchmark {

  private static final String AGENCY = "bench";
  private static final int YEAR = 2025;
  private static final String[] TYPES =
      {"NATURAL_PERSON", "COMMERCIAL", "RESEARCH", "PUBLIC_INTEREST", "LEGAL_SERVICE", "OTHER_ORG"};
  private static final int[] TYPE_WEIGHTS = {70, 12, 4, 3, 6, 5};
  private static final String[] CHANNELS = {"IN_PERSON", "SIGNED_POST", "ORDINARY_LETTER", "ONLINE", "FAX"};
  private static final int[] CHANNEL_WEIGHTS = {15, 15, 5, 63, 2};
  private static final String[][] REPLIED_OUTCOMES = {
      {"DISCLOSE", null}, {"ALREADY_PUBLIC", null}, {"PARTIAL", "THIRD_PARTY"},
      {"REFUSE", "STATE_SECRET"}, {"REFUSE", "LAW_PROHIBITS"}, {"REFUSE", "SECURITY_STABILITY"},
      {"REFUSE", "THIRD_PARTY"}, {"REFUSE", "INTERNAL_AFFAIRS"}, {"REFUSE", "PROCESS_INFO"},
      {"REFUSE", "ENFORCEMENT_FILE"}, {"REFUSE", "ADMIN_QUERY"}, {"NOT_EXIST", null}, {"NOT_THIS_AGENCY", null},
      {"NEEDS_CREATION", null}, {"UNCLEAR_AFTER_CORRECTION", null}, {"PETITION", null}, {"REPEAT", null},
      {"PUBLICATION", null}, {"UNREASONABLE_VOLUME", null}, {"CONFIRM_REISSUE", null}};
  private static final int[] REPLIED_WEIGHTS = {35, 15, 10, 1, 1, 1, 2, 2, 2, 1, 1, 10, 6, 3, 1, 4, 2, 1, 1, 1};
  private static final String[] ARCHIVED_OUTCOMES = {"NO_CORRECTION", "FEE_UNPAID", "OTHER"};

  @Test
  void computesTheReportForAMillionCasesInUnderTwoSeconds() throws Exception {
    int cases = Integer.getInteger("bench.cases", 1_000_000);
    String url;
    SingleConnectionDataSource dataSource;
    if ("postgres".equals(System.getProperty("bench.db"))) {
      // the embedded server's own shutdown hook stops it
      DataSource postgres = EmbeddedPostgres.start().getPostgresDatabase();
      try (Connection c = postgres.getConnection()) {
        url = "embedded PostgreSQL " + c.getMetaData().getDatabaseProductVersion() + ", " + c.getMetaData().getURL();
      }
      dataSource = new SingleConnectionDataSource(postgres.getConnection(), true);
    } else {
      // H2 reuses a query's last result when nothing changed: off, so that every run really computes
      url = System.getProperty("bench.url", "jdbc:h2:mem:gk-bench;DB_CLOSE_DELAY=-1;OPTIMIZE_REUSE_RESULTS=FALSE");
      dataSource = new SingleConnectionDataSource(url, "sa", "", true);
    }
    try {
      Flyway.configure().dataSource(dataSource).table("gk_schema_history").cleanDisabled(false).load().clean();
      Flyway.configure().dataSource(dataSource).table("gk_schema_history")
          .placeholders(cn.gongkai.testing.Migrations.PLACEHOLDERS).load().migrate();

      long fillStart = System.nanoTime();
      fill(dataSource, cases);
      long fillMillis = (System.nanoTime() - fillStart) / 1_000_000;

      AnnualReportCalculator calculator = new AnnualReportCalculator(JdbcClient.create(dataSource));
      ReportYear year = new ReportYear(YEAR);
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      long firstMillis = time(() -> calculator.compute(AGENCY, year));
      time(() -> calculator.compute(AGENCY, year));
      List<Long> runs = new ArrayList<>();
      List<Long> cpuRuns = new ArrayList<>();
      AnnualFigures figures = null;
      for (int i = 0; i < 5; i++) {
        long cpu = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        figures = calculator.compute(AGENCY, year);
        runs.add((System.nanoTime() - start) / 1_000_000);
        cpuRuns.add((threads.getCurrentThreadCpuTime() - cpu) / 1_000_000);
      }
      long median = median(runs);
      long cpuMedian = median(cpuRuns);
      double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();

      assertThat(figures.crossCheck().passed()).as(figures.crossCheck().failures().toString()).isTrue();
      long total = figures.cell(TableThreeRow.NEW, ReportColumn.TOTAL) + figures.cell(TableThreeRow.CARRIED_IN,
          ReportColumn.TOTAL);
      writeResults(url, cases, fillMillis, firstMillis, runs, median, cpuRuns, cpuMedian, load, figures, total);
      assertThat(median).as("median report time in ms").isLessThan(2000);
    } finally {
      dataSource.destroy();
    }
  }

  private static long median(List<Long> values) {
    return values.stream().sorted().toList().get(values.size() / 2);
  }

  private static long time(Runnable run) {
    long start = System.nanoTime();
    run.run();
    return (System.nanoTime() - start) / 1_000_000;
  }

  /** The agency, {@code cases} cases (about 98 % received in the report year, the rest in December before), remedies. */
  private static void fill(SingleConnectionDataSource dataSource, int cases) throws SQLException {
    Connection connection = dataSource.getConnection();
    connection.setAutoCommit(false);
    try (PreparedStatement agency = connection.prepareStatement(
        "INSERT INTO gk_agency (code, name, short_name) VALUES (?, '基准测试机关', '基准')")) {
      agency.setString(1, AGENCY);
      agency.executeUpdate();
    }
    SplittableRandom random = new SplittableRandom(20251231L);
    ZoneId beijing = ZoneId.of("Asia/Shanghai");
    LocalDate yearStart = LocalDate.of(YEAR, 1, 1);
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO gk_disclosure_case (agency_code,"
        + " case_number, case_year, case_seq, applicant_type, applicant_name, id_type, id_number, channel,"
        + " received_on, description, status, outcome, outcome_code, registered_at, replied_on, archived_at,"
        + " extension_working_days, overdue, fee_amount, fee_paid_on) VALUES (?, ?, ?, ?, ?, '申请人', 'ID_CARD',"
        + " '11010519491231002X', ?, ?, '基准测试申请内容', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (int i = 1; i <= cases; i++) {
        LocalDate received = random.nextInt(100) < 2
            ? yearStart.minusDays(1 + random.nextInt(31))
            : yearStart.plusDays(random.nextInt(365));
        int fate = random.nextInt(100);
        String outcome = null;
        String code = null;
        LocalDate replied = null;
        OffsetDateTime archived = null;
        if (fate < 90) {
          String[] o = REPLIED_OUTCOMES[pick(random, REPLIED_WEIGHTS)];
          outcome = o[0];
          code = o[1];
          replied = received.plusDays(1 + random.nextInt(40));
          archived = replied.plusDays(1 + random.nextInt(5)).atTime(10, 0).atZone(beijing).toOffsetDateTime();
        } else if (fate < 95) {
          outcome = ARCHIVED_OUTCOMES[random.nextInt(ARCHIVED_OUTCOMES.length)];
          archived = received.plusDays(20 + random.nextInt(20)).atTime(16, 30).atZone(beijing).toOffsetDateTime();
        }
        int p = 1;
        insert.setString(p++, AGENCY);
        insert.setString(p++, "〔" + received.getYear() + "〕第" + i + "号");
        insert.setInt(p++, received.getYear());
        insert.setLong(p++, i);
        insert.setString(p++, TYPES[pick(random, TYPE_WEIGHTS)]);
        insert.setString(p++, CHANNELS[pick(random, CHANNEL_WEIGHTS)]);
        insert.setDate(p++, Date.valueOf(received));
        insert.setString(p++, archived == null ? "OPEN" : "CLOSED");
        insert.setString(p++, outcome);
        insert.setString(p++, code);
        insert.setObject(p++, received.atTime(9, 0).atZone(beijing).toOffsetDateTime());
        insert.setObject(p++, replied == null ? null : Date.valueOf(replied), Types.DATE);
        insert.setObject(p++, archived, Types.TIMESTAMP_WITH_TIMEZONE);
        insert.setObject(p++, replied != null && random.nextInt(10) == 0 ? 20 : null, Types.INTEGER);
        insert.setBoolean(p++, replied != null && random.nextInt(100) == 0);
        boolean fee = random.nextInt(200) == 0;
        insert.setObject(p++, fee ? new BigDecimal("100.00") : null, Types.DECIMAL);
        insert.setObject(p++, fee ? Date.valueOf(received.plusDays(10)) : null, Types.DATE);
        insert.addBatch();
        if (i % 10_000 == 0) {
          insert.executeBatch();
        }
      }
      insert.executeBatch();
    }
    try (PreparedStatement remedy = connection.prepareStatement("INSERT INTO gk_case_remedy (case_id, kind, result,"
        + " filed_on, decided_on, recorded_by, recorded_at) SELECT id, CASE MOD(id, 3) WHEN 0 THEN 'RECONSIDERATION'"
        + " WHEN 1 THEN 'LAWSUIT_DIRECT' ELSE 'LAWSUIT_AFTER_RECONSIDERATION' END, 'UPHELD', replied_on,"
        + " replied_on + 30, 'bench', CURRENT_TIMESTAMP FROM gk_disclosure_case WHERE MOD(id, 1000) = 0"
        + " AND replied_on IS NOT NULL")) {
      remedy.executeUpdate();
    }
    connection.commit();
    connection.setAutoCommit(true);
    try (var analyze = connection.createStatement()) {
      analyze.execute("ANALYZE");
    }
  }

  private static int pick(SplittableRandom random, int[] weights) {
    int total = 0;
    for (int w : weights) {
      total += w;
    }
    int r = random.nextInt(total);
    for (int i = 0; i < weights.length; i++) {
      r -= weights[i];
      if (r < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }

  private static void writeResults(String url, int cases, long fillMillis, long firstMillis, List<Long> runs,
      long median, List<Long> cpuRuns, long cpuMedian, double load, AnnualFigures figures, long total)
      throws IOException {
    String run = String.format(Locale.ROOT, """

        ## Run of %s (Beijing time)

        | what | value |
        |---|---|
        | machine | %d cores, Java %s, system load average (1 min) %.2f at the end |
        | database | `%s` |
        | cases in the register | %,d (about 98 %% received in %d, the rest in December %d) |
        | cases counted in %d (一 + 二, all columns) | %,d |
        | filling the register (batch insert, indexes, ANALYZE) | %,d ms |
        | first report (cold) | %,d ms |
        | 5 reports after 2 warm-up runs, wall clock | %s ms |
        | median, wall clock | **%,d ms** (limit 2,000 ms) |
        | the same 5 runs, CPU time of the calling thread (H2 runs in it) | %s ms, median %,d ms |
        | cross-check | %s |
        """,
        OffsetDateTime.now(ZoneId.of("Asia/Shanghai")).format(DateTimeFormatter.ofPattern(
            "yyyy-MM-dd HH:mm")),
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), load, url, cases, YEAR,
        YEAR - 1, YEAR, total, fillMillis, firstMillis, runs, median, cpuRuns, cpuMedian,
        figures.crossCheck().passed() ? "passed" : "FAILED");
    Path file = Path.of("src/test/benchmarks/annual-report-results.md");
    Files.createDirectories(file.getParent());
    if (!Files.exists(file)) {
      Files.writeString(file, """
          # Annual report benchmark

          `AnnualReportBenchmark` (src/test/java/cn/gongkai/report/AnnualReportBenchmark.java) fills a
          register with 1,000,000 cases and times `AnnualReportCalculator.compute` for the year; each run
          appends a section below. Run it with

              ./mvnw -q -B test -Dtest=AnnualReportBenchmark -Dsurefire.failIfNoSpecifiedTests=false
          """, StandardCharsets.UTF_8);
    }
    Files.writeString(file, run, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
    System.out.println(run);
  }
}

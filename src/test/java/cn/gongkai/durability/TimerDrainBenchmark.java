package cn.gongkai.durability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How fast due timers are drained, on one node and on two, and how late a timer fires on an idle node (issue 15
 * "Timers on time", "Two nodes"). Not part of the build (its name matches neither *Test nor *IT); run it with
 * <pre>./mvnw -B test -Dtest=TimerDrainBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 *
 * <p>One embedded PostgreSQL and one GreenMail. A seeding node (job executor off) registers {@code bench.cases}
 * disclosure requests received 60 days ago over HTTP, so each has its reminder and overdue timers due (the
 * real thing: the reminder mails go to GreenMail, the overdue check records and opens a 督办 task), and
 * starts {@code bench.bare} instances of a bare process with one due timer and a wait state (the reference:
 * what the engine alone does per timer). All these timers are suspended, the database is cloned twice
 * (PostgreSQL {@code CREATE DATABASE ... TEMPLATE}), and each clone is drained: by one node, then by two
 * nodes, gongkai's timers first, the bare ones second, each from idle. The rate is timers / (last fire - first
 * fire) from the engine's history. The nodes run the shipped job executor settings with the production profile.
 * Results go to the console and target/benchmarks/timer-drain.txt; copy them to
 * src/test/benchmarks/timer-drain-results.md with the machine's load ({@code uptime} is printed per phase).
 */
class TimerDrainBenchmark {

  static final int CASES = Integer.getInteger("bench.cases", 5_000);
  static final int BARE = Integer.getInteger("bench.bare", 40_000);
  static final int PROBES = Integer.getInteger("bench.probes", 8);
  static final int BATCH = 500;
  /**
   * A folder to keep the seeded PostgreSQL cluster in (optional): seeding takes far longer than the drains, so it
   * can run once ({@code -Dbench.phase=seed}) while the machine is busy, and the drains later on a quiet machine
   * ({@code -Dbench.phase=drain}) from the same folder. Without it, one run seeds into a temporary cluster and drains.
   */
  static final String SEED_DIR = System.getProperty("bench.seed-dir");
  static final String PHASE = System.getProperty("bench.phase", "all");
  /** Extra JVM flags for the nodes, e.g. a flight recording ({@code -XX:StartFlightRecording=...}). */
  static final String NODE_JVM_FLAGS = System.getProperty("bench.node-jvm-flags", "");
  /** {@code one}: only the one-node drains (for profiling); {@code all} (default): one node, then two. */
  static final String DRAINS = System.getProperty("bench.drains", "all");
  static final List<String> CASE_TIMERS = List.of("BoundaryEvent_ReplyDeadlineNear", "BoundaryEvent_ReplyDeadlinePassed");
  static final List<String> BARE_TIMERS = List.of("TimerEvent_Due");
  static final String UNSENT = "SELECT COUNT(*) FROM gk_mail_outbox WHERE sent_at IS NULL";
  static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
  static final Path LOGS = Path.of("target", "timer-drain");
  static final DateTimeFormatter REST_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final ObjectMapper json = new ObjectMapper();
  private final List<ChildApplication> nodes = new ArrayList<>();
  private final StringBuilder report = new StringBuilder();
  private EmbeddedPostgres postgres;
  private GreenMail smtp;

  @TempDir Path workDir;

  @AfterEach
  void stopEverything() throws Exception {
    for (ChildApplication node : nodes) {
      node.close();
    }
    if (smtp != null) {
      smtp.stop();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void drainsDueTimersOnOneNodeAndOnTwo() throws Exception {
    EmbeddedPostgres.Builder cluster = EmbeddedPostgres.builder();
    if (SEED_DIR != null) {
      Path dir = Files.createDirectories(Path.of(SEED_DIR).toAbsolutePath());
      if (PHASE.equals("seed")) {
        deleteTree(dir.resolve("pgdata"));
      }
      // kept when the cluster stops (a clean data directory would be deleted then)
      cluster.setDataDirectory(dir.resolve("pgdata")).setCleanDataDirectory(false);
    }
    postgres = cluster.start();
    smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    smtp.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    smtp.start();
    line("# timer drain, %s, %d cases (x2 timers) + %d bare timers = %d due timers", OffsetDateTime.now(BEIJING),
        CASES, BARE, 2 * CASES + BARE);
    line("cpus %d, java %s", Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));

    if (!PHASE.equals("drain")) {
      seed("seeded");
    }
    if (PHASE.equals("seed")) {
      return;
    }
    execute("DROP DATABASE IF EXISTS one");
    execute("DROP DATABASE IF EXISTS two");
    execute("CREATE DATABASE one TEMPLATE seeded");
    execute("CREATE DATABASE two TEMPLATE seeded");

    // one node: idle latency first, then the drains
    List<ChildApplication> one = List.of(node("one-1", "one", true));
    idleLatency(one.get(0));
    Drain caseOne = drain("one", one, CASE_TIMERS, 2 * CASES, "disclosure-request");
    Drain bareOne = drain("one", one, BARE_TIMERS, BARE, "bench-timer");
    int mailsOne = mailsSent("one");
    closeAll();
    if (DRAINS.equals("one")) {
      line("| one node | gongkai %.0f jobs/s | bare %.0f jobs/s | gongkai / bare %.2f |", caseOne.rate(), bareOne.rate(),
          caseOne.rate() / bareOne.rate());
      return;
    }

    // two nodes on a fresh copy of the same database
    List<ChildApplication> two = List.of(node("two-1", "two", true), node("two-2", "two", true));
    Drain caseTwo = drain("two", two, CASE_TIMERS, 2 * CASES, "disclosure-request");
    Drain bareTwo = drain("two", two, BARE_TIMERS, BARE, "bench-timer");
    int mailsTwo = mailsSent("two");
    closeAll();

    line("");
    line("| drain | one node | two nodes | two / one |");
    line("|---|---|---|---|");
    line("| gongkai timers (reminder + overdue), jobs/s | %.0f | %.0f | %.2f |", caseOne.rate(), caseTwo.rate(),
        caseTwo.rate() / caseOne.rate());
    line("| bare timers, jobs/s | %.0f | %.0f | %.2f |", bareOne.rate(), bareTwo.rate(),
        bareTwo.rate() / bareOne.rate());
    line("| gongkai / bare | %.2f | %.2f | |", caseOne.rate() / bareOne.rate(), caseTwo.rate() / bareTwo.rate());
    line("| all %d timers, jobs/s | %.0f | %.0f | |", 2 * CASES + BARE,
        (2.0 * CASES + BARE) / (caseOne.seconds() + bareOne.seconds()),
        (2.0 * CASES + BARE) / (caseTwo.seconds() + bareTwo.seconds()));
    assertThat(mailsOne).as("reminder mails of the one-node run, distinct Message-IDs (one per case)").isEqualTo(CASES);
    assertThat(mailsTwo).as("reminder mails of the two-node run, distinct Message-IDs (one per case)").isEqualTo(CASES);
    Path out = Path.of("target", "benchmarks", "timer-drain.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  /** Fills {@code database}: the cases and the bare timers, all their timers suspended. */
  private void seed(String database) throws Exception {
    execute("CREATE DATABASE " + database);
    ChildApplication seeder = node("seed", database, false);
    long started = System.nanoTime();
    deploy(seeder, "bench-timer.bpmn", "bench-timer-batch.bpmn", "bench-probe.bpmn");
    suspendAll(seeder, "disclosure-request", true);
    suspendAll(seeder, "bench-timer", true);
    LocalDate receivedOn = LocalDate.now(BEIJING).minusDays(60);
    AtomicInteger next = new AtomicInteger();
    ExecutorService clerks = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        done.add(clerks.submit(() -> {
          while (next.getAndIncrement() < CASES) {
            HttpResponse<String> created = seeder.send("POST", "/api/requests", "intake", ChildApplication.demoRequest(receivedOn),
                Duration.ofMinutes(5));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
          }
          return null;
        }));
      }
      for (Future<?> clerk : done) {
        clerk.get(2, TimeUnit.HOURS);
      }
    } finally {
      clerks.shutdownNow();
    }
    long casesSeconds = (System.nanoTime() - started) / 1_000_000_000;
    String dueAt = OffsetDateTime.now(BEIJING).minusDays(1).withNano(0).toString();
    for (int made = 0; made < BARE; made += BATCH) {
      Map<String, Object> variables = Map.of(
          "n", Map.of("value", Math.min(BATCH, BARE - made), "type", "Integer"),
          "dueAt", Map.of("value", dueAt, "type", "String"));
      HttpResponse<String> started2 = seeder.send("POST", "/engine-rest/process-definition/key/bench-timer-batch/start",
          "admin", Map.of("variables", variables));
      assertThat(started2.statusCode()).as(started2.body()).isEqualTo(200);
    }
    long suspendedDue = count(database, "SELECT COUNT(*) FROM act_ru_job WHERE suspension_state_ = 2 AND duedate_ < now()");
    line("seeded in %d s (cases %d s): %d suspended due timers; %s", (System.nanoTime() - started) / 1_000_000_000,
        casesSeconds, suspendedDue, uptime());
    assertThat(suspendedDue).isEqualTo(2L * CASES + BARE);
    seeder.close();
    nodes.remove(seeder);
  }

  record Drain(int timers, double seconds, double wallSeconds) {
    double rate() {
      return timers / seconds;
    }
  }

  /** Activates the suspended timers of {@code processKey} on idle nodes and waits until none is left. */
  private Drain drain(String database, List<ChildApplication> on, List<String> activities, int timers,
      String processKey) throws Exception {
    String inList = "('" + String.join("', '", activities) + "')";
    String left = "SELECT COUNT(*) FROM act_ru_job j JOIN act_ru_jobdef d ON j.job_def_id_ = d.id_"
        + " WHERE d.act_id_ IN " + inList + " AND d.proc_def_key_ = '" + processKey + "'";
    assertThat(count(database, left)).isEqualTo(timers);
    String before = uptime();
    long activated = System.nanoTime();
    suspendAll(on.get(0), processKey, false);
    while (count(database, left) > 0) {
      if (System.nanoTime() - activated > TimeUnit.MINUTES.toNanos(30)) {
        throw new AssertionError("not drained in 30 min");
      }
      Thread.sleep(200);
    }
    double wall = (System.nanoTime() - activated) / 1e9;
    double span;
    long fired;
    try (Connection c = postgres.getDatabase("postgres", database).getConnection();
        Statement s = c.createStatement();
        // by process key too: the idle probes' timer has the same activity id as the bare process's
        ResultSet r = s.executeQuery("SELECT MIN(end_time_), MAX(end_time_), COUNT(*) FROM act_hi_actinst"
            + " WHERE act_id_ IN " + inList + " AND proc_def_key_ = '" + processKey + "' AND end_time_ IS NOT NULL")) {
      r.next();
      Timestamp first = r.getTimestamp(1);
      Timestamp last = r.getTimestamp(2);
      span = (last.getTime() - first.getTime()) / 1000.0;
      fired = r.getLong(3);
    }
    assertThat(fired).as("timers fired (history)").isEqualTo(timers);
    Drain drain = new Drain(timers, span, wall);
    line("%s, %d node(s): %d %s timers in %.1f s first to last fire = %.0f jobs/s (%.1f s from activation);"
        + " before %s; after %s", database, on.size(), timers, processKey, span, drain.rate(), wall, before, uptime());
    return drain;
  }

  /**
   * The reminder mails one run sent, once its outbox is empty (the outbox sends after commit, on its own
   * threads), counted as distinct Message-IDs (GreenMail keeps one copy per recipient; one mail is one
   * Message-ID, fixed per outbox row); then GreenMail is emptied for the next run. Per run, because the runs'
   * databases are copies of one seed: the same case gets the same outbox row id, hence the same Message-ID.
   */
  private int mailsSent(String database) throws Exception {
    long waitUntil = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    while (count(database, UNSENT) > 0 && System.nanoTime() < waitUntil) {
      Thread.sleep(500);
    }
    Set<String> messageIds = new HashSet<>();
    for (MimeMessage mail : smtp.getReceivedMessages()) {
      messageIds.add(mail.getMessageID());
    }
    smtp.purgeEmailFromAllMailboxes();
    line("%s: %d reminder mails (distinct Message-IDs), %d left unsent", database, messageIds.size(),
        count(database, UNSENT));
    return messageIds.size();
  }

  /** Timers due a few seconds ahead on a node that has been idle long enough to reach its longest wait. */
  private void idleLatency(ChildApplication node) throws Exception {
    List<Double> late = new ArrayList<>();
    for (int i = 0; i < PROBES; i++) {
      // idle for longer than camunda.bpm.job-execution.max-wait, then a timer due in 3.x s (a different phase
      // of the acquisition's wait each time)
      Thread.sleep(6_000 + 500L * i);
      OffsetDateTime due = OffsetDateTime.now(BEIJING).plusSeconds(3).withNano(0);
      HttpResponse<String> started = node.send("POST", "/engine-rest/process-definition/key/bench-probe/start",
          "admin", Map.of("variables", Map.of("dueAt", Map.of("value", due.toString(), "type", "String"))));
      assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
      String instance = json.readTree(started.body()).path("id").asText();
      JsonNode fired = null;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
      while (System.nanoTime() < deadline) {
        JsonNode activities = json.readTree(node.send("GET", "/engine-rest/history/activity-instance?processInstanceId="
            + instance + "&activityId=TimerEvent_Due&finished=true", "admin", null).body());
        if (activities.size() == 1) {
          fired = activities.get(0);
          break;
        }
        Thread.sleep(100);
      }
      assertThat(fired).as("probe timer %d fired within 90 s", i).isNotNull();
      OffsetDateTime at = OffsetDateTime.parse(fired.path("endTime").asText(), REST_TIME);
      late.add(Duration.between(due, at).toMillis() / 1000.0);
    }
    late.sort(Double::compare);
    line("idle node: %d timers fired late by %s s (max %.1f s); %s", PROBES, late.stream()
        .map(d -> String.format(Locale.ROOT, "%.1f", d)).toList(), late.get(late.size() - 1), uptime());
  }

  private ChildApplication node(String name, String database, boolean jobExecutor) throws Exception {
    List<String> arguments = new ArrayList<>(List.of("--spring.profiles.active=prod,demo"));
    if (!jobExecutor) {
      arguments.add("--camunda.bpm.job-execution.enabled=false");
    }
    ChildApplication node = ChildApplication.start(Files.createDirectories(workDir.resolve(name)),
        LOGS.resolve(name + ".log").toAbsolutePath(), ChildApplication.Options.SERVER_JVM, arguments,
        Map.of("GONGKAI_DB_URL", postgres.getJdbcUrl("postgres", database),
            "GONGKAI_DB_USER", "postgres",
            "GONGKAI_DB_PASSWORD", "postgres",
            "SPRING_MAIL_HOST", "localhost",
            "SPRING_MAIL_PORT", String.valueOf(smtp.getSmtp().getPort()),
            "JAVA_TOOL_OPTIONS", NODE_JVM_FLAGS.replace("{node}", name)));
    nodes.add(node);
    return node;
  }

  private void closeAll() throws Exception {
    for (ChildApplication node : nodes) {
      node.close();
    }
    nodes.clear();
  }

  private void suspendAll(ChildApplication app, String processKey, boolean suspended) throws Exception {
    HttpResponse<String> answer = app.send("PUT", "/engine-rest/job-definition/suspended", "admin",
        Map.of("processDefinitionKey", processKey, "suspended", suspended, "includeJobs", true));
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(204);
  }

  private void deploy(ChildApplication app, String... resources) throws Exception {
    String boundary = "----gongkai" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    part(body, boundary, "deployment-name", null, "timer-drain-benchmark".getBytes(StandardCharsets.UTF_8));
    for (String resource : resources) {
      try (InputStream in = getClass().getResourceAsStream("/bench/" + resource)) {
        part(body, boundary, resource, resource, in.readAllBytes());
      }
    }
    body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + app.port() + "/engine-rest/deployment/create"))
        .header("Authorization", basic("admin"))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
  }

  private static void part(ByteArrayOutputStream body, String boundary, String name, String fileName, byte[] content)
      throws IOException {
    body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
        + (fileName == null ? "" : "; filename=\"" + fileName + "\"") + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.write(content);
    body.write("\r\n".getBytes(StandardCharsets.UTF_8));
  }

  private void execute(String sql) throws SQLException {
    try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private long count(String database, String sql) throws SQLException {
    try (Connection c = postgres.getDatabase("postgres", database).getConnection(); Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (var paths = Files.walk(dir)) {
        for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  private static String uptime() {
    try {
      String loadavg = Files.readString(Path.of("/proc/loadavg")).trim();
      return "load " + loadavg.substring(0, loadavg.indexOf(' ', loadavg.indexOf(' ', loadavg.indexOf(' ') + 1) + 1));
    } catch (IOException e) {
      return "load ?";
    }
  }

  private void line(String format, Object... args) {
    String text = String.format(Locale.ROOT, format, args);
    System.out.println("[bench] " + text);
    report.append(text).append('\n');
  }

  private static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
  }
}

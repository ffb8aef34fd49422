package cn.gongkai.durability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two gongkai nodes on one PostgreSQL and one SMTP server (issue 15 "Two nodes"): each started as its own JVM
 * with the production profile, 2,000 deadline timers come due at once, one node is killed with SIGKILL while
 * they fire, and every timer must have fired exactly once with all of gongkai's effects: one reminder mail
 * per case (counted in GreenMail), one 核对是否逾期 record, the 超期 flag, one 督办 task. A calendar year
 * loaded on one node must reach the other without a restart.
 *
 * <p>How the timers come due: the child JVMs cannot share the test's {@code ClockUtil}, so the cases are
 * registered over HTTP with a receipt date 60 days back; their reply deadline ({@code replyOverdueAt}) and
 * reminder date ({@code replyReminderAt}) are then real dates in the past, computed by gongkai itself. So
 * that they come due together (a backlog to drain, and a moment to kill a node in), the two timers' job
 * definitions are suspended before registering and activated once all cases are in: jobs of a suspended job
 * definition are created suspended and the job executor does not see them.
 */
class TwoNodesIT {

  static final int CASES = Integer.getInteger("twonodes.cases", 1_000);
  static final List<String> TIMERS = List.of("BoundaryEvent_ReplyDeadlineNear", "BoundaryEvent_ReplyDeadlinePassed");
  /** Killed once this share of the timers has fired. */
  static final double KILL_AT = 0.3;
  static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(600);
  static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
  static final Path LOGS = Path.of("target", "two-nodes");

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final ObjectMapper json = new ObjectMapper();
  private final List<ChildApplication> nodes = new ArrayList<>();
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
  void twoNodesFireEveryDueTimerExactlyOnceThroughASigkill() throws Exception {
    // given an empty PostgreSQL, an SMTP server and two nodes started with the production profile (the first
    // alone on the empty database: it creates the schema; README "Running in production")
    postgres = EmbeddedPostgres.builder().start();
    smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    smtp.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    smtp.start();
    ChildApplication a = start("a");
    ChildApplication b = start("b");

    // when a year's holidays are loaded on node a, node b computes with them without a restart
    calendarYearLoadedOnOneNodeReachesTheOther(a, b);

    // and 1,000 requests received 60 days ago are registered on both nodes, their timers held back
    List<String> timerDefinitions = timerJobDefinitions(a);
    for (String definition : timerDefinitions) {
      suspend(a, definition, true);
    }
    Map<String, String> registered = registerOnBothNodes(a, b, LocalDate.now(BEIJING).minusDays(60));
    assertThat(registered).hasSize(CASES);
    assertThat(count("SELECT COUNT(*) FROM act_ru_job j JOIN act_ru_jobdef d ON j.job_def_id_ = d.id_"
        + " WHERE d.act_id_ IN ('BoundaryEvent_ReplyDeadlineNear', 'BoundaryEvent_ReplyDeadlinePassed')"
        + " AND j.duedate_ < now() AND j.suspension_state_ = 2"))
        .as("suspended due timers").isEqualTo(2L * CASES);

    // and all 2,000 timers come due at once, and node b is killed with SIGKILL while they fire
    long released = System.nanoTime();
    for (String definition : timerDefinitions) {
      suspend(a, definition, false);
    }
    long total = 2L * CASES;
    long firedAtKill = awaitFiredWithBothNodesAtWork((long) (KILL_AT * total), b);
    Map<String, Long> lockedAtKill = groupCount("SELECT lock_owner_ FROM act_ru_job WHERE lock_owner_ IS NOT NULL");
    b.kill();
    long killedAfterMillis = (System.nanoTime() - released) / 1_000_000;
    awaitDrained();
    long drainedAfterMillis = (System.nanoTime() - released) / 1_000_000;

    // then every timer fired exactly once, with every effect once, and nothing is left or failed
    // GreenMail keeps one copy per recipient. One mail is one Message-ID (fixed per outbox row); a mail repeated
    // because its node died between the SMTP answer and marking it sent arrives again with the same Message-ID
    MimeMessage[] mails = smtp.getReceivedMessages();
    Map<String, Set<String>> messageIdsPerCase = new HashMap<>();
    Map<String, Long> copies = new HashMap<>();
    Map<String, Integer> recipients = new HashMap<>();
    Map<String, String> caseOf = new HashMap<>();
    for (MimeMessage mail : mails) {
      String caseNumber = caseNumberIn(mail.getSubject());
      messageIdsPerCase.computeIfAbsent(caseNumber, k -> new HashSet<>()).add(mail.getMessageID());
      copies.merge(mail.getMessageID(), 1L, Long::sum);
      recipients.put(mail.getMessageID(), mail.getAllRecipients().length);
      caseOf.put(mail.getMessageID(), caseNumber);
    }
    Map<String, Long> mailsPerCase = messageIdsPerCase.entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> (long) e.getValue().size()));
    // a mail to n recipients leaves n copies in GreenMail; more copies mean it was sent again
    Set<String> repeated = copies.entrySet().stream().filter(e -> e.getValue() > recipients.get(e.getKey()))
        .map(e -> caseOf.get(e.getKey())).collect(Collectors.toSet());
    Set<String> claimedTwice = groupCount("SELECT subject FROM gk_mail_outbox WHERE attempts > 1").keySet().stream()
        .map(TwoNodesIT::caseNumberIn).collect(Collectors.toSet());
    Map<String, Long> sentBy = groupCount("SELECT claimed_by FROM gk_mail_outbox WHERE sent_at IS NOT NULL");
    System.out.printf("[two-nodes] %d timers: node b killed after %d ms with %d fired; all fired after %d ms;"
        + " jobs locked per job executor at the kill %s; %d mail copies, sent by %s; repeated after the kill: %s%n",
        total, killedAfterMillis, firedAtKill, drainedAfterMillis, lockedAtKill.values(), mails.length, sentBy,
        repeated);
    SoftAssertions.assertSoftly(softly -> {
      softly.assertThat(firedAtKill).as("fired when node b was killed (mid-run)").isLessThan(total);
      softly.assertThat(count("SELECT COUNT(*) FROM act_ru_job j JOIN act_ru_jobdef d ON j.job_def_id_ = d.id_"
              + " WHERE d.act_id_ IN ('BoundaryEvent_ReplyDeadlineNear', 'BoundaryEvent_ReplyDeadlinePassed')"))
          .as("reply-period timers left").isZero();
      softly.assertThat(count("SELECT COUNT(*) FROM act_ru_incident")).as("incidents").isZero();
      for (String timer : TIMERS) {
        softly.assertThat(perInstance("SELECT proc_inst_id_ FROM act_hi_actinst WHERE act_id_ = '" + timer
                + "' AND end_time_ IS NOT NULL"))
            .as("%s fired per process instance", timer).isEqualTo(onceEach(registered.values()));
      }
      softly.assertThat(perCase("Task_RemindHandlers", "REMINDED")).as("提醒办理人员 records per case")
          .isEqualTo(onceEach(registered.keySet()));
      softly.assertThat(perCase("Task_MarkOverdue", "OVERDUE")).as("核对是否逾期 (逾期) records per case (the"
              + " 标记逾期 record written at registration, the dates being past, is not the timer's)")
          .isEqualTo(onceEach(registered.keySet()));
      softly.assertThat(count("SELECT COUNT(*) FROM gk_disclosure_case WHERE overdue")).as("cases flagged 超期")
          .isEqualTo(CASES);
      softly.assertThat(perInstance("SELECT proc_inst_id_ FROM act_ru_task"
              + " WHERE task_def_key_ = 'Task_SuperviseOverdueCase'"))
          .as("督办 tasks per process instance").isEqualTo(onceEach(registered.values()));
      softly.assertThat(mailsPerCase).as("reminder mails (distinct Message-IDs) per case in GreenMail")
          .isEqualTo(onceEach(registered.keySet()));
      // at least once, not exactly once, for a mail in flight on the killed node (its 4 job threads and its
      // outbox poll): only those may arrive a second time, with the same Message-ID
      softly.assertThat(repeated).as("mails delivered twice: only ones the killed node had claimed")
          .isSubsetOf(claimedTwice)
          .hasSizeLessThanOrEqualTo(5);
      softly.assertThat(count("SELECT COUNT(*) FROM gk_mail_outbox WHERE sent_at IS NULL")).as("mails unsent")
          .isZero();
      softly.assertThat(sentBy).as("nodes that sent mail").hasSize(2);
    });
  }

  /** Node b reads a deadline reaching into a year nobody has loaded, a loads the year, b's answer changes. */
  private void calendarYearLoadedOnOneNodeReachesTheOther(ChildApplication a, ChildApplication b) throws Exception {
    int year = LocalDate.now(BEIJING).getYear() + 3;
    String deadlinePath = "/api/calendar/deadline?start=" + (year - 1) + "-12-15&workingDays=20";
    String before = json.readTree(ok(b.send("GET", deadlinePath, "intake", null))).path("due").asText();
    LocalDate holiday = LocalDate.of(year, 1, 5);
    while (holiday.getDayOfWeek() == DayOfWeek.SATURDAY || holiday.getDayOfWeek() == DayOfWeek.SUNDAY) {
      holiday = holiday.plusDays(1);
    }
    ok(a.send("PUT", "/api/calendar/" + year, "admin", Map.of("year", year,
        "papers", List.of("https://www.gov.cn/zhengce/content/" + year + "-notice.htm"),
        "days", List.of(Map.of("name", "测试假日", "date", holiday.toString(), "isOffDay", true)))));
    long loaded = System.nanoTime();
    String after = before;
    // each node re-checks the calendar's revision at most once a second (WorkingDayCalendar.CHECK_INTERVAL_NANOS)
    while (after.equals(before) && System.nanoTime() - loaded < TimeUnit.SECONDS.toNanos(5)) {
      after = json.readTree(ok(b.send("GET", deadlinePath, "intake", null))).path("due").asText();
    }
    LocalDate expected = LocalDate.parse(before).plusDays(1);
    while (expected.getDayOfWeek() == DayOfWeek.SATURDAY || expected.getDayOfWeek() == DayOfWeek.SUNDAY) {
      expected = expected.plusDays(1);
    }
    System.out.printf("[two-nodes] calendar %d loaded on a (holiday %s): b's deadline %s -> %s after %d ms%n", year,
        holiday, before, after, (System.nanoTime() - loaded) / 1_000_000);
    assertThat(after).as("node b's deadline after %d's holidays were loaded on node a", year)
        .isEqualTo(expected.toString());
  }

  /** Four clerks, two on each node, register {@link #CASES} requests; case number → process instance. */
  private Map<String, String> registerOnBothNodes(ChildApplication a, ChildApplication b, LocalDate receivedOn)
      throws Exception {
    Map<String, String> registered = new ConcurrentHashMap<>();
    List<String> refused = new CopyOnWriteArrayList<>();
    AtomicInteger next = new AtomicInteger();
    ExecutorService clerks = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (ChildApplication node : List.of(a, b, a, b)) {
        done.add(clerks.submit(() -> {
          while (next.getAndIncrement() < CASES) {
            HttpResponse<String> created = node.send("POST", "/api/requests", "intake", ChildApplication.demoRequest(receivedOn));
            if (created.statusCode() != 201) {
              refused.add(created.statusCode() + " " + created.body());
              continue;
            }
            JsonNode c = json.readTree(created.body());
            registered.put(c.get("caseNumber").asText(), c.get("processInstanceId").asText());
          }
          return null;
        }));
      }
      for (Future<?> clerk : done) {
        clerk.get(900, TimeUnit.SECONDS);
      }
    } finally {
      clerks.shutdownNow();
    }
    assertThat(refused).as("registrations refused").isEmpty();
    return registered;
  }

  private List<String> timerJobDefinitions(ChildApplication app) throws Exception {
    List<String> ids = new ArrayList<>();
    for (JsonNode definition : json.readTree(ok(app.send("GET",
        "/engine-rest/job-definition?processDefinitionKey=disclosure-request&activityIdIn="
            + String.join(",", TIMERS), "admin", null)))) {
      ids.add(definition.path("id").asText());
    }
    assertThat(ids).as("job definitions of the reminder and overdue timers").hasSize(TIMERS.size());
    return ids;
  }

  private void suspend(ChildApplication app, String jobDefinition, boolean suspended) throws Exception {
    HttpResponse<String> answer = app.send("PUT", "/engine-rest/job-definition/" + jobDefinition + "/suspended",
        "admin", Map.of("suspended", suspended, "includeJobs", true));
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(204);
  }

  /**
   * Waits until this many of the two timers' steps are recorded and {@code node} has sent reminders of its own
   * (it is draining too, not idle); returns how many steps were recorded then.
   */
  private long awaitFiredWithBothNodesAtWork(long atLeast, ChildApplication node) throws Exception {
    String sentByNode = "SELECT COUNT(*) FROM gk_mail_outbox WHERE claimed_by LIKE '" + node.pid() + "@%'";
    long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      long fired = fired();
      if (fired >= atLeast && count(sentByNode) >= 5) {
        return fired;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("after " + DRAIN_TIMEOUT + ": " + fired() + " timers fired, " + count(sentByNode)
        + " mails sent by node " + node.pid());
  }

  /**
   * Waits until no reply-period timer is left and every mail is sent: node b's locked jobs come back after
   * their lock (camunda.bpm.job-execution.lock-time-in-millis, 30 s), its unsent mails with node a's outbox poll.
   */
  private void awaitDrained() throws Exception {
    long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      long timersLeft = count("SELECT COUNT(*) FROM act_ru_job j JOIN act_ru_jobdef d ON j.job_def_id_ = d.id_"
          + " WHERE d.act_id_ IN ('BoundaryEvent_ReplyDeadlineNear', 'BoundaryEvent_ReplyDeadlinePassed')");
      long unsent = count("SELECT COUNT(*) FROM gk_mail_outbox WHERE sent_at IS NULL");
      if (timersLeft == 0 && unsent == 0) {
        return;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("not drained in " + DRAIN_TIMEOUT + ": " + fired() + " of " + 2 * CASES
        + " timer steps recorded; see " + LOGS);
  }

  private long fired() {
    // not the 标记逾期 record written at registration (step Task_MarkOverdue too): only the timers' steps
    return count("SELECT COUNT(*) FROM gk_case_event WHERE step_key = 'Task_RemindHandlers'"
        + " OR step_key = 'Task_MarkOverdue' AND step_name = '核对是否逾期'");
  }

  private static String caseNumberIn(String subject) {
    return subject.substring(subject.indexOf('】') + 1, subject.indexOf(' '));
  }

  private Map<String, Long> perCase(String step, String decision) {
    return groupCount("SELECT c.case_number FROM gk_case_event e JOIN gk_disclosure_case c ON c.id = e.case_id"
        + " WHERE e.step_key = '" + step + "' AND e.decision = '" + decision + "'"
        + (step.equals("Task_MarkOverdue") ? " AND e.step_name = '核对是否逾期'" : ""));
  }

  private Map<String, Long> perInstance(String sql) {
    return groupCount(sql);
  }

  private static Map<String, Long> onceEach(java.util.Collection<String> keys) {
    return keys.stream().collect(Collectors.toMap(Function.identity(), k -> 1L));
  }

  private Map<String, Long> groupCount(String sql) {
    Map<String, Long> counts = new HashMap<>();
    try (Connection connection = database().getConnection(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        counts.merge(rows.getString(1), 1L, Long::sum);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
    return counts;
  }

  private long count(String sql) {
    try (Connection connection = database().getConnection(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  private DataSource database() {
    return postgres.getPostgresDatabase();
  }

  /**
   * A node with the production profile (settings from the environment, as README "Running in production" says)
   * plus the demo users; the outbox polls every 2 s and a claim lasts 10 s so that the test need not wait
   * minutes for a killed node's claims.
   */
  private ChildApplication start(String name) throws Exception {
    ChildApplication node = ChildApplication.start(workDir, LOGS.resolve(name + ".log").toAbsolutePath(),
        ChildApplication.Options.SMALL_JVM,
        List.of("--spring.profiles.active=prod,demo",
            "--gongkai.mail.outbox.poll-seconds=2",
            "--gongkai.mail.outbox.claim-seconds=10"),
        Map.of("GONGKAI_DB_URL", postgres.getJdbcUrl("postgres", "postgres"),
            "GONGKAI_DB_USER", "postgres",
            "GONGKAI_DB_PASSWORD", "postgres",
            "SPRING_MAIL_HOST", "localhost",
            "SPRING_MAIL_PORT", String.valueOf(smtp.getSmtp().getPort()),
            "GONGKAI_MAIL_FROM", "gongkai@chuxiong.example"));
    nodes.add(node);
    return node;
  }

  private String ok(HttpResponse<String> answer) {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return answer.body();
  }
}

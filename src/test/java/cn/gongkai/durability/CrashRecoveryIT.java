package cn.gongkai.durability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing that answered 201 is lost when the JVM is killed (issue 10 §2): four clerks register requests over
 * HTTP, the application is killed with SIGKILL right after an answer while other registrations are in flight,
 * restarted on the same database, and every acknowledged case must be there with its running process and its
 * deadline timers, and no case number is given out twice.
 */
class CrashRecoveryIT {

  static final int CLERKS = 4;
  /** Killed right after this many 201 answers: the last commits are then milliseconds old. */
  static final int KILL_AFTER_ACKNOWLEDGED = 40;
  static final Set<String> REPLY_PERIOD_TIMERS =
      Set.of("BoundaryEvent_ReplyDeadlineNear", "BoundaryEvent_ReplyDeadlinePassed");
  static final Pattern SEQUENCE = Pattern.compile("第(\\d+)号");
  static final Path LOGS = Path.of("target", "crash-recovery");

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final ObjectMapper json = new ObjectMapper();
  private final List<ChildApplication> children = new ArrayList<>();
  private EmbeddedPostgres postgres;

  @TempDir Path workDir;

  record Acknowledged(String caseNumber, String processInstanceId) {}

  @AfterEach
  void killChildrenThenStopPostgres() throws Exception {
    for (ChildApplication child : children) {
      child.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void keepsEveryAcknowledgedRegistrationOnTheDefaultH2FileThroughSigkill() throws Exception {
    // given the shipped configuration: H2 file ./data/gongkai under the working directory
    registerKillRestartAndCheck("h2", List.of());
  }

  @Test
  void keepsEveryAcknowledgedRegistrationOnPostgresThroughSigkill() throws Exception {
    // given a PostgreSQL server that outlives the application (as in production)
    postgres = EmbeddedPostgres.builder().start();
    registerKillRestartAndCheck("postgres", List.of(
        "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
        "--spring.datasource.username=postgres",
        "--spring.datasource.password=postgres"));
  }

  private void registerKillRestartAndCheck(String name, List<String> database) throws Exception {
    ChildApplication first = start(name + "-1", database);

    // when four clerks register on the empty database and the JVM is killed with SIGKILL mid-stream
    List<Acknowledged> acknowledged = new CopyOnWriteArrayList<>();
    List<String> refused = new CopyOnWriteArrayList<>();
    registerUntilKilled(first, acknowledged, refused);
    assertThat(acknowledged).as("201 answers before the kill").hasSizeGreaterThanOrEqualTo(KILL_AFTER_ACKNOWLEDGED);

    // and it is restarted on the same database
    ChildApplication second = start(name + "-2", database);

    // then every acknowledged case is in the register, its process runs and its reply-period timers wait
    Map<String, String> timerActivities = activitiesByJobDefinition(second);
    assertThat(timerActivities).containsValues(REPLY_PERIOD_TIMERS.toArray(String[]::new));
    List<String> lost = new ArrayList<>();
    List<String> broken = new ArrayList<>();
    for (Acknowledged ack : acknowledged) {
      HttpResponse<String> row = second.send("GET", casePath(ack.caseNumber()), "supervisor", null);
      if (row.statusCode() == 404) {
        lost.add(ack.caseNumber());
        continue;
      }
      String problem = problemWith(second, ack, row, timerActivities);
      if (problem != null) {
        broken.add(ack.caseNumber() + ": " + problem);
      }
    }

    // and registrations after the restart continue the numbering without reusing an acknowledged number
    List<String> numbersBefore = acknowledged.stream().map(Acknowledged::caseNumber).toList();
    long highestAcknowledged = numbersBefore.stream().mapToLong(CrashRecoveryIT::sequence).max().orElseThrow();
    List<String> numbersAfter = new ArrayList<>();
    for (Future<HttpResponse<String>> response : registerAtOnce(second, CLERKS)) {
      HttpResponse<String> created = response.get(60, TimeUnit.SECONDS);
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      numbersAfter.add(json.readTree(created.body()).get("caseNumber").asText());
    }

    System.out.printf("[crash-recovery] %s: %d acknowledged before SIGKILL, %d lost, %d refused; after restart %s%n",
        name, acknowledged.size(), lost.size(), refused.size(), numbersAfter);
    SoftAssertions.assertSoftly(softly -> {
      softly.assertThat(lost).as("%d of %d acknowledged registrations lost after SIGKILL (%s)", lost.size(),
          acknowledged.size(), name).isEmpty();
      softly.assertThat(broken).as("acknowledged registrations restored incompletely").isEmpty();
      softly.assertThat(refused).as("registrations refused before the kill").isEmpty();
      softly.assertThat(numbersBefore).as("numbers given before the kill").doesNotHaveDuplicates();
      softly.assertThat(numbersAfter).as("numbers given after the restart (before: up to %d)", highestAcknowledged)
          .doesNotHaveDuplicates()
          .doesNotContainAnyElementsOf(numbersBefore)
          .allMatch(n -> sequence(n) > highestAcknowledged);
    });
  }

  /** What is wrong with a restored acknowledged case, or null: register row, running instance, two timers. */
  private String problemWith(ChildApplication app, Acknowledged ack, HttpResponse<String> row,
      Map<String, String> timerActivities) throws Exception {
    if (row.statusCode() != 200) {
      return "GET case answered " + row.statusCode() + " " + row.body();
    }
    JsonNode c = json.readTree(row.body());
    if (!ack.caseNumber().equals(c.path("caseNumber").asText()) || !"OPEN".equals(c.path("status").asText())
        || !"Task_ScreenRequest".equals(c.path("currentStep").asText())) {
      return "register row " + row.body();
    }
    JsonNode instances = json.readTree(app.send("GET", "/engine-rest/process-instance?businessKey="
        + encode(ack.caseNumber()), "admin", null).body());
    if (instances.size() != 1 || !ack.processInstanceId().equals(instances.get(0).path("id").asText())
        || instances.get(0).path("ended").asBoolean()) {
      return "running process instances " + instances;
    }
    JsonNode jobs = json.readTree(app.send("GET", "/engine-rest/job?timers=true&processInstanceId="
        + ack.processInstanceId(), "admin", null).body());
    Set<String> waiting = new HashSet<>();
    for (JsonNode job : jobs) {
      if (!job.path("dueDate").isTextual()) {
        return "timer without due date " + job;
      }
      waiting.add(timerActivities.get(job.path("jobDefinitionId").asText()));
    }
    return jobs.size() == 2 && waiting.equals(REPLY_PERIOD_TIMERS) ? null : "timers " + waiting;
  }

  /** The BPMN element behind each job definition of the disclosure process (a job names only its definition). */
  private Map<String, String> activitiesByJobDefinition(ChildApplication app) throws Exception {
    Map<String, String> activities = new HashMap<>();
    for (JsonNode definition : json.readTree(app.send("GET",
        "/engine-rest/job-definition?processDefinitionKey=disclosure-request", "admin", null).body())) {
      activities.put(definition.path("id").asText(), definition.path("activityId").asText());
    }
    return activities;
  }

  /**
   * Four clerks register one request after another; the answer that makes {@link #KILL_AFTER_ACKNOWLEDGED}
   * kills the JVM at once, while the other clerks' registrations are under way. Every 201 that reaches a
   * clerk counts, also one read after the kill: the server sent it before it died.
   */
  private void registerUntilKilled(ChildApplication app, List<Acknowledged> acknowledged, List<String> refused)
      throws Exception {
    Object killOnce = new Object();
    CyclicBarrier firstTogether = new CyclicBarrier(CLERKS);
    ExecutorService clerks = Executors.newFixedThreadPool(CLERKS);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < CLERKS; i++) {
        done.add(clerks.submit(() -> {
          firstTogether.await(30, TimeUnit.SECONDS);
          // bounded: a JVM that does not die ends the loop too
          for (int attempt = 0; attempt < 10 * KILL_AFTER_ACKNOWLEDGED; attempt++) {
            HttpResponse<String> response;
            try {
              response = app.send("POST", "/api/requests", "intake", ChildApplication.demoRequest(LocalDate.now(ZoneId.of("Asia/Shanghai"))));
            } catch (IOException connectionGone) {
              return null;
            }
            if (response.statusCode() != 201) {
              refused.add(response.statusCode() + " " + response.body());
              continue;
            }
            JsonNode created = json.readTree(response.body());
            synchronized (killOnce) {
              acknowledged.add(new Acknowledged(created.get("caseNumber").asText(),
                  created.get("processInstanceId").asText()));
              if (acknowledged.size() == KILL_AFTER_ACKNOWLEDGED) {
                app.kill();
              }
            }
          }
          return null;
        }));
      }
      for (Future<?> clerk : done) {
        clerk.get(180, TimeUnit.SECONDS);
      }
    } finally {
      clerks.shutdownNow();
      app.close();
    }
  }

  private List<Future<HttpResponse<String>>> registerAtOnce(ChildApplication app, int count) {
    CyclicBarrier together = new CyclicBarrier(count);
    ExecutorService clerks = Executors.newFixedThreadPool(count);
    try {
      List<Future<HttpResponse<String>>> responses = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        responses.add(clerks.submit(() -> {
          together.await(30, TimeUnit.SECONDS);
          return app.send("POST", "/api/requests", "intake", ChildApplication.demoRequest(LocalDate.now(ZoneId.of("Asia/Shanghai"))));
        }));
      }
      return responses;
    } finally {
      clerks.shutdown();
    }
  }

  private ChildApplication start(String name, List<String> database) throws Exception {
    ChildApplication child = ChildApplication.start(workDir, LOGS.resolve(name + ".log").toAbsolutePath(), database);
    children.add(child);
    return child;
  }

  private static long sequence(String caseNumber) {
    Matcher m = SEQUENCE.matcher(caseNumber);
    if (!m.find()) {
      throw new AssertionError("not a case number: " + caseNumber);
    }
    return Long.parseLong(m.group(1));
  }

  private static String casePath(String caseNumber) {
    return "/api/cases/" + encode(caseNumber);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}

package cn.gongkai.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.supervision.SeededCases;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * /actuator/prometheus scraped over HTTP the way Prometheus does, against a register seeded in every 督办
 * state (a context of its own, so every figure is exact), and who may scrape it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "gongkai.monitoring.refresh-interval=1h")
@ActiveProfiles("test")
// Spring Boot's tests turn metrics export off unless asked: the scrape is what this test is about
@AutoConfigureObservability(tracing = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PrometheusMetricsIT {

  private static final String DISCLOSURE = "disclosure-request";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;
  @Autowired OperationsMetrics metrics;

  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  void seed() {
    new SeededCases(engine, jdbc).seed();
  }

  @AfterAll
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  @Order(1)
  void onlyTheMonitoringUserTheSystemAdministratorAndAdminMayScrape() throws Exception {
    assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
    assertThat(get("/actuator/prometheus", "monitoring", "wrong").statusCode()).isEqualTo(401);
    HttpResponse<String> staff = get("/actuator/prometheus", "intake");
    assertThat(staff.statusCode()).isEqualTo(403);
    assertThat(staff.body()).contains("只有监控采集用户、系统管理员和管理员可以读取监控指标");
    assertThat(get("/actuator/prometheus", "auditor").statusCode()).isEqualTo(403);
    assertThat(get("/actuator/prometheus", "supervisor").statusCode()).isEqualTo(403);
    assertThat(get("/actuator/prometheus", "monitoring").statusCode()).isEqualTo(200);
    assertThat(get("/actuator/prometheus", "sysadmin").statusCode()).isEqualTo(200);
    assertThat(get("/actuator/prometheus", "admin").statusCode()).isEqualTo(200);
    // the rest of /actuator needs a login; the health status stays public for load balancers
    assertThat(get("/actuator", null).statusCode()).isEqualTo(401);
    assertThat(get("/actuator/info", null).statusCode()).isEqualTo(401);
    HttpResponse<String> health = get("/actuator/health", null);
    assertThat(health.statusCode()).isNotEqualTo(401);
    assertThat(health.body()).contains("\"status\"");
  }

  @Test
  @Order(2)
  void countsOpenCasesByStateRegistrationsAndLettersOfTheSeededRegister() throws Exception {
    SeededCases.clockAt(SeededCases.TODAY);
    Scrape scrape = scrape();

    // the seed: 2 overdue, 2 paused, 2 due soon, 1 provisional, 1 normal, all registered in person
    assertThat(scrape.value("gongkai_cases_open", "process", DISCLOSURE, "state", "OVERDUE")).isEqualTo(2);
    assertThat(scrape.value("gongkai_cases_open", "process", DISCLOSURE, "state", "PAUSED")).isEqualTo(2);
    assertThat(scrape.value("gongkai_cases_open", "process", DISCLOSURE, "state", "DUE_SOON")).isEqualTo(2);
    assertThat(scrape.value("gongkai_cases_open", "process", DISCLOSURE, "state", "PROVISIONAL")).isEqualTo(1);
    assertThat(scrape.value("gongkai_cases_open", "process", DISCLOSURE, "state", "NORMAL")).isEqualTo(1);
    assertThat(scrape.value("gongkai_cases_open", "process", "policy-interpretation", "state", "OVERDUE"))
        .isEqualTo(0);
    assertThat(scrape.value("gongkai_cases_overdue")).isEqualTo(2);
    assertThat(scrape.value("gongkai_registrations_total", "channel", "IN_PERSON")).isEqualTo(8);
    assertThat(scrape.value("gongkai_registrations_total", "channel", "ONLINE")).isEqualTo(0);
    // the two consultations wrote a 征求第三方意见书 and a 征求意见函
    assertThat(scrape.value("gongkai_letters_issued_total", "kind", "THIRD_PARTY_CONSULTATION")).isEqualTo(1);
    assertThat(scrape.value("gongkai_letters_issued_total", "kind", "AGENCY_CONSULTATION")).isEqualTo(1);
    assertThat(scrape.value("gongkai_letters_issued_total", "kind", "DISCLOSE")).isEqualTo(0);
    // the engine's own metrics: eight requests started in this context's fresh database
    assertThat(scrape.value("camunda_engine_metric", "name", "root-process-instance-start")).isEqualTo(8);
  }

  @Test
  @Order(3)
  void timerLagAndBacklogFollowTheOldestDueJobAndDropToZeroWhenTheExecutorCatchesUp() throws Exception {
    SeededCases.clockAt(SeededCases.TODAY);
    Date now = ClockUtil.getCurrentTime();
    // what an operator would look at in Cockpit: the jobs that are due and their due dates
    List<Job> due = dueJobs(now);
    assertThat(due).as("the seed leaves due timers (the overdue case's deadline, reminders)").isNotEmpty();
    Date oldest = due.stream().map(Job::getDuedate).filter(d -> d != null).min(Date::compareTo).orElseThrow();

    Scrape scrape = scrape();
    assertThat(scrape.value("gongkai_timer_lag_seconds")).isEqualTo((now.getTime() - oldest.getTime()) / 1000.0);
    assertThat(scrape.value("gongkai_timer_lag_seconds")).isGreaterThan(60);
    assertThat(scrape.value("gongkai_jobs_due")).isEqualTo(due.size());

    // the job executor catches up
    for (int round = 0; round < 10 && !dueJobs(now).isEmpty(); round++) {
      for (Job job : dueJobs(now)) {
        engine.getManagementService().executeJob(job.getId());
      }
      SeededCases.clockAt(SeededCases.TODAY);
    }
    assertThat(dueJobs(now)).isEmpty();
    scrape = scrape();
    assertThat(scrape.value("gongkai_timer_lag_seconds")).isEqualTo(0);
    assertThat(scrape.value("gongkai_jobs_due")).isEqualTo(0);
    assertThat(scrape.value("camunda_engine_metric", "name", "job-successful")).isGreaterThanOrEqualTo(due.size());
  }

  @Test
  @Order(4)
  void countsJobsWithoutRetriesAndOpenIncidents() throws Exception {
    Scrape before = scrape();
    assertThat(before.value("gongkai_jobs_failed")).isEqualTo(0);
    assertThat(before.value("gongkai_incidents_open")).isEqualTo(0);

    Job timer = engine.getManagementService().createJobQuery().timers().list().get(0);
    // retries used up: the engine opens a failedJob incident for it, as after a job's last failed attempt
    engine.getManagementService().setJobRetries(timer.getId(), 0);

    // within the refresh interval a scrape answers from the last reading, without querying
    assertThat(scrapeCached().value("gongkai_jobs_failed")).isEqualTo(0);
    Scrape after = scrape();
    assertThat(after.value("gongkai_jobs_failed")).isEqualTo(1);
    assertThat(after.value("gongkai_incidents_open")).isEqualTo(1);
  }

  @Test
  @Order(5)
  void measuresHttpLatencyPerEndpoint() throws Exception {
    assertThat(get("/api/supervision/overview?size=1", "supervisor").statusCode()).isEqualTo(200);
    Scrape scrape = scrape();
    assertThat(scrape.value("http_server_requests_seconds_count", "method", "GET", "status", "200",
        "uri", "/api/supervision/overview")).isGreaterThanOrEqualTo(1);
    assertThat(scrape.lines()).anyMatch(l -> l.startsWith("http_server_requests_seconds_bucket{")
        && l.contains("uri=\"/api/supervision/overview\""));
  }

  private List<Job> dueJobs(Date now) {
    return engine.getManagementService().createJobQuery().list().stream()
        .filter(j -> j.getRetries() > 0 && !j.isSuspended())
        .filter(j -> j.getDuedate() == null || !j.getDuedate().after(now))
        .toList();
  }

  /** A scrape after the refresh interval has passed. */
  private Scrape scrape() throws Exception {
    metrics.expire();
    return scrapeCached();
  }

  private Scrape scrapeCached() throws Exception {
    HttpResponse<String> response = get("/actuator/prometheus", "monitoring");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return new Scrape(response.body().lines().toList());
  }

  private HttpResponse<String> get(String path, String user) throws Exception {
    return get(path, user, "demo");
  }

  private HttpResponse<String> get(String path, String user, String password) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    if (user != null) {
      request.header("Authorization", "Basic "
          + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** The text exposition format: one sample a line, {@code name{label="value",...} number}. */
  record Scrape(List<String> lines) {

    double value(String name, String... labels) {
      Optional<String> line = lines.stream()
          .filter(l -> l.startsWith(name + "{") || l.startsWith(name + " "))
          .filter(l -> hasLabels(l, labels))
          .findFirst();
      assertThat(line).as("%s %s in the scrape", name, Arrays.toString(labels)).isPresent();
      String sample = line.get();
      return Double.parseDouble(sample.substring(sample.lastIndexOf(' ') + 1));
    }

    private static boolean hasLabels(String line, String... labels) {
      for (int i = 0; i < labels.length; i += 2) {
        if (!line.contains(labels[i] + "=\"" + labels[i + 1] + "\"")) {
          return false;
        }
      }
      return true;
    }
  }
}

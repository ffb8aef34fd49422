package cn.gongkai.supervision.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Latency of {@code GET /api/supervision/overview} over HTTP with 10,000 open cases in H2 (issue 5: under
 * 300 ms). Not part of the build (its name matches neither *Test nor *IT); run it with
 * <pre>./mvnw -B test -Dtest=SupervisionOverviewBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 * Every case is a real process instance started through the start form, waiting in a user task with
 * its candidate group, so the task look-up is measured too. Results go to the console and to
 * target/benchmarks/supervision-overview.txt; copy them to src/test/benchmarks/supervision-overview-results.md.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SupervisionOverviewBenchmark {

  static final int CASES = Integer.getInteger("bench.cases", 10_000);
  static final int WARM_UP = 20;
  static final int CALLS = 50;
  static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;

  private final HttpClient http = HttpClient.newHttpClient();
  private final StringBuilder report = new StringBuilder();

  @BeforeAll
  void insertOpenCases() {
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse("2026-11-25T10:00").atZone(BEIJING).toInstant()));
    String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey("disclosure-request").latestVersion().singleResult().getId();
    long started = System.nanoTime();
    engine.getIdentityService().setAuthentication("intake", List.of("intake"));
    try {
      for (int i = 0; i < CASES; i++) {
        // received over the last 45 days: some overdue, some due soon, most running normally
        engine.getFormService().submitStartForm(definitionId,
            request(LocalDate.parse("2026-11-25").minusDays(i % 45).toString()));
      }
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    // every 10th clock paused for a consultation, every 20th deadline provisional
    jdbc.sql("UPDATE gk_disclosure_case SET paused_since = DATE '2026-11-20', pause_reason = 'CONSULT_THIRD_PARTY'"
        + " WHERE MOD(id, 10) = 0").update();
    jdbc.sql("UPDATE gk_disclosure_case SET reply_due_provisional = TRUE WHERE MOD(id, 20) = 5").update();
    long open = jdbc.sql("SELECT COUNT(*) FROM gk_disclosure_case WHERE status = 'OPEN'").query(Long.class).single();
    line("open cases: %d (inserted %d in %.1f s through the start form)", open, CASES,
        (System.nanoTime() - started) / 1e9);
    assertThat(open).isGreaterThanOrEqualTo(CASES);
  }

  @AfterAll
  void write() throws IOException {
    ClockUtil.reset();
    Path file = Path.of("target", "benchmarks", "supervision-overview.txt");
    Files.createDirectories(file.getParent());
    Files.writeString(file, report.toString());
  }

  static Map<String, Object> request(String receivedOn) {
    Map<String, Object> fields = new HashMap<>();
    fields.put("applicantType", "NATURAL_PERSON");
    fields.put("applicantName", "王五");
    fields.put("idType", "ID_CARD");
    fields.put("idNumber", "11010519491231002X");
    fields.put("phone", "13712345678");
    fields.put("channel", "ONLINE");
    fields.put("receivedOn", receivedOn);
    fields.put("description", "楚雄市2026年度财政预算执行情况");
    return fields;
  }

  @Test
  void measuresTheOverviewOverHttp() throws Exception {
    HttpResponse<String> first = http.send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/api/supervision/overview?size=1"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            "supervisor:demo".getBytes(StandardCharsets.UTF_8)))
        .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    line("counts: %s", new ObjectMapper().readTree(first.body()).get("counts"));
    line("machine: %d cores, load average %s", Runtime.getRuntime().availableProcessors(), loadAverage());
    measure("default: counts + first page of every state (5 x 50 rows, tasks and groups looked up)",
        "/api/supervision/overview");
    measure("counts only (size=1, one row per state)", "/api/supervision/overview?size=1");
    measure("one state, largest page (state=NORMAL&size=500)", "/api/supervision/overview?state=NORMAL&size=500");
    measure("deep page (state=NORMAL&page=10&size=50)", "/api/supervision/overview?state=NORMAL&page=10&size=50");
  }

  void measure(String label, String path) throws Exception {
    for (int i = 0; i < WARM_UP; i++) {
      call(path);
    }
    List<Double> millis = new ArrayList<>();
    int bytes = 0;
    for (int i = 0; i < CALLS; i++) {
      long t0 = System.nanoTime();
      bytes = call(path);
      millis.add((System.nanoTime() - t0) / 1e6);
    }
    Collections.sort(millis);
    line("%s: median %.1f ms, p95 %.1f ms, max %.1f ms (%d calls after %d warm-up, %d bytes)", label,
        millis.get(CALLS / 2), millis.get((int) Math.ceil(CALLS * 0.95) - 1), millis.get(CALLS - 1), CALLS, WARM_UP,
        bytes);
  }

  int call(String path) throws Exception {
    HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            "supervisor:demo".getBytes(StandardCharsets.UTF_8)))
        .build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body().length;
  }

  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).strip();
    } catch (IOException e) {
      return "unknown";
    }
  }

  void line(String format, Object... args) {
    String text = String.format(Locale.ROOT, format, args);
    System.out.println("[bench] " + text);
    report.append(text).append('\n');
  }
}

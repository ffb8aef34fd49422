package cn.gongkai.proposal.bench;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.testing.EngineDriver;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * proposal-reply against bare Camunda in the same engine and run: one case's public path (start, 交办, 复文,
 * 审核, 登记公开) as the users who work it, in alternating blocks of gongkai and bare cases, and the latency of
 * {@code GET /api/proposals/summary} over the register so filled. Not part of the build; run it with
 * <pre>./mvnw -B test -Dtest=ProposalReplyBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 * Results go to the console and target/benchmarks/proposal-reply.txt; the recorded run is in
 * src/test/benchmarks/proposal-reply-results.md.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProposalReplyBenchmark {

  static final int BLOCKS = Integer.getInteger("bench.blocks", 6);
  static final int PER_BLOCK = Integer.getInteger("bench.cases", 25);
  static final int WARM_UP = 15;
  static final int SUMMARY_CALLS = 30;

  @Autowired ProcessEngine engine;
  @LocalServerPort int port;

  EngineDriver driver;
  int number;
  final StringBuilder report = new StringBuilder();

  @BeforeAll
  void deployBare() throws Exception {
    driver = new EngineDriver(engine);
    engine.getRepositoryService().createDeployment().name("bench")
        .addString("bare-proposal-reply.bpmn", Files.readString(Path.of("src/test/benchmarks/bare-proposal-reply.bpmn")))
        .deploy();
    Authorization grant = engine.getAuthorizationService().createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setGroupId("office");
    grant.setResource(Resources.PROCESS_DEFINITION);
    grant.setResourceId("bare-proposal-reply");
    grant.addPermission(Permissions.ALL);
    engine.getAuthorizationService().saveAuthorization(grant);
    EngineDriver.clockAt("2026-03-02T09:00");
  }

  @AfterAll
  void resetClock() {
    ClockUtil.reset();
  }

  Map<String, Object> assign() {
    return Map.of("leadUnit", "州水务局", "jointUnits", "州财政局", "assignedOn", "2026-02-28");
  }

  Map<String, Object> draft() {
    return Map.of("replyDocumentNumber", "楚水复〔2026〕1号", "replySummary", "现将办理情况答复如下。",
        "handlingResult", "A", "repliedOn", "2026-03-01");
  }

  Map<String, Object> review() {
    return Map.of("replyReviewResult", "APPROVED", "disclosureAttribute", "PROACTIVE");
  }

  Map<String, Object> publish() {
    return Map.of("replyPublishedOn", "2026-03-02", "replyUrl", "https://www.cxz.gov.cn/zwgk/jytabl/2026/1.html");
  }

  long gongkaiCase() {
    long start = System.nanoTime();
    Map<String, Object> fields = new HashMap<>();
    fields.put("proposalKind", number % 2 == 0 ? "SUGGESTION" : "PROPOSAL");
    fields.put("proposalNumber", "B" + (++number));
    fields.put("sessionName", "州十五届人大二次会议");
    fields.put("submitter", "某代表");
    fields.put("proposalTitle", "关于加强农村饮水安全保障的建议");
    fields.put("receivedOn", "2026-02-27");
    ProcessInstance pi = driver.startAs("office", "proposal-reply", fields);
    walk(pi);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();
    return System.nanoTime() - start;
  }

  long bareCase() {
    long start = System.nanoTime();
    String definition = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey("bare-proposal-reply").latestVersion().singleResult().getId();
    ProcessInstance pi = driver.as("office",
        () -> engine.getRuntimeService().startProcessInstanceById(definition, "bare-" + (++number),
            Map.of("proposalKind", "SUGGESTION", "proposalNumber", "B" + number, "sessionName", "州十五届人大二次会议",
                "proposalTitle", "关于加强农村饮水安全保障的建议", "receivedOn", "2026-02-27")));
    walk(pi);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();
    return System.nanoTime() - start;
  }

  void walk(ProcessInstance pi) {
    driver.complete(pi, "Task_AssignHandlingUnit", "office", assign());
    driver.complete(pi, "Task_DraftReply", "handler", draft());
    driver.complete(pi, "Task_ReviewReply", "leader", review());
    driver.complete(pi, "Task_RecordReplyPublication", "office", publish());
  }

  @Test
  void measures() throws Exception {
    for (int i = 0; i < WARM_UP; i++) {
      gongkaiCase();
      bareCase();
    }
    List<Long> gongkai = new ArrayList<>();
    List<Long> bare = new ArrayList<>();
    for (int b = 0; b < BLOCKS; b++) {
      for (int i = 0; i < PER_BLOCK; i++) {
        gongkai.add(gongkaiCase());
      }
      for (int i = 0; i < PER_BLOCK; i++) {
        bare.add(bareCase());
      }
    }
    double g = median(gongkai);
    double r = median(bare);
    line(String.format(Locale.ROOT, "lifecycle (start + 4 tasks) median ms: proposal-reply %.1f, bare %.1f, ratio %.2f"
        + " (bare/gongkai throughput %.2f); %d cases each", g, r, g / r, r / g, gongkai.size()));
    line(String.format(Locale.ROOT, "lifecycle p90 ms: proposal-reply %.1f, bare %.1f", p90(gongkai), p90(bare)));

    HttpClient http = HttpClient.newHttpClient();
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/proposals/summary?year=2026"))
        .header("Accept", "application/json")
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("office:demo".getBytes(StandardCharsets.UTF_8)))
        .GET().build();
    HttpRequest bareRequest = HttpRequest.newBuilder(URI.create("http://localhost:" + port
            + "/engine-rest/history/process-instance/count?processDefinitionKey=bare-proposal-reply"))
        .header("Accept", "application/json")
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("office:demo".getBytes(StandardCharsets.UTF_8)))
        .GET().build();
    List<Long> summary = new ArrayList<>();
    List<Long> count = new ArrayList<>();
    for (int i = 0; i < SUMMARY_CALLS + 5; i++) {
      long s = System.nanoTime();
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      long t = System.nanoTime() - s;
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      s = System.nanoTime();
      HttpResponse<String> other = http.send(bareRequest, HttpResponse.BodyHandlers.ofString());
      long u = System.nanoTime() - s;
      assertThat(other.statusCode()).as(other.body()).isEqualTo(200);
      if (i >= 5) {
        summary.add(t);
        count.add(u);
      }
    }
    line(String.format(Locale.ROOT, "GET /api/proposals/summary over %d cases median ms %.1f; bare engine-rest history"
        + " count median ms %.1f; ratio %.2f", gongkai.size() + WARM_UP, median(summary), median(count),
        median(summary) / median(count)));
    Files.createDirectories(Path.of("target/benchmarks"));
    Files.writeString(Path.of("target/benchmarks/proposal-reply.txt"), report.toString());
  }

  void line(String text) {
    System.out.println("[bench] " + text);
    report.append(text).append('\n');
  }

  static double median(List<Long> nanos) {
    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2) / 1e6;
  }

  static double p90(List<Long> nanos) {
    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    return sorted.get((int) (sorted.size() * 0.9)) / 1e6;
  }
}

package cn.gongkai.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.gongkai.GongkaiApplication;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * An installation of today's main (single agency) upgrades and keeps working unchanged: main's own fat jar (the
 * commit this branch starts from, built by the command in the README into {@code target/upgrade/gongkai-main.jar},
 * or {@code -Dgongkai.upgrade.old-jar=...}) runs on an H2 file in the demo profile, registers two requests and
 * stops; this code then starts on the same file (migrations V130+, the one-time tenant upgrade) and the prefecture
 * office's users find their cases, numbers and tasks as they were, while a department sees none of them.
 */
class UpgradeFromMainIT {

  @Test
  void aSingleAgencyDatabaseOfMainKeepsItsCasesNumbersAndTasks() throws Exception {
    Path oldJar = Path.of(System.getProperty("gongkai.upgrade.old-jar", "target/upgrade/gongkai-main.jar"));
    assumeTrue(Files.isRegularFile(oldJar), "main's jar not built: see README, 'Upgrade test'");
    Path work = Files.createTempDirectory("gongkai-upgrade");
    Path log = Path.of("target", "upgrade", "upgrade-test.log");
    Files.createDirectories(log.getParent());

    // given a database created by main: two requests registered by the prefecture office's intake
    String first;
    String second;
    String firstInstance;
    try (Child old = Child.start(work, log, List.of("-jar", oldJar.toAbsolutePath().toString()))) {
      AgencyHttp http = new AgencyHttp(old.port);
      JsonNode created = http.register("intake");
      first = created.get("caseNumber").asText();
      firstInstance = created.get("processInstanceId").asText();
      second = http.register("intake").get("caseNumber").asText();
      assertThat(first).matches("〔\\d{4}〕第\\d+号");
    }

    // when this code starts on the same database
    try (Child upgraded = Child.start(work, log,
        List.of("-cp", System.getProperty("java.class.path"), GongkaiApplication.class.getName()))) {
      AgencyHttp http = new AgencyHttp(upgraded.port);
      // then the cases are there, of the prefecture office, with their numbers
      JsonNode c = http.read(http.get("/api/cases/" + AgencyHttp.encode(first), "intake"));
      assertThat(c.get("caseNumber").asText()).isEqualTo(first);
      assertThat(c.get("agency").asText()).isEqualTo("chuxiong");
      assertThat(http.get("/api/cases/" + AgencyHttp.encode(second), "handler").statusCode()).isEqualTo(200);
      // the task waits for the prefecture office's intake as before, and no department sees it
      JsonNode tasks = http.read(http.get("/engine-rest/task?processInstanceId=" + firstInstance, "intake"));
      assertThat(tasks).hasSize(1);
      assertThat(tasks.get(0).get("taskDefinitionKey").asText()).isEqualTo("Task_ScreenRequest");
      assertThat(tasks.get(0).get("tenantId").asText()).isEqualTo("chuxiong");
      assertThat(http.read(http.get("/engine-rest/task?processInstanceId=" + firstInstance, "intake-zwfw")))
          .isEmpty();
      assertThat(http.get("/api/cases/" + AgencyHttp.encode(first), "intake-zwfw").statusCode()).isEqualTo(404);
      // the work goes on: intake claims and screens the old case
      String taskId = tasks.get(0).get("id").asText();
      assertThat(http.send("POST", "/engine-rest/task/" + taskId + "/claim", "intake", Map.of("userId", "intake"))
          .statusCode()).isEqualTo(204);
      // numbering continues where main left it, and the department starts its own
      String third = http.register("intake").get("caseNumber").asText();
      int n = Integer.parseInt(second.replaceAll(".*第(\\d+)号", "$1"));
      assertThat(third).isEqualTo(second.replace("第" + n + "号", "第" + (n + 1) + "号"));
      assertThat(http.register("intake-zwfw").get("caseNumber").asText()).startsWith("楚州政务局〔");
    }
  }

  /** gongkai in its own JVM on the H2 file under {@code work}, demo profile, no job executor. */
  static final class Child implements AutoCloseable {
    final Process process;
    final int port;

    private Child(Process process, int port) {
      this.process = process;
      this.port = port;
    }

    static Child start(Path work, Path log, List<String> launch) throws Exception {
      int port;
      try (ServerSocket socket = new ServerSocket(0)) {
        port = socket.getLocalPort();
      }
      List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
          .toString(), "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Dfile.encoding=UTF-8"));
      command.addAll(launch);
      command.addAll(List.of("--server.port=" + port, "--spring.profiles.active=demo",
          "--camunda.bpm.job-execution.enabled=false"));
      Process process = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
      Child child = new Child(process, port);
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
      long deadline = System.nanoTime() + Duration.ofSeconds(300).toNanos();
      while (System.nanoTime() < deadline) {
        if (!process.isAlive()) {
          throw new AssertionError("gongkai exited while starting, see " + log);
        }
        try {
          int status = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
              .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
          if (status == 200 || status == 503) {
            return child;
          }
        } catch (IOException notYet) {
          // not listening yet
        }
        Thread.sleep(250);
      }
      child.close();
      throw new AssertionError("gongkai did not start within 300 s, see " + log);
    }

    /** A normal stop (SIGTERM): H2 closes its file as an operator's restart would. */
    @Override
    public void close() throws InterruptedException {
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }
    }
  }
}

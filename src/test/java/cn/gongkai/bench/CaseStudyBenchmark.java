package cn.gongkai.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The case-study process (disclosure-case-study) measured side by side with a bare Camunda process of the same two
 * user tasks ({@code src/test/benchmarks/bare-case-study.bpmn}) deployed into the same running gongkai (demo profile,
 * authorization on, H2 file): one client loop proposes a case study from a closed disclosure case (the closed case is
 * made beforehand, untimed), writes it (the personal-data screen runs) and approves it, over HTTP as the roles' users,
 * in alternating blocks with bare cases. Not a test: a main class, run after {@code ./mvnw package -DskipTests} as
 * {@code java -cp target/test-classes cn.gongkai.bench.CaseStudyBenchmark [--cases=40 --warmup=10 --block=10
 * --port=18500]}; results are printed and appended to {@code src/test/benchmarks/case-study-results.md}.
 */
public final class CaseStudyBenchmark {

  static final Pattern CASE_NUMBER = Pattern.compile("\"caseNumber\"\\s*:\\s*\"([^\"]+)\"");

  private final Map<String, String> options;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final StringBuilder report = new StringBuilder();

  CaseStudyBenchmark(Map<String, String> options) {
    this.options = options;
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new LinkedHashMap<>();
    for (String arg : args) {
      options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
    }
    new CaseStudyBenchmark(options).run();
  }

  int option(String name, int fallback) {
    return Integer.parseInt(options.getOrDefault(name, String.valueOf(fallback)));
  }

  void run() throws Exception {
    int port = option("port", 18500);
    int cases = option("cases", 40);
    int warmup = option("warmup", 10);
    int block = option("block", 10);
    Path jar = Path.of(options.getOrDefault("gongkai-jar", "target/gongkai-0.1.0-SNAPSHOT.jar"));
    line("## %s", ZonedDateTime.now(ZoneOffset.UTC).withNano(0).toString().replace("T", " ").replace("Z", " UTC"));
    line("");
    line("- machine: %s", SpeedBenchmark.machine());
    line("- load before: %s", SpeedBenchmark.load());
    line("- git: %s", SpeedBenchmark.git());
    line("");
    Path dir = Files.createTempDirectory("gongkai-case-study-bench");
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx1g", "-XX:+UseSerialGC", "-Dfile.encoding=UTF-8", "-Duser.timezone=Asia/Shanghai", "-jar",
        jar.toAbsolutePath().toString(), "--server.port=" + port, "--spring.profiles.active=demo"));
    Process app = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(dir.resolve("app.log").toFile()).start();
    try {
      String base = "http://localhost:" + port;
      awaitOk(app, base, dir);
      deployBare(base);
      for (int i = 0; i < warmup; i++) {
        caseStudy(base, closedCase(base), new SpeedBenchmark.Calls());
        bare(base, new SpeedBenchmark.Calls());
      }
      SpeedBenchmark.Calls gongkai = new SpeedBenchmark.Calls();
      SpeedBenchmark.Calls bare = new SpeedBenchmark.Calls();
      double gongkaiSeconds = 0;
      double bareSeconds = 0;
      int done = 0;
      while (done < cases) {
        int n = Math.min(block, cases - done);
        List<String> sources = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          sources.add(closedCase(base)); // untimed: the closed disclosure case each proposal draws from
        }
        long t = System.nanoTime();
        for (String source : sources) {
          caseStudy(base, source, gongkai);
        }
        gongkaiSeconds += (System.nanoTime() - t) / 1e9;
        t = System.nanoTime();
        for (int i = 0; i < n; i++) {
          bare(base, bare);
        }
        bareSeconds += (System.nanoTime() - t) / 1e9;
        done += n;
        System.out.printf(Locale.ROOT, "[bench] %d/%d: gongkai %.2f cases/s, bare %.2f cases/s (load %s)%n", done,
            cases, done / gongkaiSeconds, done / bareSeconds, SpeedBenchmark.load());
      }
      double g = cases / gongkaiSeconds;
      double b = cases / bareSeconds;
      line("### Case-study lifecycle over HTTP (%d cases each after %d warm-up, blocks of %d alternating, one client)",
          cases, warmup, block);
      line("");
      line("| | bare process (same app) | gongkai disclosure-case-study | ratio |");
      line("|---|---|---|---|");
      line("| cases per second | %.2f | %.2f | **%.2f** |", b, g, g / b);
      for (String call : List.of("start", "Task_DraftCaseStudy.find", "Task_DraftCaseStudy.claim",
          "Task_DraftCaseStudy.complete", "Task_ReviewCaseStudy.find", "Task_ReviewCaseStudy.claim",
          "Task_ReviewCaseStudy.complete")) {
        line("| %s | %.1f ms | %.1f ms | |", call, bare.mean(call), gongkai.mean(call));
      }
      line("");
      line("- load after: %s", SpeedBenchmark.load());
      line("");
    } finally {
      SpeedBenchmark.stop(app);
      SpeedBenchmark.deleteTree(dir);
    }
    Path out = Path.of(options.getOrDefault("out", "src/test/benchmarks/case-study-results.md"));
    if (!Files.exists(out)) {
      Files.writeString(out, "# Speed: the case-study process against a bare Camunda process\n\n"
          + "Appended by `cn.gongkai.bench.CaseStudyBenchmark` (see the README, section Case library). Ratios matter; "
          + "absolute figures move with the load of the shared 2-core machine.\n\n", StandardCharsets.UTF_8);
    }
    Files.writeString(out, report.toString(), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
  }

  /** A disclosure request registered, disclosed, signed off and delivered (untimed set-up); its case number. */
  String closedCase(String base) throws Exception {
    HttpResponse<String> created = send(base, "POST", "/api/requests", "intake", SpeedBenchmark.registration());
    SpeedBenchmark.expect(created, 201);
    String instance = SpeedBenchmark.first(SpeedBenchmark.INSTANCE, created.body());
    for (SpeedBenchmark.Step step : SpeedBenchmark.steps()) {
      String task = SpeedBenchmark.first(SpeedBenchmark.ID, send(base, "GET", "/engine-rest/task?processInstanceId="
          + instance + "&taskDefinitionKey=" + step.task(), step.user(), null).body());
      SpeedBenchmark.expect(send(base, "POST", "/engine-rest/task/" + task + "/claim", step.user(),
          "{\"userId\":\"" + step.user() + "\"}"), 204);
      SpeedBenchmark.expect(send(base, "POST", "/engine-rest/task/" + task + "/complete", step.user(),
          "{\"variables\":" + step.gongkaiVariables() + "}"), 204);
    }
    return SpeedBenchmark.first(CASE_NUMBER, created.body());
  }

  void caseStudy(String base, String source, SpeedBenchmark.Calls calls) throws Exception {
    long t = System.nanoTime();
    HttpResponse<String> started = send(base, "POST",
        "/engine-rest/process-definition/key/disclosure-case-study/submit-form", "office",
        "{\"variables\":{\"sourceCaseNumber\":{\"value\":\"" + source + "\"}}}");
    SpeedBenchmark.expect(started, 200);
    calls.add("start", t);
    String instance = SpeedBenchmark.first(SpeedBenchmark.ID, started.body());
    work(base, instance, "Task_DraftCaseStudy", "handler", "{\"questionType\":{\"value\":\"REPLY\"},"
        + "\"requestSummary\":{\"value\":\"某申请人申请公开某市道路维修工程招标文件\"},"
        + "\"decisionSummary\":{\"value\":\"予以公开，以电子邮件提供\"},"
        + "\"decisionReason\":{\"value\":\"所申请信息属于可以公开的政府信息\"},"
        + "\"legalBasis\":{\"value\":\"《中华人民共和国政府信息公开条例》第三十六条第（二）项\"},"
        + "\"lessons\":{\"value\":\"招标文件已确定的，应当及时公开，并考虑纳入主动公开范围。\"},"
        + "\"proactiveReleaseProposed\":{\"value\":false}}", calls);
    work(base, instance, "Task_ReviewCaseStudy", "office", "{\"reviewResult\":{\"value\":\"APPROVED\"}}", calls);
  }

  void bare(String base, SpeedBenchmark.Calls calls) throws Exception {
    long t = System.nanoTime();
    HttpResponse<String> started = send(base, "POST", "/engine-rest/process-definition/key/bare-case-study/start",
        "office", "{\"businessKey\":\"bare-" + System.nanoTime() + "\"}");
    SpeedBenchmark.expect(started, 200);
    calls.add("start", t);
    String instance = SpeedBenchmark.first(SpeedBenchmark.ID, started.body());
    work(base, instance, "Task_DraftCaseStudy", "handler", "{}", calls);
    work(base, instance, "Task_ReviewCaseStudy", "office", "{}", calls);
  }

  void work(String base, String instance, String taskKey, String user, String variables,
      SpeedBenchmark.Calls calls) throws Exception {
    long t = System.nanoTime();
    HttpResponse<String> found = send(base, "GET", "/engine-rest/task?processInstanceId=" + instance
        + "&taskDefinitionKey=" + taskKey, user, null);
    SpeedBenchmark.expect(found, 200);
    calls.add(taskKey + ".find", t);
    String task = SpeedBenchmark.first(SpeedBenchmark.ID, found.body());
    t = System.nanoTime();
    SpeedBenchmark.expect(send(base, "POST", "/engine-rest/task/" + task + "/claim", user,
        "{\"userId\":\"" + user + "\"}"), 204);
    calls.add(taskKey + ".claim", t);
    t = System.nanoTime();
    SpeedBenchmark.expect(send(base, "POST", "/engine-rest/task/" + task + "/complete", user,
        "{\"variables\":" + variables + "}"), 204);
    calls.add(taskKey + ".complete", t);
  }

  void deployBare(String base) throws Exception {
    byte[] bpmn = Files.readAllBytes(Path.of("src/test/benchmarks/bare-case-study.bpmn"));
    String boundary = "----gongkai-bench-" + System.nanoTime();
    String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nbare-case-study\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"bare-case-study.bpmn\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n";
    byte[] body = SpeedBenchmark.concat(head.getBytes(StandardCharsets.UTF_8), bpmn,
        ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    SpeedBenchmark.expect(http.send(HttpRequest.newBuilder(URI.create(base + "/engine-rest/deployment/create"))
        .header("Authorization", SpeedBenchmark.basic("admin"))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString()), 200);
    // what gongkai grants its own process: start it (office), read and work its tasks
    for (String group : List.of("handler", "office")) {
      grant(base, group, 6, "bare-case-study", "[\"ALL\"]");
    }
  }

  void grant(String base, String group, int resourceType, String resourceId, String permissions) throws Exception {
    String body = "{\"type\":1,\"permissions\":" + permissions + ",\"groupId\":\"" + group + "\",\"resourceType\":"
        + resourceType + ",\"resourceId\":\"" + resourceId + "\"}";
    HttpResponse<String> created = send(base, "POST", "/engine-rest/authorization/create", "secadmin", body);
    if (created.statusCode() != 200) {
      created = send(base, "POST", "/engine-rest/authorization/create", "admin", body);
    }
    System.out.println("[bench] grant " + group + " " + resourceId + ": " + created.statusCode());
  }

  void awaitOk(Process app, String base, Path dir) throws Exception {
    HttpRequest probe = HttpRequest.newBuilder(URI.create(base + SpeedBenchmark.WELCOME))
        .timeout(Duration.ofSeconds(5)).GET().build();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(900);
    while (System.nanoTime() < deadline) {
      if (!app.isAlive()) {
        throw new IllegalStateException("the application exited; log: " + SpeedBenchmark.tail(dir.resolve("app.log")));
      }
      try {
        if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (java.io.IOException notYet) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("no HTTP 200 within 900 s");
  }

  HttpResponse<String> send(String base, String method, String path, String user, String json) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
        .header("Authorization", SpeedBenchmark.basic(user)).header("Accept", "application/json");
    if (json == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  void line(String format, Object... args) {
    String text = String.format(Locale.ROOT, format, args);
    report.append(text).append('\n');
    System.out.println("[bench] " + text);
  }
}

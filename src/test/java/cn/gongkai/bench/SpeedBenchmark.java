package cn.gongkai.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * gongkai's speed measured side by side with bare Camunda in one run (issue 15, "Speed"):
 *
 * <ol>
 *   <li><b>Start-up and memory</b>: gongkai's jar (demo profile) and the bare Camunda Spring Boot app built from the
 *       same starters ({@code src/test/benchmarks/bare-app}), started alternately with the same JVM flags on a fresh
 *       H2 file each time: time from launch to the first HTTP 200 of {@code /camunda/api/engine/engine/}, and the
 *       process's RSS 10 s later; then once more on the database that first start left (a node's restart).</li>
 *   <li><b>Lifecycle throughput</b>: one running gongkai (demo users, authorization on); the bare process
 *       {@code src/test/benchmarks/bare-lifecycle.bpmn} (the same five user tasks, nothing else) is deployed into
 *       it; one client loop drives a case through 登记 → 审核 → 办理 予以公开 → 保密审查 → 签发 → 送达 → end over
 *       HTTP (find the task, claim, complete, as the role's user with HTTP Basic), alternating blocks of gongkai
 *       cases and bare cases.</li>
 * </ol>
 *
 * <p>Not a test: a main class using the JDK only, launched by {@code src/test/benchmarks/speed.sh} (which builds
 * both jars first). Results are printed and appended to {@code src/test/benchmarks/speed-results.md}.
 */
public final class SpeedBenchmark {

  static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
  /** Public in both apps and answered by the engine: the list of engines the webapps' login page reads. */
  static final String WELCOME = "/camunda/api/engine/engine/";
  static final String PASSWORD = "demo";
  static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
  static final Pattern INSTANCE = Pattern.compile("\"processInstanceId\"\\s*:\\s*\"([^\"]+)\"");

  /** One user task of the lifecycle: its id, who works it, what gongkai's form submits. */
  record Step(String task, String label, String user, String gongkaiVariables) {}

  static List<Step> steps() {
    String today = LocalDate.now(BEIJING).toString();
    return List.of(
        new Step("Task_ScreenRequest", "审核申请", "intake", "{\"screeningDecision\":{\"value\":\"ACCEPT\"}}"),
        new Step("Task_HandleRequest", "办理申请", "handler", "{\"nextAction\":{\"value\":\"DECIDE\"},"
            + "\"outcome\":{\"value\":\"DISCLOSE\"},\"decisionReason\":{\"value\":\"所申请信息属于可以公开的政府信息\"},"
            + "\"provisionGuidance\":{\"value\":\"电子邮件发送\"}}"),
        new Step("Task_SecrecyReview", "保密审查", "reviewer", "{\"secrecyReviewResult\":{\"value\":\"APPROVED\"}}"),
        new Step("Task_SignOffReply", "签发答复", "leader",
            "{\"signOffResult\":{\"value\":\"APPROVED\"},\"signedOn\":{\"value\":\"" + today + "\"}}"),
        new Step("Task_DeliverReply", "送达答复", "intake", "{\"replyDeliveryMethod\":{\"value\":\"IN_PERSON\"},"
            + "\"repliedOn\":{\"value\":\"" + today + "\"}}"));
  }

  static String registration() {
    return "{\"applicantType\":\"NATURAL_PERSON\",\"applicantName\":\"张三\",\"idType\":\"ID_CARD\","
        + "\"idNumber\":\"11010519491231002X\",\"phone\":\"13812345678\","
        + "\"address\":\"云南省楚雄彝族自治州楚雄市鹿城镇某路1号\",\"email\":\"zhangsan@example.cn\","
        + "\"channel\":\"IN_PERSON\",\"receivedOn\":\"" + LocalDate.now(BEIJING) + "\","
        + "\"description\":\"2025年度楚雄市城市道路维修工程招标文件\",\"purpose\":\"了解工程情况\","
        + "\"provisionForm\":\"ELECTRONIC\",\"deliveryMethod\":\"EMAIL\"}";
  }

  private final Map<String, String> options;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final List<String> jvmFlags;
  private final StringBuilder report = new StringBuilder();

  SpeedBenchmark(Map<String, String> options) {
    this.options = options;
    this.jvmFlags = Arrays.stream(option("jvm-flags", System.getenv().getOrDefault("BENCH_JVM_FLAGS",
        "-Xmx1g -XX:+UseSerialGC -Dfile.encoding=UTF-8 -Duser.timezone=Asia/Shanghai")).trim().split("\\s+"))
        .filter(s -> !s.isEmpty()).toList();
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new LinkedHashMap<>();
    for (String arg : args) {
      if (!arg.startsWith("--") || !arg.contains("=")) {
        throw new IllegalArgumentException("options are --name=value, not " + arg);
      }
      options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
    }
    new SpeedBenchmark(options).run();
  }

  String option(String name, String fallback) {
    return options.getOrDefault(name, fallback);
  }

  int intOption(String name, int fallback) {
    return Integer.parseInt(option(name, String.valueOf(fallback)));
  }

  void run() throws Exception {
    Path gongkaiJar = Path.of(option("gongkai-jar", "target/gongkai-0.1.0-SNAPSHOT.jar"));
    Path bareJar = Path.of(option("bare-jar", "src/test/benchmarks/bare-app/target/bare-app.jar"));
    int port = intOption("port", 18200);
    String only = option("only", "all");
    String loadBefore = load();
    line("## %s", ZonedDateTime.now(ZoneOffset.UTC).withNano(0).toString().replace("T", " ").replace("Z", " UTC"));
    line("");
    line("- machine: %s", machine());
    line("- load before: %s", loadBefore);
    line("- JVM flags (both apps): `%s`", String.join(" ", jvmFlags));
    line("- git: %s", git());
    line("");
    if (!only.equals("lifecycle")) {
      startup(gongkaiJar, bareJar, port + 1, intOption("startups", 3));
    }
    if (!only.equals("startup")) {
      lifecycle(gongkaiJar, port + 3, intOption("cases", 200), intOption("warmup", 40), intOption("block", 20));
    }
    line("- load after: %s", load());
    line("");
    Path out = Path.of(option("out", "src/test/benchmarks/speed-results.md"));
    if (!Files.exists(out)) {
      Files.writeString(out, "# Speed: gongkai against a bare Camunda process and app\n\n"
          + "Appended by `src/test/benchmarks/speed.sh` (see the README, section Benchmarks). Ratios matter; "
          + "absolute figures move with the load of the shared 2-core machine.\n\n", StandardCharsets.UTF_8);
    }
    Files.writeString(out, report.toString(), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    System.out.println("[bench] appended to " + out);
  }

  // ---------------------------------------------------------------- start-up and memory

  record Started(double seconds, long rssKb) {}

  void startup(Path gongkaiJar, Path bareJar, int port, int rounds) throws Exception {
    List<Started> gongkai = new ArrayList<>();
    List<Started> bare = new ArrayList<>();
    List<Started> gongkaiAgain = new ArrayList<>();
    List<Started> bareAgain = new ArrayList<>();
    for (int round = 1; round <= rounds; round++) {
      // alternate which one goes first: a warm page cache or a busy neighbour must not favour one side
      boolean bareFirst = round % 2 == 1;
      for (int i = 0; i < 2; i++) {
        boolean isBare = bareFirst == (i == 0);
        List<Started> starts = startOnce(isBare ? bareJar : gongkaiJar, !isBare, port, "startup-" + round);
        (isBare ? bare : gongkai).add(starts.get(0));
        (isBare ? bareAgain : gongkaiAgain).add(starts.get(1));
        System.out.printf(Locale.ROOT, "[bench] start-up round %d %s: first 200 after %.2f s, RSS 10 s later %d MiB;"
            + " restarted on that database: %.2f s, %d MiB (load %s)%n", round, isBare ? "bare" : "gongkai",
            starts.get(0).seconds(), starts.get(0).rssKb() / 1024, starts.get(1).seconds(), starts.get(1).rssKb() / 1024,
            load());
      }
    }
    double g = median(gongkai.stream().map(Started::seconds).toList());
    double b = median(bare.stream().map(Started::seconds).toList());
    double gr = median(gongkai.stream().map(s -> (double) s.rssKb()).toList());
    double br = median(bare.stream().map(s -> (double) s.rssKb()).toList());
    line("### Start-up to the first HTTP 200 and RSS 10 s later (%d rounds, alternating, medians)", rounds);
    line("");
    line("| | bare Camunda app | gongkai (demo) | ratio | goal |");
    line("|---|---|---|---|---|");
    line("| start-up to first 200 | %.2f s | %.2f s | **%.2f×** | ≤ 1.10× |", b, g, g / b);
    line("| RSS 10 s later | %.0f MiB | %.0f MiB | **%.2f×** | ≤ 1.15× |", br / 1024, gr / 1024, gr / br);
    line("| single runs (s) | %s | %s | | |", joined(bare.stream().map(Started::seconds).toList(), "%.2f"),
        joined(gongkai.stream().map(Started::seconds).toList(), "%.2f"));
    line("| single runs RSS (MiB) | %s | %s | | |", joined(bare.stream().map(s -> s.rssKb() / 1024.0).toList(), "%.0f"),
        joined(gongkai.stream().map(s -> s.rssKb() / 1024.0).toList(), "%.0f"));
    double ga = median(gongkaiAgain.stream().map(Started::seconds).toList());
    double ba = median(bareAgain.stream().map(Started::seconds).toList());
    double gar = median(gongkaiAgain.stream().map(s -> (double) s.rssKb()).toList());
    double bar = median(bareAgain.stream().map(s -> (double) s.rssKb()).toList());
    line("| restart on the same database: first 200 | %.2f s | %.2f s | **%.2f×** | |", ba, ga, ga / ba);
    line("| restart on the same database: RSS 10 s later | %.0f MiB | %.0f MiB | **%.2f×** | |", bar / 1024,
        gar / 1024, gar / bar);
    line("");
  }

  /**
   * Two starts in one fresh folder: the first creates the H2 database (schema, deployment, users), the second
   * finds it there, as a node restarted after an upgrade or a crash does.
   */
  List<Started> startOnce(Path jar, boolean demo, int port, String name) throws Exception {
    Path dir = Files.createTempDirectory("gongkai-speed-" + name);
    try {
      return List.of(startIn(dir, jar, demo, port), startIn(dir, jar, demo, port));
    } finally {
      deleteTree(dir);
    }
  }

  Started startIn(Path dir, Path jar, boolean demo, int port) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmFlags);
    command.addAll(List.of("-jar", jar.toAbsolutePath().toString(), "--server.port=" + port));
    if (demo) {
      command.add("--spring.profiles.active=demo");
    }
    long launched = System.nanoTime();
    Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(dir.resolve("app.log").toFile()).start();
    try {
      awaitOk(process, port, dir);
      double seconds = (System.nanoTime() - launched) / 1e9;
      Thread.sleep(10_000);
      return new Started(seconds, rssKb(process.pid()));
    } finally {
      stop(process);
    }
  }

  void awaitOk(Process process, int port, Path dir) throws Exception {
    HttpRequest probe = HttpRequest.newBuilder(URI.create("http://localhost:" + port + WELCOME))
        .timeout(Duration.ofSeconds(5)).GET().build();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(900);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the application exited; log: " + tail(dir.resolve("app.log")));
      }
      try {
        if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(20);
    }
    throw new IllegalStateException("no HTTP 200 within 900 s; log: " + tail(dir.resolve("app.log")));
  }

  static long rssKb(long pid) throws IOException {
    for (String l : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (l.startsWith("VmRSS:")) {
        return Long.parseLong(l.replaceAll("[^0-9]", ""));
      }
    }
    throw new IllegalStateException("no VmRSS for " + pid);
  }

  static void stop(Process process) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
    }
  }

  // ---------------------------------------------------------------- lifecycle throughput

  /** Milliseconds per call type, in the order first seen. */
  static final class Calls {
    final Map<String, List<Double>> millis = new LinkedHashMap<>();

    void add(String call, long startedNanos) {
      millis.computeIfAbsent(call, k -> new ArrayList<>()).add((System.nanoTime() - startedNanos) / 1e6);
    }

    double mean(String call) {
      return millis.getOrDefault(call, List.of()).stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }
  }

  void lifecycle(Path gongkaiJar, int port, int cases, int warmup, int block) throws Exception {
    Path dir = Files.createTempDirectory("gongkai-speed-lifecycle");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmFlags);
    command.addAll(List.of("-jar", gongkaiJar.toAbsolutePath().toString(), "--server.port=" + port,
        "--spring.profiles.active=demo"));
    Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(dir.resolve("app.log").toFile()).start();
    try {
      awaitOk(process, port, dir);
      String base = "http://localhost:" + port;
      deployBareProcess(base);
      List<Step> steps = steps();
      // warm-up: the JIT and the caches see both paths before anything is timed
      for (int i = 0; i < warmup; i++) {
        runCase(base, true, steps, new Calls(), i == 0);
        runCase(base, false, steps, new Calls(), i == 0);
      }
      Calls gongkai = new Calls();
      Calls bare = new Calls();
      double gongkaiSeconds = 0;
      double bareSeconds = 0;
      int done = 0;
      while (done < cases) {
        int n = Math.min(block, cases - done);
        long t = System.nanoTime();
        for (int i = 0; i < n; i++) {
          runCase(base, true, steps, gongkai, false);
        }
        gongkaiSeconds += (System.nanoTime() - t) / 1e9;
        t = System.nanoTime();
        for (int i = 0; i < n; i++) {
          runCase(base, false, steps, bare, false);
        }
        bareSeconds += (System.nanoTime() - t) / 1e9;
        done += n;
        System.out.printf(Locale.ROOT, "[bench] lifecycle %d/%d: gongkai %.2f cases/s, bare %.2f cases/s (load %s)%n",
            done, cases, done / gongkaiSeconds, done / bareSeconds, load());
      }
      runCase(base, true, steps, new Calls(), true);
      double g = cases / gongkaiSeconds;
      double b = cases / bareSeconds;
      line("### Lifecycle throughput over HTTP (%d cases each after %d warm-up, blocks of %d alternating, one client)",
          cases, warmup, block);
      line("");
      line("| | bare process (same app) | gongkai | ratio | goal |");
      line("|---|---|---|---|---|");
      line("| cases per second | %.2f | %.2f | **%.2f** | ≥ 0.67 |", b, g, g / b);
      line("| start (`POST /api/requests` / `…/bare-lifecycle/start`) | %.1f ms | %.1f ms | | |",
          bare.mean("start"), gongkai.mean("start"));
      for (Step step : steps) {
        line("| %s: find + claim + complete | %.1f + %.1f + %.1f ms | %.1f + %.1f + %.1f ms | | |", step.label(),
            bare.mean(step.task() + ".find"), bare.mean(step.task() + ".claim"), bare.mean(step.task() + ".complete"),
            gongkai.mean(step.task() + ".find"), gongkai.mean(step.task() + ".claim"),
            gongkai.mean(step.task() + ".complete"));
      }
      line("");
    } finally {
      stop(process);
      deleteTree(dir);
    }
  }

  /** Drives one case to its end; with {@code check} it also asserts the case ended and left its letters. */
  void runCase(String base, boolean gongkai, List<Step> steps, Calls calls, boolean check) throws Exception {
    long t = System.nanoTime();
    HttpResponse<String> started = gongkai
        ? send(base, "POST", "/api/requests", "intake", registration())
        : send(base, "POST", "/engine-rest/process-definition/key/bare-lifecycle/start", "intake",
            "{\"businessKey\":\"bare-" + System.nanoTime() + "\"}");
    expect(started, gongkai ? 201 : 200);
    calls.add("start", t);
    String instance = first(gongkai ? INSTANCE : ID, started.body());
    for (Step step : steps) {
      t = System.nanoTime();
      HttpResponse<String> found = send(base, "GET", "/engine-rest/task?processInstanceId=" + instance
          + "&taskDefinitionKey=" + step.task(), step.user(), null);
      expect(found, 200);
      calls.add(step.task() + ".find", t);
      String task = first(ID, found.body());
      t = System.nanoTime();
      expect(send(base, "POST", "/engine-rest/task/" + task + "/claim", step.user(),
          "{\"userId\":\"" + step.user() + "\"}"), 204);
      calls.add(step.task() + ".claim", t);
      t = System.nanoTime();
      expect(send(base, "POST", "/engine-rest/task/" + task + "/complete", step.user(),
          "{\"variables\":" + (gongkai ? step.gongkaiVariables() : "{}") + "}"), 204);
      calls.add(step.task() + ".complete", t);
    }
    if (check) {
      HttpResponse<String> history = send(base, "GET", "/engine-rest/history/process-instance/" + instance,
          "admin", null);
      if (!history.body().contains("\"state\":\"COMPLETED\"")) {
        throw new IllegalStateException("the case did not end: " + history.body());
      }
      if (gongkai) {
        String caseNumber = first(Pattern.compile("\"businessKey\"\\s*:\\s*\"([^\"]+)\""), history.body());
        HttpResponse<String> letters = send(base, "GET", "/api/cases/"
            + java.net.URLEncoder.encode(caseNumber, StandardCharsets.UTF_8).replace("+", "%20") + "/documents",
            "supervisor", null);
        System.out.println("[bench] check " + caseNumber + ": documents " + letters.statusCode() + " "
            + letters.body().length() + " bytes");
      }
    }
  }

  void deployBareProcess(String base) throws Exception {
    byte[] bpmn = Files.readAllBytes(Path.of(option("bare-bpmn", "src/test/benchmarks/bare-lifecycle.bpmn")));
    String boundary = "----gongkai-bench-" + System.nanoTime();
    String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nbare-lifecycle\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"enable-duplicate-filtering\"\r\n\r\ntrue\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"bare-lifecycle.bpmn\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n";
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] body = concat(head.getBytes(StandardCharsets.UTF_8), bpmn, tail);
    HttpResponse<String> deployed = http.send(HttpRequest.newBuilder(URI.create(base + "/engine-rest/deployment/create"))
        .header("Authorization", basic("admin")).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    expect(deployed, 200);
    // the bare process's roles get what gongkai grants its own process: start it, read and work its tasks
    for (String group : List.of("intake", "handler", "reviewer", "leader")) {
      grant(base, group, 6, "bare-lifecycle", "[\"ALL\"]");
    }
    grant(base, "intake", 8, "*", "[\"CREATE\"]");
  }

  void grant(String base, String group, int resourceType, String resourceId, String permissions) throws Exception {
    HttpResponse<String> existing = send(base, "GET", "/engine-rest/authorization/count?type=1&groupIdIn=" + group
        + "&resourceType=" + resourceType + "&resourceId=" + java.net.URLEncoder.encode(resourceId, StandardCharsets.UTF_8),
        "admin", null);
    if (existing.statusCode() == 200 && !existing.body().contains("\"count\":0")) {
      return;
    }
    String body = "{\"type\":1,\"permissions\":" + permissions + ",\"groupId\":\"" + group + "\",\"resourceType\":"
        + resourceType + ",\"resourceId\":\"" + resourceId + "\"}";
    HttpResponse<String> created = send(base, "POST", "/engine-rest/authorization/create", "secadmin", body);
    if (created.statusCode() != 200) {
      created = send(base, "POST", "/engine-rest/authorization/create", "admin", body);
    }
    if (created.statusCode() != 200 && !created.body().contains("already")) {
      System.out.println("[bench] grant " + group + " " + resourceType + " " + resourceId + ": " + created.statusCode()
          + " " + created.body());
    }
  }

  HttpResponse<String> send(String base, String method, String path, String user, String json) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
        .header("Authorization", basic(user)).header("Accept", "application/json");
    if (json == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
  }

  static void expect(HttpResponse<String> response, int status) {
    if (response.statusCode() != status) {
      throw new IllegalStateException(response.request().method() + " " + response.request().uri() + " answered "
          + response.statusCode() + ": " + response.body());
    }
  }

  static String first(Pattern pattern, String body) {
    Matcher m = pattern.matcher(body);
    if (!m.find()) {
      throw new IllegalStateException("no " + pattern + " in " + body);
    }
    return m.group(1);
  }

  // ---------------------------------------------------------------- context

  void line(String format, Object... args) {
    String text = String.format(Locale.ROOT, format, args);
    report.append(text).append('\n');
    System.out.println("[bench] " + text);
  }

  static String load() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return parts[0] + " " + parts[1] + " " + parts[2] + " (1/5/15 min)";
    } catch (IOException e) {
      return "unknown";
    }
  }

  static String machine() {
    String cpu = "unknown CPU";
    String memory = "";
    try {
      cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
          .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(cpu);
      memory = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
          .findFirst().map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024 / 1024 + " GiB").orElse("");
    } catch (IOException | RuntimeException e) {
      // keep what we have
    }
    return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), " + memory + ", Java "
        + System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vm.name") + ")";
  }

  static String git() {
    try {
      Process p = new ProcessBuilder("git", "log", "-1", "--format=%h %s").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      p.waitFor();
      return out;
    } catch (IOException | InterruptedException e) {
      return "unknown";
    }
  }

  static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  static String joined(List<Double> values, String format) {
    return String.join(", ", values.stream().map(v -> String.format(Locale.ROOT, format, v)).toList());
  }

  static byte[] concat(byte[]... parts) {
    int length = Arrays.stream(parts).mapToInt(p -> p.length).sum();
    byte[] all = new byte[length];
    int at = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, all, at, part.length);
      at += part.length;
    }
    return all;
  }

  static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log)";
    }
  }

  static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException | UncheckedIOException e) {
      System.out.println("[bench] could not delete " + dir + ": " + e.getMessage());
    }
  }
}

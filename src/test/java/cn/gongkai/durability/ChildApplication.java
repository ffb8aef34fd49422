package cn.gongkai.durability;

import cn.gongkai.GongkaiApplication;
import java.util.LinkedHashMap;
import java.util.Base64;
import java.time.LocalDate;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * gongkai running as a separate JVM (the test JVM's classpath, the application's main class), so that a
 * test can kill it with SIGKILL exactly as an operator's {@code kill -9} or the kernel's OOM killer would.
 */
final class ChildApplication implements AutoCloseable {

  /** 240 s; a machine shared with other builds may need more: -Dchild.start-timeout-seconds=600. */
  static final Duration START_TIMEOUT = Duration.ofSeconds(Long.getLong("child.start-timeout-seconds", 240));

  private final Process process;
  private final int port;
  private final Path log;

  private ChildApplication(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /**
   * Starts the application in {@code workDir} (the default H2 URL {@code ./data/gongkai} resolves there) with the
   * demo users, on a free port, without job executor (timers must stay as they were stored), output into
   * {@code log}; returns once it answers HTTP.
   */
  static ChildApplication start(Path workDir, Path log, List<String> extraArguments) throws Exception {
    List<String> arguments = new ArrayList<>(List.of("--spring.profiles.active=demo",
        "--camunda.bpm.job-execution.enabled=false"));
    arguments.addAll(extraArguments);
    return start(workDir, log, Options.SMALL_JVM, arguments, Map.of());
  }

  /** JVM options of a child: a small test JVM, or the server JIT for measurements. */
  enum Options {
    SMALL_JVM("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"),
    SERVER_JVM("-Xmx768m");

    private final List<String> flags;

    Options(String... flags) {
      this.flags = List.of(flags);
    }
  }

  /**
   * Starts the application in {@code workDir} on a free port with exactly these application arguments and
   * extra environment variables (e.g. the production profile's {@code GONGKAI_DB_URL}); returns once it
   * answers HTTP.
   */
  static ChildApplication start(Path workDir, Path log, Options options, List<String> arguments,
      Map<String, String> environment) throws Exception {
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(options.flags);
    command.addAll(List.of("-Dfile.encoding=UTF-8",
        "-cp", System.getProperty("java.class.path"),
        GongkaiApplication.class.getName(),
        "--server.port=" + port));
    command.addAll(arguments);
    Files.createDirectories(log.getParent());
    ProcessBuilder builder = new ProcessBuilder(command)
        .directory(workDir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(environment);
    Process process = builder.start();
    ChildApplication child = new ChildApplication(process, port, log);
    try {
      child.awaitServing();
    } catch (Exception | AssertionError e) {
      child.close();
      throw e;
    }
    return child;
  }

  int port() {
    return port;
  }

  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A JSON call as a demo user (password {@code demo}); {@code body} null sends none. */
  HttpResponse<String> send(String method, String path, String user, Object body, Duration timeout)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .timeout(timeout)
        .header("Accept", "application/json")
        .header("Authorization", "Basic "
            + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** As {@link #send(String, String, String, Object, Duration)} with a one-minute timeout. */
  HttpResponse<String> send(String method, String path, String user, Object body)
      throws IOException, InterruptedException {
    return send(method, path, user, body, Duration.ofSeconds(60));
  }

  /** A valid request received on {@code receivedOn} (Beijing), with an e-mail reply wanted. */
  static Map<String, Object> demoRequest(LocalDate receivedOn) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("applicantType", "NATURAL_PERSON");
    fields.put("applicantName", "张三");
    fields.put("idType", "ID_CARD");
    fields.put("idNumber", "11010519491231002X");
    fields.put("phone", "13812345678");
    fields.put("address", "云南省楚雄彝族自治州楚雄市鹿城镇某路1号");
    fields.put("email", "zhangsan@example.cn");
    fields.put("channel", "IN_PERSON");
    fields.put("receivedOn", receivedOn.toString());
    fields.put("description", "2025年度楚雄市城市道路维修工程招标文件");
    fields.put("purpose", "了解工程情况");
    fields.put("provisionForm", "ELECTRONIC");
    fields.put("deliveryMethod", "EMAIL");
    return fields;
  }

  long pid() {
    return process.pid();
  }

  Path log() {
    return log;
  }

  /** SIGKILL (on Linux {@link Process#destroyForcibly()} sends signal 9): no shutdown hook, no H2 close. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new AssertionError("child JVM " + process.pid() + " still alive 30 s after SIGKILL");
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }

  private void awaitServing() throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError("child JVM exited with " + process.exitValue() + " while starting; see " + log
            + "\n" + tail());
      }
      try {
        HttpResponse<Void> health = http.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/actuator/health")).timeout(Duration.ofSeconds(5)).build(),
            HttpResponse.BodyHandlers.discarding());
        if (health.statusCode() == 200 || health.statusCode() == 503) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    throw new AssertionError("child JVM not serving after " + START_TIMEOUT + "; see " + log + "\n" + tail());
  }

  private String tail() throws IOException {
    String[] lines = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).split("\n");
    return String.join("\n", List.of(lines).subList(Math.max(0, lines.length - 30), lines.length));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }
}

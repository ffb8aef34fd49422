package cn.gongkai.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hostile and mistaken input over real HTTP, as a fuzzer sent it: every refusal is a 4xx with a Chinese
 * message naming the field, whatever the client accepts, on gongkai's API and on the engine's REST APIs.
 */
// Its own context: Camunda's REST finds the engine "default" in a static registry, where the engine of
// the context started last wins; a cached context reused after another one started would talk to that one.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "gongkai.test.context=bad-input")
@ActiveProfiles("test")
class BadInputApiIT {

  private static final String HAN = "(?s).*\\p{IsHan}.*";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired RuntimeService runtime;
  @Autowired TransactionTemplate transactions;

  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();

  HttpResponse<String> send(String method, String path, String user, String accept, Object body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    if (accept != null) {
      request.header("Accept", accept);
    }
    if (user != null) {
      request.header("Authorization", "Basic "
          + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
    }
    if (body != null) {
      request.header("Content-Type", "application/json");
      request.method(method, HttpRequest.BodyPublishers.ofString(
          body instanceof String text ? text : json.writeValueAsString(body)));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  static LocalDate today() {
    return LocalDate.now(ZoneId.of("Asia/Shanghai"));
  }

  static Map<String, Object> request(String receivedOn) {
    Map<String, Object> fields = new HashMap<>();
    fields.put("applicantType", "NATURAL_PERSON");
    fields.put("applicantName", "张三");
    fields.put("idType", "ID_CARD");
    fields.put("idNumber", "11010519491231002X");
    fields.put("phone", "13812345678");
    fields.put("channel", "IN_PERSON");
    fields.put("receivedOn", receivedOn);
    fields.put("description", "2025年度楚雄市城市道路维修工程招标文件");
    return fields;
  }

  long cases() {
    return jdbc.sql("SELECT COUNT(*) FROM gk_disclosure_case").query(Long.class).single();
  }

  /** Registers a request received today and answers its process instance id. */
  String register() throws Exception {
    HttpResponse<String> created = send("POST", "/api/requests", "intake", "application/json",
        request(today().toString()));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return json.readTree(created.body()).get("processInstanceId").asText();
  }

  String taskOf(String processInstanceId, String user) throws Exception {
    HttpResponse<String> tasks = send("GET", "/engine-rest/task?processInstanceId=" + processInstanceId, user,
        "application/json", null);
    assertThat(tasks.statusCode()).as(tasks.body()).isEqualTo(200);
    JsonNode list = json.readTree(tasks.body());
    assertThat(list).as(tasks.body()).hasSize(1);
    return list.get(0).get("id").asText();
  }

  static Map<String, Object> variables(Object... namesAndValues) {
    Map<String, Object> variables = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      variables.put((String) namesAndValues[i], Map.of("value", namesAndValues[i + 1]));
    }
    return Map.of("variables", variables);
  }

  void assertRefusal(HttpResponse<String> response, String sentence, String... engineIds) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    String message = json.readTree(response.body()).get("message").asText();
    assertThat(message).isEqualTo(sentence);
    for (String id : engineIds) {
      assertThat(response.body()).doesNotContain(id);
    }
    assertThat(response.body()).doesNotContain("Cannot").doesNotContain("ENGINE-");
  }

  @Test
  void refusesAbsurdDatesOfReceiptNamingTheFieldStoresNothingAndTheOverviewStaysFast() throws Exception {
    long before = cases();

    for (String receivedOn : List.of("-9999999-01-01", "-999999999-01-01", "1999-12-31", "+10000-01-01")) {
      HttpResponse<String> response = send("POST", "/api/requests", "intake", "application/json", request(receivedOn));

      assertThat(response.statusCode()).as(receivedOn + ": " + response.body()).isEqualTo(400);
      JsonNode error = json.readTree(response.body()).get("errors").get(0);
      assertThat(error.get("field").asText()).isEqualTo("receivedOn");
      assertThat(error.get("message").asText()).startsWith("收到申请日期");
    }
    assertThat(cases()).isEqualTo(before);

    // the supervision overview still answers at once
    long started = System.nanoTime();
    assertThat(send("GET", "/api/supervision/overview", "supervisor", "application/json", null).statusCode())
        .isEqualTo(200);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void refusesASixDigitPhoneNumberNamingThePhoneField() throws Exception {
    long before = cases();
    Map<String, Object> fields = request(today().toString());
    fields.put("phone", "123456");

    HttpResponse<String> response = send("POST", "/api/requests", "intake", "application/json", fields);

    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode error = json.readTree(response.body()).get("errors").get(0);
    assertThat(error.get("field").asText()).isEqualTo("phone");
    assertThat(error.get("message").asText()).startsWith("联系电话格式不正确");
    assertThat(cases()).isEqualTo(before);
  }

  @Test
  void refusesAnAbsurdCalendarQueryWithoutComputing() throws Exception {
    for (String query : List.of("start=-9999999-01-01&workingDays=20", "start=2026-11-25&workingDays=2147483647",
        "start=2026-11-25&workingDays=-1", "start=1999-12-31&workingDays=20")) {
      HttpResponse<String> response = send("GET", "/api/calendar/deadline?" + query, "handler", "application/json",
          null);
      assertThat(response.statusCode()).as(query).isEqualTo(400);
      assertThat(json.readTree(response.body()).get("errors").get(0).get("message").asText()).matches(HAN);
    }
  }

  @Test
  void answersEveryErrorWithItsStatusAndAChineseMessageWhateverTheClientAccepts() throws Exception {
    Map<String, Object> badPhone = request(today().toString());
    badPhone.put("phone", "123456");
    record Case(int status, String method, String path, String user, Object body) {}
    List<Case> errors = List.of(
        new Case(400, "POST", "/api/requests", "intake", badPhone),
        new Case(400, "GET", "/api/calendar/deadline?start=x&workingDays=20", "handler", null),
        new Case(403, "GET", "/api/cases/" + URLEncoder.encode("〔2026〕第1号", StandardCharsets.UTF_8)
            + "/personal-data", "reviewer", null),
        new Case(404, "GET", "/api/cases/" + URLEncoder.encode("〔1999〕第1号", StandardCharsets.UTF_8), "handler",
            null),
        new Case(409, "POST", "/api/reports/annual/" + today().getYear() + "/lock", "admin", null));

    for (String accept : List.of("text/html", "application/xml", "*/*", "application/json")) {
      for (Case error : errors) {
        HttpResponse<String> response = send(error.method(), error.path(), error.user(), accept, error.body());

        String what = accept + " " + error.method() + " " + error.path();
        assertThat(response.statusCode()).as(what + ": " + response.body()).isEqualTo(error.status());
        assertThat(response.body()).as(what).matches(HAN).doesNotContain("Failure in @ExceptionHandler");
        if (accept.contains("json") || accept.equals("*/*")) {
          assertThat(response.headers().firstValue("Content-Type").orElseThrow()).as(what).contains("json");
          assertThat(json.readTree(response.body()).get("status").asInt()).as(what).isEqualTo(error.status());
          assertThat(json.readTree(response.body()).get("message").asText()).as(what).matches(HAN);
        }
      }
    }
  }

  @Test
  void aRefusedRegistrationThroughEngineRestAnswers400WithTheChineseSentenceAlone() throws Exception {
    long before = cases();
    Map<String, Object> fields = request(today().toString());
    fields.put("idNumber", "110105194912310021");
    Map<String, Object> variables = new LinkedHashMap<>();
    fields.forEach((name, value) -> variables.put(name, Map.of("value", value)));

    HttpResponse<String> response = send("POST", "/engine-rest/process-definition/key/disclosure-request/submit-form",
        "intake", "application/json", Map.of("variables", variables));

    assertRefusal(response, "证件号码不是有效的居民身份证号码（校验位不符）（idNumber）", "disclosure-request:");
    assertThat(cases()).isEqualTo(before);
  }

  @Test
  void aStepsRefusalReachesEngineRestAndTasklistAs400WithTheChineseSentenceAlone() throws Exception {
    // given a request waiting for screening
    String processInstanceId = register();
    String task = taskOf(processInstanceId, "intake");

    // when intake submits the screening without a decision, over engine REST and over Tasklist's API
    HttpResponse<String> submitForm = send("POST", "/engine-rest/task/" + task + "/submit-form", "intake",
        "application/json", variables());
    HttpResponse<String> complete = send("POST", "/engine-rest/task/" + task + "/complete", "intake",
        "application/json", variables());
    HttpResponse<String> tasklist = tasklistPost("intake", "/camunda/api/engine/engine/default/task/" + task
        + "/submit-form", variables());

    // then each answers 400 with the listener's sentence alone, and the task is still open
    assertRefusal(submitForm, "审核结论为必填项（screeningDecision）", task, processInstanceId);
    assertRefusal(complete, "审核结论为必填项（screeningDecision）", task, processInstanceId);
    assertRefusal(tasklist, "审核结论为必填项（screeningDecision）", task, processInstanceId);
    assertThat(taskOf(processInstanceId, "intake")).isEqualTo(task);
  }

  @Test
  void refusesAbsurdAndFutureFactDatesInATaskForm() throws Exception {
    // given a request that needs correcting: the notice's delivery date is asked for
    String processInstanceId = register();
    HttpResponse<String> screened = send("POST", "/engine-rest/task/" + taskOf(processInstanceId, "intake")
        + "/submit-form", "intake", "application/json", variables("screeningDecision", "NEEDS_CORRECTION"));
    assertThat(screened.statusCode()).as(screened.body()).isEqualTo(204);
    String notice = taskOf(processInstanceId, "intake");

    // when the date is absurd, before 2000 or in the future / then 400 naming the field, task still open
    Map<String, String> refusals = Map.of(
        "-9999999-01-01", "申请人收到补正告知书日期不是有效日期（correctionNoticeDeliveredOn）",
        "1999-12-31", "申请人收到补正告知书日期不能早于2000年1月1日（correctionNoticeDeliveredOn）",
        "2999-01-01", "申请人收到补正告知书日期不能晚于今天（"
            + java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")) + "）（correctionNoticeDeliveredOn）");
    for (var refusal : refusals.entrySet()) {
      HttpResponse<String> response = send("POST", "/engine-rest/task/" + notice + "/submit-form", "intake",
          "application/json", variables("correctionItems", "请写明所需信息的文号", "correctionNoticeDeliveredOn",
              refusal.getKey()));
      assertRefusal(response, refusal.getValue(), notice);
    }
    assertThat(taskOf(processInstanceId, "intake")).isEqualTo(notice);

    // and today's date is taken
    HttpResponse<String> delivered = send("POST", "/engine-rest/task/" + notice + "/submit-form", "intake",
        "application/json", variables("correctionItems", "请写明所需信息的文号", "correctionNoticeDeliveredOn",
            today().toString()));
    assertThat(delivered.statusCode()).as(delivered.body()).isEqualTo(204);
  }

  @Test
  void aSubmissionCollidingWithAConcurrentChangeOfTheCaseAnswers409AndSucceedsWhenRetried() throws Exception {
    // given a request waiting for screening
    String processInstanceId = register();
    String task = taskOf(processInstanceId, "intake");

    // and another action (as a timer firing would) changing the case in a transaction not yet committed
    CountDownLatch changed = new CountDownLatch(1);
    CountDownLatch commit = new CountDownLatch(1);
    ExecutorService other = Executors.newSingleThreadExecutor();
    Future<?> concurrent = other.submit(() -> transactions.executeWithoutResult(status -> {
      runtime.suspendProcessInstanceById(processInstanceId);
      runtime.activateProcessInstanceById(processInstanceId);
      changed.countDown();
      try {
        commit.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }));
    assertThat(changed.await(30, TimeUnit.SECONDS)).isTrue();

    // when intake submits the screening meanwhile (it waits on the other transaction's row lock)
    CompletableFuture<HttpResponse<String>> submission = http.sendAsync(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/engine-rest/task/" + task + "/submit-form"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("intake:demo".getBytes()))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(
            variables("screeningDecision", "NEEDS_CORRECTION"))))
        .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    awaitASessionBlockedOnALock(submission);
    commit.countDown();
    concurrent.get(30, TimeUnit.SECONDS);
    other.shutdown();

    // then the submission answers 409 in Chinese, and the task is still there to be submitted again
    HttpResponse<String> response = submission.get(30, TimeUnit.SECONDS);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
    assertThat(json.readTree(response.body()).get("message").asText()).isEqualTo("案件已被其他操作更新，请刷新后重试");
    assertThat(response.body()).doesNotContain(task).doesNotContain("ENGINE-");
    HttpResponse<String> retried = send("POST", "/engine-rest/task/" + task + "/submit-form", "intake",
        "application/json", variables("screeningDecision", "NEEDS_CORRECTION"));
    assertThat(retried.statusCode()).as(retried.body()).isEqualTo(204);
  }

  /** H2 shows a session waiting for another's row lock with a blocker id. */
  void awaitASessionBlockedOnALock(CompletableFuture<?> submission) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline && !submission.isDone()) {
      long blocked = jdbc.sql("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID IS NOT NULL")
          .query(Long.class).single();
      if (blocked > 0) {
        return;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("the submission never waited for the concurrent change");
  }

  /** A POST through the webapps' engine API as Tasklist sends it: session login, CSRF token. */
  HttpResponse<String> tasklistPost(String user, String path, Object body) throws Exception {
    CookieManager cookies = new CookieManager();
    HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
    browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/camunda/app/tasklist/default/"))
        .build(), HttpResponse.BodyHandlers.discarding());
    HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
            + "/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-XSRF-TOKEN", xsrf(cookies))
        .header("Referer", "http://localhost:" + port + "/camunda/app/tasklist/default/")
        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo"))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    // the login starts a new session: Tasklist's next read fetches its CSRF token
    HttpResponse<String> profile = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
        + "/camunda/api/admin/auth/user/default")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(profile.statusCode()).as(profile.body()).isEqualTo(200);
    return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json, text/plain, */*")
        .header("X-XSRF-TOKEN", xsrf(cookies))
        .header("Referer", "http://localhost:" + port + "/camunda/app/tasklist/default/")
        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
        .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  static String xsrf(CookieManager cookies) {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue)
        .reduce((first, last) -> last)
        .orElseThrow(() -> new AssertionError("no XSRF-TOKEN cookie"));
  }
}

package cn.gongkai.request;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The register API over real HTTP: who may call it, what it stores, how it refuses bad input. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RequestApiIT {

  @LocalServerPort int port;
  @Autowired CaseRegister register;

  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();

  HttpResponse<String> send(String method, String path, String user, Object body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Accept", "application/json");
    if (user != null) {
      request.header("Authorization", "Basic "
          + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
    }
    if (body != null) {
      request.header("Content-Type", "application/json");
      request.method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  static String casePath(String caseNumber) {
    return "/api/cases/" + URLEncoder.encode(caseNumber, StandardCharsets.UTF_8).replace("+", "%20");
  }

  String registerToday() throws Exception {
    HttpResponse<String> response = send("POST", "/api/requests", "intake",
        CaseFixtures.request(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString()));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return json.readTree(response.body()).get("caseNumber").asText();
  }

  @Test
  void registersARequestAndAnswersWithItsNumberAndLocation() throws Exception {
    HttpResponse<String> response = send("POST", "/api/requests", "intake", CaseFixtures.request("2026-11-20"));

    assertThat(response.statusCode()).isEqualTo(201);
    String caseNumber = json.readTree(response.body()).get("caseNumber").asText();
    assertThat(caseNumber).matches("〔\\d{4}〕第\\d+号");
    assertThat(response.headers().firstValue("Location")).hasValue(casePath(caseNumber).replace("%20", "+")
        .replace("+", "%20"));
    assertThat(register.findByNumber(caseNumber)).isPresent();
  }

  @Test
  void showsTheCaseWithPersonalDataMasked() throws Exception {
    String caseNumber = registerToday();

    HttpResponse<String> response = send("GET", casePath(caseNumber), "handler", null);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = json.readTree(response.body());
    assertThat(body.get("idNumber").asText()).isEqualTo("1101**********002X");
    assertThat(body.get("phone").asText()).isEqualTo("138****5678");
    assertThat(body.get("status").asText()).isEqualTo("OPEN");
    assertThat(body.get("currentStep").asText()).isEqualTo("Task_ScreenRequest");
    assertThat(body.get("currentStepName").asText()).isEqualTo("审核申请");
    assertThat(body.get("replyDueOn").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
    assertThat(body.has("provisional")).isTrue();
    assertThat(body.get("explanation").asText()).contains("工作日");
    assertThat(response.body()).doesNotContain(CaseFixtures.ID_NUMBER).doesNotContain("13812345678");
  }

  @Test
  void givesFullPersonalDataOnlyToIntakeAndLogsEachLook() throws Exception {
    String caseNumber = registerToday();
    long caseId = register.findByNumber(caseNumber).orElseThrow().id();

    HttpResponse<String> forbidden = send("GET", casePath(caseNumber) + "/personal-data", "reviewer", null);
    HttpResponse<String> allowed = send("GET", casePath(caseNumber) + "/personal-data", "intake", null);

    assertThat(forbidden.statusCode()).isEqualTo(403);
    assertThat(allowed.statusCode()).isEqualTo(200);
    assertThat(json.readTree(allowed.body()).get("idNumber").asText()).isEqualTo(CaseFixtures.ID_NUMBER);
    assertThat(register.personalDataAccesses(caseId)).extracting(CaseRegister.PersonalDataAccess::userId)
        .containsExactly("intake");
  }

  @Test
  void refusesBadInputWithAChineseMessageNamingTheFieldAndStoresNothing() throws Exception {
    long before = register.count();
    Map<String, Object> missingName = CaseFixtures.request("2026-11-20");
    missingName.remove("applicantName");
    Map<String, Object> malformedId = CaseFixtures.request("2026-11-20");
    malformedId.put("idNumber", "110105194912310021");
    Map<String, Object> future = CaseFixtures.request("2999-01-01");

    for (var bad : List.of(Map.entry("applicantName", missingName), Map.entry("idNumber", malformedId),
        Map.entry("receivedOn", future))) {
      HttpResponse<String> response = send("POST", "/api/requests", "intake", bad.getValue());
      assertThat(response.statusCode()).isEqualTo(400);
      JsonNode error = json.readTree(response.body()).get("errors").get(0);
      assertThat(error.get("field").asText()).isEqualTo(bad.getKey());
      assertThat(error.get("message").asText()).matches(".*\\p{IsHan}.*");
    }
    HttpResponse<String> notJson = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/api/requests"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("intake:demo".getBytes()))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{not json")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(notJson.statusCode()).isEqualTo(400);
    assertThat(register.count()).isEqualTo(before);
  }

  @Test
  void answers401WithoutCredentialsAnd403ToOtherRoles() throws Exception {
    assertThat(send("POST", "/api/requests", null, CaseFixtures.request("2026-11-20")).statusCode()).isEqualTo(401);
    assertThat(send("POST", "/api/requests", "handler", CaseFixtures.request("2026-11-20")).statusCode())
        .isEqualTo(403);
    assertThat(send("POST", "/api/requests", "nobody:wrong", CaseFixtures.request("2026-11-20")).statusCode())
        .isEqualTo(401);
    assertThat(send("GET", casePath("〔1999〕第1号"), "handler", null).statusCode()).isEqualTo(404);
  }

  @Test
  void concurrentRegistrationsGetConsecutiveDistinctNumbers() throws Exception {
    // given eight clerks pressing "register" at the same moment
    int clerks = 8;
    CyclicBarrier barrier = new CyclicBarrier(clerks);
    ExecutorService pool = Executors.newFixedThreadPool(clerks);
    List<Future<String>> results = new ArrayList<>();
    for (int i = 0; i < clerks; i++) {
      results.add(pool.submit(() -> {
        barrier.await();
        return registerToday();
      }));
    }
    List<Long> numbers = new ArrayList<>();
    Pattern seq = Pattern.compile("第(\\d+)号");
    for (Future<String> result : results) {
      Matcher m = seq.matcher(result.get());
      assertThat(m.find()).isTrue();
      numbers.add(Long.parseLong(m.group(1)));
    }
    pool.shutdown();

    // then all numbers differ and form one unbroken run
    numbers.sort(Long::compare);
    assertThat(numbers).doesNotHaveDuplicates();
    assertThat(numbers.get(clerks - 1) - numbers.get(0)).isEqualTo(clerks - 1);
  }
}

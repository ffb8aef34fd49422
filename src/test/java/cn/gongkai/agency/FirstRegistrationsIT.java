package cn.gongkai.agency;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/** The very first registrations of a new installation, made at the same moment by four clerks. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties =
    // a database of its own (no other test class registers in it). The first registration of a cold JVM holds
    // the year's counter row (gap-free numbers) while it loads the letter machinery: 19 s on a loaded 2-core
    // machine, so the others may wait longer than the test profile's 10 s; this test is about the agency row.
    "spring.datasource.url=jdbc:h2:mem:first-registrations-${random.uuid};DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=60000")
@ActiveProfiles("test")
@DirtiesContext
class FirstRegistrationsIT {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void fourSimultaneousFirstRegistrationsOnAnEmptyDatabaseAllSucceed() throws Exception {
    // given a new installation with an empty register
    assertThat(jdbc.sql("SELECT COUNT(*) FROM gk_disclosure_case").query(Long.class).single()).isZero();

    // when four clerks press "register" at the same moment
    int clerks = 4;
    CyclicBarrier together = new CyclicBarrier(clerks);
    ExecutorService pool = Executors.newFixedThreadPool(clerks);
    List<Future<HttpResponse<String>>> answers = new ArrayList<>();
    try {
      for (int i = 0; i < clerks; i++) {
        answers.add(pool.submit(() -> {
          together.await(30, TimeUnit.SECONDS);
          return register();
        }));
      }
      List<String> numbers = new ArrayList<>();
      for (Future<HttpResponse<String>> answer : answers) {
        HttpResponse<String> response = answer.get(120, TimeUnit.SECONDS);
        // then every one is registered
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        numbers.add(json.readTree(response.body()).get("caseNumber").asText());
      }

      // with the year's first four numbers, under the one configured agency
      int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
      assertThat(numbers).containsExactlyInAnyOrder("〔" + year + "〕第1号", "〔" + year + "〕第2号",
          "〔" + year + "〕第3号", "〔" + year + "〕第4号");
      // (the test profile's departments zwfw and wsjk exist besides; the installation's own agency exactly once)
      assertThat(jdbc.sql("SELECT code FROM gk_agency WHERE code = 'chuxiong'").query(String.class).list())
          .containsExactly("chuxiong");
      assertThat(jdbc.sql("SELECT DISTINCT agency_code FROM gk_disclosure_case").query(String.class).list())
          .containsExactly("chuxiong");
    } finally {
      pool.shutdownNow();
    }
  }

  private HttpResponse<String> register() throws Exception {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("applicantType", "NATURAL_PERSON");
    fields.put("applicantName", "张三");
    fields.put("idType", "ID_CARD");
    fields.put("idNumber", "11010519491231002X");
    fields.put("phone", "13812345678");
    fields.put("channel", "IN_PERSON");
    fields.put("receivedOn", LocalDate.now(ZoneId.of("Asia/Shanghai")).toString());
    fields.put("description", "2025年度楚雄市城市道路维修工程招标文件");
    fields.put("provisionForm", "PAPER");
    fields.put("deliveryMethod", "POST");
    fields.put("address", "云南省楚雄彝族自治州楚雄市鹿城镇某路1号");
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/requests"))
            .timeout(Duration.ofSeconds(60))
            .header("Accept", "application/json")
            .header("Content-Type", "application/json")
            .header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString("intake:demo".getBytes(StandardCharsets.UTF_8)))
            .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(fields)))
            .build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}

package cn.gongkai.agency;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/** HTTP Basic calls as the demo users (password demo) against the booted application. */
final class AgencyHttp {

  private final int port;
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();

  AgencyHttp(int port) {
    this.port = port;
  }

  HttpResponse<String> send(String method, String path, String user, Object body) {
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
          .header("Accept", "application/json")
          .header("Authorization", "Basic "
              + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
      if (body != null) {
        request.header("Content-Type", "application/json");
        request.method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
      } else {
        request.method(method, HttpRequest.BodyPublishers.noBody());
      }
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  HttpResponse<String> get(String path, String user) {
    return send("GET", path, user, null);
  }

  JsonNode read(HttpResponse<String> response) {
    try {
      return json.readTree(response.body());
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + response.body(), e);
    }
  }

  /** Registers a request as that clerk through the API; answers the body (caseNumber, processInstanceId). */
  JsonNode register(String clerk) {
    HttpResponse<String> response = send("POST", "/api/requests", clerk, request(today().toString()));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return read(response);
  }

  static LocalDate today() {
    return LocalDate.now(ZoneId.of("Asia/Shanghai"));
  }

  static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static Map<String, Object> request(String receivedOn) {
    Map<String, Object> fields = new HashMap<>();
    fields.put("applicantType", "NATURAL_PERSON");
    fields.put("applicantName", "张三");
    fields.put("idType", "ID_CARD");
    fields.put("idNumber", "11010519491231002X");
    fields.put("phone", "13812345678");
    fields.put("address", "云南省楚雄彝族自治州楚雄市鹿城镇某路1号");
    fields.put("email", "zhangsan@example.cn");
    fields.put("channel", "IN_PERSON");
    fields.put("receivedOn", receivedOn);
    fields.put("description", "2025年度楚雄州政务服务中心窗口设置方案");
    fields.put("purpose", "了解办事流程");
    fields.put("provisionForm", "ELECTRONIC");
    fields.put("deliveryMethod", "EMAIL");
    return fields;
  }
}

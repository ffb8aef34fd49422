package cn.gongkai.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.altcha.altcha.Altcha;

/** The portal's public API over real HTTP, as another front-end would call it (no login). */
final class PortalHttp {

  /** 11010519491231002X: the GB 11643 standard's own example number. */
  static final String ID_NUMBER = "11010519491231002X";

  final HttpClient http = HttpClient.newHttpClient();
  final ObjectMapper json = new ObjectMapper();
  final int port;

  PortalHttp(int port) {
    this.port = port;
  }

  static Map<String, Object> application() {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("applicantType", "NATURAL_PERSON");
    fields.put("applicantName", "张三");
    fields.put("idType", "ID_CARD");
    fields.put("idNumber", ID_NUMBER);
    fields.put("phone", "13812345678");
    fields.put("address", "云南省楚雄彝族自治州楚雄市鹿城镇某路1号");
    fields.put("email", "zhangsan@example.cn");
    fields.put("description", "2025年度楚雄市城市道路维修工程招标文件");
    fields.put("purpose", "了解工程情况");
    fields.put("provisionForm", "ELECTRONIC");
    fields.put("deliveryMethod", "ONLINE");
    return fields;
  }

  HttpResponse<String> send(String method, String path, Object body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Accept", "application/json");
    if (body != null) {
      request.header("Content-Type", "application/json");
      String text = body instanceof String s ? s : json.writeValueAsString(body);
      request.method(method, HttpRequest.BodyPublishers.ofString(text));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  HttpResponse<byte[]> download(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  JsonNode read(HttpResponse<String> response) throws Exception {
    return json.readTree(response.body());
  }

  /** Solves the server's challenge as the portal's page does (the number whose SHA-256 with the salt matches). */
  String solvedChallenge() throws Exception {
    JsonNode c = read(send("GET", "/api/public/challenge", null));
    if (!c.path("enabled").asBoolean()) {
      return null;
    }
    Altcha.Solution solution = Altcha.solveChallenge(c.get("challenge").asText(), c.get("salt").asText(),
        Altcha.Algorithm.SHA256, c.get("maxnumber").asLong(), 0);
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("algorithm", c.get("algorithm").asText());
    payload.put("challenge", c.get("challenge").asText());
    payload.put("number", solution.number);
    payload.put("salt", c.get("salt").asText());
    payload.put("signature", c.get("signature").asText());
    return Base64.getEncoder().encodeToString(json.writeValueAsBytes(payload));
  }

  HttpResponse<String> submit(Map<String, Object> fields) throws Exception {
    Map<String, Object> body = new HashMap<>(fields);
    if (!body.containsKey("challenge")) {
      body.put("challenge", solvedChallenge());
    }
    return send("POST", "/api/public/requests", body);
  }

  /** Submits a valid application: {submissionNumber, queryCode}. */
  JsonNode submitted(Map<String, Object> fields) throws Exception {
    HttpResponse<String> response = submit(fields);
    if (response.statusCode() != 201) {
      throw new AssertionError(response.statusCode() + " " + response.body());
    }
    return read(response);
  }

  HttpResponse<String> track(String number, String code) throws Exception {
    return send("GET", "/api/public/requests/" + URLEncoder.encode(number, StandardCharsets.UTF_8).replace("+", "%20")
        + "?code=" + URLEncoder.encode(code, StandardCharsets.UTF_8), null);
  }
}

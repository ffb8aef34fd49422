package cn.gongkai.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The OpenAPI description lists every /api mapping of every controller (read from Spring MVC itself, so a
 * controller added later is covered), in Chinese, with the error shape; it is readable only when logged in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiSpecIT {

  @LocalServerPort int port;
  @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

  private final HttpClient http = HttpClient.newHttpClient();
  private JsonNode spec;

  @BeforeAll
  void readSpec() throws Exception {
    HttpResponse<String> response = get("/v3/api-docs", "intake");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    spec = new ObjectMapper().readTree(response.body());
    // kept beside the test reports for a person to read
    java.nio.file.Files.createDirectories(java.nio.file.Path.of("target"));
    java.nio.file.Files.writeString(java.nio.file.Path.of("target/openapi.json"), response.body());
  }

  @Test
  void theDescriptionAndItsUiNeedALogin() throws Exception {
    for (String path : List.of("/v3/api-docs", "/v3/api-docs/swagger-config", "/swagger-ui.html",
        "/swagger-ui/index.html")) {
      HttpResponse<String> anonymous = get(path, null);
      assertThat(anonymous.statusCode()).as(path).isEqualTo(401);
      assertThat(anonymous.body()).as(path).contains("请先登录");
    }
    assertThat(get("/v3/api-docs", "intake", "wrong").statusCode()).isEqualTo(401);
    assertThat(get("/swagger-ui/index.html", "handler").statusCode()).isEqualTo(200);
    assertThat(get("/swagger-ui/index.html", "handler").body()).contains("swagger-ui");
  }

  @Test
  void listsEveryApiMappingOfEveryController() {
    Set<String> controllers = new TreeSet<>();
    for (Map.Entry<RequestMappingInfo, ?> entry : mappings.getHandlerMethods().entrySet()) {
      RequestMappingInfo info = entry.getKey();
      Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
      for (String pattern : info.getPatternValues()) {
        if (!pattern.startsWith("/api/")) {
          continue;
        }
        for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
          controllers.add(method.name() + " " + pattern);
        }
      }
    }
    Set<String> documented = new TreeSet<>();
    spec.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames()
        .forEachRemaining(method -> documented.add(method.toUpperCase() + " " + path.getKey())));

    assertThat(controllers).as("the application has /api mappings").hasSizeGreaterThan(20)
        .contains("POST /api/requests", "GET /api/supervision/overview");
    assertThat(documented).containsExactlyInAnyOrderElementsOf(controllers);
  }

  @Test
  void everyOperationIsDescribedInChineseWithItsParametersAndErrors() {
    List<String> problems = new ArrayList<>();
    spec.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
      String where = op.getKey().toUpperCase() + " " + path.getKey();
      JsonNode operation = op.getValue();
      if (!chinese(operation.path("summary").asText())) {
        problems.add(where + ": no Chinese summary");
      }
      if (!chinese(operation.path("tags").path(0).asText())) {
        problems.add(where + ": no Chinese tag");
      }
      for (JsonNode parameter : operation.path("parameters")) {
        if (!chinese(parameter.path("description").asText())) {
          problems.add(where + ": parameter " + parameter.path("name").asText() + " undescribed");
        }
      }
      operation.path("responses").fields().forEachRemaining(answer -> {
        if (!chinese(answer.getValue().path("description").asText())) {
          problems.add(where + ": answer " + answer.getKey() + " not described in Chinese");
        }
      });
      for (String status : List.of("400", "401", "403")) {
        JsonNode error = operation.path("responses").path(status);
        if (!chinese(error.path("description").asText()) || !error.path("content").path("application/json")
            .path("schema").path("$ref").asText().equals("#/components/schemas/ApiError")) {
          problems.add(where + ": answer " + status + " not described with the error shape");
        }
      }
    }));
    assertThat(problems).isEmpty();
  }

  @Test
  void theErrorShapeAndTheRequestBodiesAreDescribedFieldByField() {
    JsonNode schemas = spec.path("components").path("schemas");
    JsonNode error = schemas.path("ApiError").path("properties");
    assertThat(error.has("status") && error.has("message") && error.has("errors")).as(error.toString()).isTrue();
    JsonNode fieldError = schemas.path("ApiFieldError").path("properties");
    assertThat(chinese(fieldError.path("field").path("description").asText())).as(fieldError.toString()).isTrue();
    assertThat(chinese(fieldError.path("message").path("description").asText())).isTrue();

    JsonNode registration = spec.path("paths").path("/api/requests").path("post").path("requestBody")
        .path("content").path("application/json").path("schema").path("$ref");
    assertThat(registration.asText()).isEqualTo("#/components/schemas/Registration");
    List<String> undescribed = new ArrayList<>();
    for (String name : List.of("Registration", "DeliveryRequest", "RemedyInput", "ApiError", "ApiFieldError")) {
      Iterator<Map.Entry<String, JsonNode>> fields = schemas.path(name).path("properties").fields();
      assertThat(fields.hasNext()).as(name).isTrue();
      fields.forEachRemaining(f -> {
        if (!chinese(f.getValue().path("description").asText()) && !f.getValue().has("$ref")) {
          undescribed.add(name + "." + f.getKey());
        }
      });
    }
    assertThat(undescribed).isEmpty();
    assertThat(schemas.path("Registration").path("properties").path("receivedOn").path("description").asText())
        .contains("收到申请之日");
  }

  private static boolean chinese(String text) {
    return text != null && text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
  }

  private HttpResponse<String> get(String path, String user) throws Exception {
    return get(path, user, "demo");
  }

  private HttpResponse<String> get(String path, String user, String password) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Accept", "application/json");
    if (user != null) {
      request.header("Authorization", "Basic "
          + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}

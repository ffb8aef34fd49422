package cn.gongkai;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The application as a newcomer starts it: an empty H2 file database, demo users, real HTTP. */
class ApplicationIT {

  @TempDir Path dataDir;

  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

  ConfigurableApplicationContext start() {
    return new SpringApplicationBuilder(GongkaiApplication.class)
        .profiles("demo")
        .run("--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("gongkai") + ";LOCK_TIMEOUT=10000",
            "--server.port=0",
            "--camunda.bpm.job-execution.enabled=false");
  }

  HttpResponse<String> get(int port, String path, String user) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    if (user != null) {
      request.header("Authorization", "Basic "
          + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  @Test
  void startsOnAnEmptyDatabaseServesTheWebappsSecuresRestAndKeepsCasesAcrossARestart() throws Exception {
    String caseNumber;
    try (ConfigurableApplicationContext app = start()) {
      int port = ((WebServerApplicationContext) app).getWebServer().getPort();

      // both top-level folders were deployed: every process and every form
      RepositoryService repository = app.getBean(RepositoryService.class);
      assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("disclosure-request").count())
          .isEqualTo(1);
      String deploymentId = repository.createProcessDefinitionQuery().processDefinitionKey("disclosure-request")
          .singleResult().getDeploymentId();
      List<String> resources = repository.getDeploymentResourceNames(deploymentId);
      try (Stream<Path> forms = Files.list(Path.of("forms")); Stream<Path> bpmn = Files.list(Path.of("bpmn"))) {
        forms.forEach(f -> assertThat(resources).contains("forms/" + f.getFileName()));
        bpmn.forEach(f -> assertThat(resources).contains("bpmn/" + f.getFileName()));
      }

      // the webapps load, without sending anyone to a first-administrator setup page
      HttpResponse<String> welcome = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create("http://localhost:" + port + "/camunda/app/welcome/default/")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(welcome.statusCode()).isEqualTo(200);
      for (String app2 : List.of("welcome", "tasklist", "cockpit", "admin")) {
        HttpResponse<String> page = get(port, "/camunda/app/" + app2 + "/default/", null);
        assertThat(page.statusCode()).as(app2).isEqualTo(200);
        assertThat(page.body()).as(app2).contains("<html");
      }

      // the engine REST API wants credentials
      assertThat(get(port, "/engine-rest/engine", null).statusCode()).isEqualTo(401);
      assertThat(get(port, "/engine-rest/process-definition/count", "admin").statusCode()).isEqualTo(200);
      assertThat(get(port, "/api/cases/x", null).statusCode()).isEqualTo(401);
      // nobody can create an administrator from the web
      HttpResponse<String> setup = http.send(HttpRequest.newBuilder(
              URI.create("http://localhost:" + port + "/camunda/api/admin/setup/default/user/create"))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"profile\":{\"id\":\"x\"},\"credentials\":{\"password\":\"x\"}}"))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(setup.statusCode()).isEqualTo(403);

      // register one case through the API
      String body = """
          {"applicantType":"COMMERCIAL","applicantName":"楚雄某某建设有限公司","idType":"USCC",
           "idNumber":"91350100M000100Y43","phone":"0878-3123456","channel":"ONLINE",
           "receivedOn":"%s","description":"2025年度政府采购合同"}"""
          .formatted(LocalDate.now(ZoneId.of("Asia/Shanghai")));
      HttpResponse<String> created = http.send(HttpRequest.newBuilder(
              URI.create("http://localhost:" + port + "/api/requests"))
          .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("intake:demo".getBytes()))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      caseNumber = created.body().replaceAll(".*\"caseNumber\":\"([^\"]+)\".*", "$1");
    }

    // after a restart on the same files the case is still there
    try (ConfigurableApplicationContext app = start()) {
      assertThat(app.getBean(JdbcClient.class).sql("SELECT COUNT(*) FROM gk_disclosure_case WHERE case_number = ?")
          .param(caseNumber).query(Long.class).single()).isEqualTo(1);
      assertThat(app.getBean(RepositoryService.class).createProcessDefinitionQuery()
          .processDefinitionKey("disclosure-request").count()).as("no redeployment when nothing changed")
          .isEqualTo(1);
    }
  }
}

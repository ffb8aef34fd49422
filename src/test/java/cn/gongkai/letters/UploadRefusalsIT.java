package cn.gongkai.letters;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.agency.Agencies;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Broken uploads over real HTTP (Tomcat parses the multipart body): each answers 400 in Chinese naming the
 * part {@code file}, and no version is stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class UploadRefusalsIT {

  private static final String BOUNDARY = "----gongkai-test-boundary";

  @LocalServerPort int port;
  @Autowired Letters letters;
  @Autowired Agencies agencies;
  @Autowired JdbcClient jdbc;

  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();
  private StoredDocument refusal;

  @BeforeEach
  void caseWithALetter() {
    CaseRef ref = TestCases.disclosureCase(jdbc, agencies.defaultAgency().code());
    refusal = letters.generate(LetterKind.REFUSE, LetterSamples.data(ref, LetterKind.REFUSE, null), "legal");
  }

  HttpResponse<String> post(String path, String user, String contentType, byte[] body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes()))
        .header("Accept", "application/json")
        .header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  static byte[] multipart(String partHeaders, byte[] content) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(("--" + BOUNDARY + "\r\n" + partHeaders + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return body.toByteArray();
  }

  static byte[] docx() throws Exception {
    try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      document.createParagraph().createRun().setText("更正后的答复书");
      document.write(out);
      return out.toByteArray();
    }
  }

  record Upload(String contentType, byte[] body) {}

  @Test
  void refusesEveryBrokenUploadWith400NamingTheFileAndStoresNoVersion() throws Exception {
    String docxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    String withBoundary = "multipart/form-data; boundary=" + BOUNDARY;
    byte[] oversized = new byte[10 * 1024 * 1024 + 1];
    Map<String, Upload> uploads = new LinkedHashMap<>();
    uploads.put("a JSON body", new Upload("application/json", "{\"file\":\"x\"}".getBytes()));
    uploads.put("a multipart without boundary", new Upload("multipart/form-data",
        multipart("Content-Disposition: form-data; name=\"file\"; filename=\"a.docx\"", docx())));
    uploads.put("a part without Content-Disposition", new Upload(withBoundary,
        multipart("Content-Type: " + docxType, docx())));
    uploads.put("a NUL in the file name", new Upload(withBoundary,
        multipart("Content-Disposition: form-data; name=\"file\"; filename=\"a\u0000.docx\"\r\nContent-Type: "
            + docxType, docx())));
    uploads.put("an empty file", new Upload(withBoundary,
        multipart("Content-Disposition: form-data; name=\"file\"; filename=\"a.docx\"", new byte[0])));
    uploads.put("an oversized file", new Upload(withBoundary,
        multipart("Content-Disposition: form-data; name=\"file\"; filename=\"a.docx\"", oversized)));

    for (var upload : uploads.entrySet()) {
      for (String path : new String[] {"/api/documents/" + refusal.id() + "/versions",
          "/api/letters/templates/REFUSE/validation"}) {
        HttpResponse<String> response = post(path, "admin", upload.getValue().contentType(), upload.getValue().body());

        String what = upload.getKey() + " to " + path;
        assertThat(response.statusCode()).as(what + ": " + response.body()).isEqualTo(400);
        JsonNode error = json.readTree(response.body()).get("errors").get(0);
        assertThat(error.get("field").asText()).as(what).isEqualTo("file");
        assertThat(error.get("message").asText()).as(what).matches("(?s).*\\p{IsHan}.*");
      }
    }
    assertThat(letters.versions(refusal.id())).hasSize(1);

    // while a well-formed upload is taken
    HttpResponse<String> taken = post("/api/documents/" + refusal.id() + "/versions", "legal", withBoundary,
        multipart("Content-Disposition: form-data; name=\"file\"; filename=\"更正.docx\"\r\nContent-Type: "
            + docxType, docx()));
    assertThat(taken.statusCode()).as(taken.body()).isEqualTo(201);
  }

  @Test
  void refusesAMultipartWithoutBoundaryToTheCalendarLoad() throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/calendar/2027"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:demo".getBytes()))
        .header("Accept", "application/json")
        .header("Content-Type", "multipart/form-data")
        .PUT(HttpRequest.BodyPublishers.ofString("{\"year\":2027}"))
        .build();

    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(json.readTree(response.body()).get("message").asText()).matches("(?s).*\\p{IsHan}.*");
  }
}

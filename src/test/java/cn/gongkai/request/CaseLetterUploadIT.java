package cn.gongkai.request;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.letters.CaseRef;
import cn.gongkai.letters.LetterKind;
import cn.gongkai.letters.Letters;
import cn.gongkai.letters.StoredDocument;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The case page offers the corrected-version upload the forms promise, to the roles that may upload, until closing. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CaseLetterUploadIT {

  static final Pattern UPLOAD_FORM = Pattern.compile("<form[^>]*class=\"upload-version\" method=\"post\""
      + " enctype=\"multipart/form-data\"\\s+action=\"([^\"]+)\">");

  @Autowired ProcessEngine engine;
  @Autowired CaseRegister register;
  @Autowired Letters letters;
  @LocalServerPort int port;

  String base() {
    return "http://localhost:" + port;
  }

  static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
  }

  HttpResponse<String> page(String caseNumber, String user) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + "/cases/"
            + URLEncoder.encode(caseNumber, StandardCharsets.UTF_8)))
        .header("Authorization", basic(user)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** What the browser sends when the page's form is submitted: multipart, the page as Origin and Referer. */
  HttpResponse<String> submit(String action, String user, String caseNumber, byte[] file) throws Exception {
    String boundary = "----gongkaiFormBoundary7MA4YWxkTrZu0gW";
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"更正版.docx\"\r\n"
        + "Content-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document\r\n\r\n")
        .getBytes(StandardCharsets.UTF_8));
    body.write(file);
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + action.replace("&amp;", "&")))
        .header("Authorization", basic(user))
        .header("Origin", base())
        .header("Referer", base() + "/cases/" + URLEncoder.encode(caseNumber, StandardCharsets.UTF_8))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  @Test
  void theCasePageUploadsACorrectedLetterForEditorsAndNotOnceTheCaseIsClosed() throws Exception {
    ProcessInstance pi = new ProcessTestSupport(engine).startAsIntake(CaseFixtures.request("2026-11-20"));
    String caseNumber = pi.getBusinessKey();
    DisclosureCase c = register.findByNumber(caseNumber).orElseThrow();
    StoredDocument receipt = letters.documents(new CaseRef(CaseRef.DISCLOSURE, c.id(), caseNumber, c.agencyCode()))
        .stream().filter(d -> d.kind() == LetterKind.RECEIPT).findFirst().orElseThrow();
    assertThat(receipt.version()).isEqualTo(1);

    // the roles the API lets upload see the form; the supervisor (reads only) does not
    String handlerPage = page(caseNumber, "handler").body();
    Matcher form = UPLOAD_FORM.matcher(handlerPage);
    assertThat(form.find()).as("upload form on the handler's case page").isTrue();
    assertThat(form.group(1)).isEqualTo("/api/documents/" + receipt.id() + "/versions");
    assertThat(handlerPage).contains("上传更正版本", "可修改").doesNotContain("已归档，文书不可更改");
    assertThat(page(caseNumber, "intake").body()).containsPattern(UPLOAD_FORM);
    HttpResponse<String> supervisorPage = page(caseNumber, "supervisor");
    assertThat(supervisorPage.statusCode()).isEqualTo(200);
    assertThat(supervisorPage.body()).contains("收件回执").doesNotContain("上传更正版本", "upload-version");

    // submitting the form stores version 2, recorded as the handler's correction
    byte[] corrected = letters.content(receipt.id(), null).content();
    HttpResponse<String> uploaded = submit(form.group(1), "handler", caseNumber, corrected);
    assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
    assertThat(letters.get(receipt.id()).version()).isEqualTo(2);
    assertThat(letters.versions(receipt.id())).last().satisfies(v -> assertThat(v.toString()).contains("handler",
        "更正版.docx"));
    assertThat(page(caseNumber, "handler").body()).contains("<td class=\"document-version\">第2版</td>");

    // once closed the letters are the record: no form, a note, and the API refuses with 409 in Chinese
    register.close(c.id(), OffsetDateTime.now());
    String closedPage = page(caseNumber, "handler").body();
    assertThat(closedPage).contains("已归档，文书不可更改").doesNotContain("upload-version", "上传更正版本");
    HttpResponse<String> refused = submit(form.group(1), "handler", caseNumber, corrected);
    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(refused.body()).contains("案件 " + caseNumber + " 已归档，文书不可更改");
    assertThat(letters.get(receipt.id()).version()).isEqualTo(2);
  }
}

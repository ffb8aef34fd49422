package cn.gongkai.letters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongkai.agency.Agencies;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** The documents API as staff use it. */
@SpringBootTest
@ActiveProfiles("test")
class DocumentsApiIT {

  @Autowired WebApplicationContext context;
  @Autowired Letters letters;
  @Autowired CaseArchive archive;
  @Autowired Agencies agencies;
  @Autowired JdbcClient jdbc;
  @Autowired LetterPdf pdf;

  MockMvc mvc;
  CaseRef ref;
  StoredDocument refusal;

  @BeforeEach
  void caseWithALetter() {
    mvc = MockMvcBuilders.webAppContextSetup(context).build();
    ref = TestCases.disclosureCase(jdbc, agencies.defaultAgency().code());
    refusal = letters.generate(LetterKind.REFUSE, LetterSamples.data(ref, LetterKind.REFUSE, null), "legal");
  }

  /** The request as the authentication filter leaves it: user id, Camunda groups and agencies (the default one). */
  static RequestPostProcessor as(String user, String... groups) {
    return request -> {
      request.setRemoteUser(user);
      request.setAttribute("gongkai.agencies", java.util.Set.of("chuxiong"));
      for (String group : groups) {
        request.addUserRole(group);
      }
      return request;
    };
  }

  @Test
  void staffListACasesDocumentsWithDownloadLinks() throws Exception {
    // given a receipt besides the refusal
    letters.generate(LetterKind.RECEIPT, LetterSamples.data(ref, LetterKind.RECEIPT, null), "intake");

    // when a supervisor lists the case's documents / then kind, number, version, date and link are there
    mvc.perform(get("/api/cases/{caseNumber}/documents", ref.caseNumber()).with(as("sv", "supervisor")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$", hasSize(2)))
        .andExpect(jsonPath("$[0].kind").value("REFUSE"))
        .andExpect(jsonPath("$[0].title").value("不予公开答复书"))
        .andExpect(jsonPath("$[0].number").value(refusal.number()))
        .andExpect(jsonPath("$[0].version").value(1))
        .andExpect(jsonPath("$[0].issuedOn").value("2026-03-16"))
        .andExpect(jsonPath("$[0].downloadUrl").value("/api/documents/" + refusal.id() + "/content"))
        .andExpect(jsonPath("$[0].versions[0].downloadUrl").value("/api/documents/" + refusal.id() + "/content?version=1"))
        .andExpect(jsonPath("$[1].kind").value("RECEIPT"));
  }

  @Test
  void listingIsForStaffOnly() throws Exception {
    // given / when a drafter (policy interpretation) asks / then 403
    mvc.perform(get("/api/cases/{caseNumber}/documents", ref.caseNumber()).with(as("d", "drafter")))
        .andExpect(status().isForbidden());
    // and an unknown case is 404
    mvc.perform(get("/api/cases/{caseNumber}/documents", "〔1999〕第1号").with(as("h", "handler")))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.message").value("案件不存在：〔1999〕第1号"));
  }

  @Test
  void downloadServesTheDocxUnderItsChineseName() throws Exception {
    // when a handler downloads the refusal
    byte[] body = mvc.perform(get("/api/documents/{id}/content", refusal.id()).with(as("h", "handler")))
        .andExpect(status().isOk())
        .andExpect(header().string("Content-Type", DocumentContent.DOCX))
        .andExpect(header().string("Content-Disposition",
            "attachment; filename=\"document-" + refusal.id() + ".docx\"; filename*=UTF-8''"
                + DocumentsController.rfc5987(refusal.number() + "_不予公开答复书.docx")))
        .andReturn().getResponse().getContentAsByteArray();

    // then it is the stored letter (rendered after its commit or on this first read: the checksum it has now)
    assertThat(Sha256.of(body)).isEqualTo(letters.get(refusal.id()).sha256());
  }

  @Test
  void pdfIsOfferedWhenTheServerCanMakeIt() throws Exception {
    // when a handler asks for the refusal as PDF
    if (pdf.available()) {
      // then, with LibreOffice and a Chinese font installed, a PDF comes back
      byte[] body = mvc.perform(get("/api/documents/{id}/pdf", refusal.id()).with(as("h", "handler")))
          .andExpect(status().isOk())
          .andExpect(header().string("Content-Type", DocumentContent.PDF))
          .andReturn().getResponse().getContentAsByteArray();
      assertThat(new String(body, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    } else {
      // otherwise the server says why, in Chinese
      mvc.perform(get("/api/documents/{id}/pdf", refusal.id()).with(as("h", "handler")))
          .andExpect(status().isNotImplemented())
          .andExpect(jsonPath("$.message").value("服务器未安装 LibreOffice 或中文字体，无法生成 PDF，请下载 Word 文档"));
    }
  }

  @Test
  void uploadedCorrectionBecomesTheNextVersionUntilFrozen() throws Exception {
    // given a corrected file
    MockMultipartFile file = new MockMultipartFile("file", "更正.docx", DocumentContent.DOCX, LettersIT.docx("更正"));

    // when legal staff upload it / then it is version 2
    mvc.perform(multipart("/api/documents/{id}/versions", refusal.id()).file(file).with(as("l", "legal")))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.version").value(2))
        .andExpect(jsonPath("$.versions", hasSize(2)))
        .andExpect(jsonPath("$.versions[1].fileName").value("更正.docx"));

    // when the letter is frozen / then a further upload is refused with a Chinese message
    letters.freeze(refusal.id(), "leader");
    mvc.perform(multipart("/api/documents/{id}/versions", refusal.id()).file(file).with(as("l", "legal")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].message").value("文书 " + refusal.number() + " 已签发定稿，不能再产生新版本"));
    // and a supervisor may not upload at all
    mvc.perform(multipart("/api/documents/{id}/versions", refusal.id()).file(file).with(as("sv", "supervisor")))
        .andExpect(status().isForbidden());
  }

  @Test
  void deliveryIsRecordedThroughTheApi() throws Exception {
    // when intake records a posting / then the day of reply is the posting day
    mvc.perform(post("/api/documents/{id}/deliveries", refusal.id()).with(as("i", "intake"))
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"method\":\"POST\",\"postedOn\":\"2026-03-17\"}"))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.method").value("POST"))
        .andExpect(jsonPath("$.replyDate").value("2026-03-17"));
    mvc.perform(post("/api/documents/{id}/deliveries", refusal.id()).with(as("i", "intake"))
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"method\":\"POST\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("postedOn"));
  }

  @Test
  void archiveIsDownloadedAndVerified() throws Exception {
    // given an archived case
    mvc.perform(get("/api/cases/{caseNumber}/archive", ref.caseNumber()).with(as("a", "admin")))
        .andExpect(status().isNotFound());
    archive.write(new ArchiveInput(ref, "{}", List.of(), "office"));

    // when staff download it and ask for verification / then the zip comes and every file checks out
    mvc.perform(get("/api/cases/{caseNumber}/archive", ref.caseNumber()).with(as("a", "admin")))
        .andExpect(status().isOk())
        .andExpect(header().string("Content-Type", "application/zip"))
        .andExpect(header().string("Content-Disposition",
            endsWith(DocumentsController.rfc5987("归档_" + ref.caseNumber() + ".zip"))));
    mvc.perform(get("/api/cases/{caseNumber}/archive/verification", ref.caseNumber()).with(as("sv", "supervisor")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.valid").value(true))
        .andExpect(jsonPath("$.files[?(@.name == 'documents/01-REFUSE.docx')].ok").value(true))
        .andExpect(jsonPath("$.files[0].expected").isString())
        .andExpect(jsonPath("$.files[0].actual").isString());
  }

  @Test
  void templateStatusIsShownToTheOffice() throws Exception {
    // when the office asks which templates are in use / then every kind is listed, built-in here
    mvc.perform(get("/api/letters/templates").with(as("o", "office")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$", hasSize(LetterKind.values().length)))
        .andExpect(jsonPath("$[0].file").value("already-public.docx"))
        .andExpect(jsonPath("$[0].overridden").value(false));
    // and an edited template can be checked before it is put in place
    MockMultipartFile broken = new MockMultipartFile("file", "refuse.docx", DocumentContent.DOCX,
        LetterTemplatesTest.edit(letters.content(refusal.id(), null).content(), refusal.number(), "{{申请日期"));
    mvc.perform(multipart("/api/letters/templates/{kind}/validation", "REFUSE").file(broken).with(as("o", "office")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].file").value("refuse.docx"))
        .andExpect(jsonPath("$[0].message").value("标签“{{申请日期”缺少结束符“}}”"));
  }
}

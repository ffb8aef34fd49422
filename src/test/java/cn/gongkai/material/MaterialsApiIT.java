package cn.gongkai.material;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongkai.agency.Agencies;
import cn.gongkai.material.internal.SamplePdfs;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
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

/** The material REST contracts of issue 16 as staff use them. */
@SpringBootTest
@ActiveProfiles("test")
class MaterialsApiIT {

  private static final AtomicLong SEQ = new AtomicLong(960_000);
  private static final String ID = "11010519491231002X";
  private static final String PHONE = "13812345678";

  @Autowired WebApplicationContext context;
  @Autowired Agencies agencies;
  @Autowired JdbcClient jdbc;
  @Autowired Materials materials;
  @Autowired ObjectMapper json;

  MockMvc mvc;
  String agency;
  String caseNumber;
  byte[] pdf;

  @BeforeEach
  void aCaseOfTheDefaultAgency() throws Exception {
    mvc = MockMvcBuilders.webAppContextSetup(context).build();
    agency = agencies.defaultAgency().code();
    caseNumber = disclosureCase(agency);
    pdf = SamplePdfs.document(List.of(new SamplePdfs.Page()
        .text(50, 780, "申请人身份证号码" + ID + "，电话" + PHONE + "。")
        .text(50, 760, "本机关决定部分公开。")));
  }

  static RequestPostProcessor as(String user, String agency, String... groups) {
    return request -> {
      request.setRemoteUser(user);
      request.setAttribute("gongkai.agencies", Set.of(agency));
      for (String group : groups) {
        request.addUserRole(group);
      }
      return request;
    };
  }

  long attach(byte[] content, String name) throws Exception {
    String body = mvc.perform(multipart("/api/cases/{caseNumber}/materials", caseNumber)
            .file(new MockMultipartFile("file", name, "application/octet-stream", content))
            .with(as("h", agency, "handler")))
        .andExpect(status().isCreated())
        .andReturn().getResponse().getContentAsString();
    return json.readTree(body).path("id").asLong();
  }

  @Test
  void handlerAttachesAPdfAndStaffListIt() throws Exception {
    // when the handler attaches a PDF
    mvc.perform(multipart("/api/cases/{caseNumber}/materials", caseNumber)
            .file(new MockMultipartFile("file", "现场核查记录.pdf", "application/pdf", pdf))
            .with(as("h", agency, "handler")))
        // then 201 with its id, kind by content, checksum and pages
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.id").isNumber())
        .andExpect(jsonPath("$.kind").value("PDF"))
        .andExpect(jsonPath("$.fileName").value("现场核查记录.pdf"))
        .andExpect(jsonPath("$.pages").value(1))
        .andExpect(jsonPath("$.sha256").value(org.hamcrest.Matchers.hasLength(64)))
        .andExpect(jsonPath("$.uploadedBy").value("h"));
    // and an image becomes a one-page PDF
    java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
    javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(40, 30, java.awt.image.BufferedImage.TYPE_INT_RGB),
        "png", png);
    long image = attach(png.toByteArray(), "照片.png");
    assertThat(materials.get(image).kind()).isEqualTo(MaterialKind.IMAGE);
    assertThat(materials.get(image).pages()).isEqualTo(1);

    // when a supervisor lists the case's materials / then both are there, in order
    mvc.perform(get("/api/cases/{caseNumber}/materials", caseNumber).with(as("s", agency, "supervisor")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$", hasSize(2)))
        .andExpect(jsonPath("$[0].fileName").value("现场核查记录.pdf"))
        .andExpect(jsonPath("$[1].kind").value("IMAGE"));
  }

  @Test
  void refusesBadUploadsInChinese() throws Exception {
    // no file
    mvc.perform(multipart("/api/cases/{caseNumber}/materials", caseNumber).with(as("h", agency, "handler"))
            .accept(MediaType.APPLICATION_JSON))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("file"))
        .andExpect(jsonPath("$.errors[0].message").value("缺少上传的文件"));
    // a text file named .pdf: checked by content
    mvc.perform(multipart("/api/cases/{caseNumber}/materials", caseNumber)
            .file(new MockMultipartFile("file", "伪装.pdf", "application/pdf", "不是PDF".getBytes(StandardCharsets.UTF_8)))
            .with(as("h", agency, "handler")).accept(MediaType.APPLICATION_JSON))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("file"))
        .andExpect(jsonPath("$.errors[0].message").value("只能上传 PDF、Word（.docx）文档或 PNG、JPEG 图片"));
    // a damaged PDF
    mvc.perform(multipart("/api/cases/{caseNumber}/materials", caseNumber)
            .file(new MockMultipartFile("file", "坏.pdf", "application/pdf", "%PDF-1.7 garbage".getBytes()))
            .with(as("h", agency, "handler")).accept(MediaType.APPLICATION_JSON))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].message").value("无法读取 PDF 文件，文件可能已损坏"));
    // nothing half-stored
    assertThat(materials.list(caseNumber)).isEmpty();
  }

  @Test
  void onlyTheCasesAgencyAndTheRightRolesGetIn() throws Exception {
    // a reviewer may not attach
    mvc.perform(multipart("/api/cases/{caseNumber}/materials", caseNumber)
            .file(new MockMultipartFile("file", "a.pdf", "application/pdf", pdf))
            .with(as("r", agency, "reviewer")).accept(MediaType.APPLICATION_JSON))
        .andExpect(status().isForbidden());
    // an unknown case is 404
    mvc.perform(get("/api/cases/{caseNumber}/materials", "〔1999〕第1号").with(as("h", agency, "handler"))
            .accept(MediaType.APPLICATION_JSON))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.message").value("案件不存在：〔1999〕第1号"));
    // another agency's case answers as if it did not exist, and so do its materials
    long id = attach(pdf, "a.pdf");
    String other = "t-" + UUID.randomUUID().toString().substring(0, 8);
    mvc.perform(get("/api/cases/{caseNumber}/materials", caseNumber).with(as("x", other, "handler"))
            .accept(MediaType.APPLICATION_JSON))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.message").value("案件不存在：" + caseNumber));
    mvc.perform(get("/api/materials/{id}/redacted", id).with(as("x", other, "handler"))
            .accept(MediaType.APPLICATION_JSON))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.message").value("材料不存在：" + id));
    // a supervisor reads the redacted copy but not the original
    mvc.perform(get("/api/materials/{id}/original", id).with(as("s", agency, "supervisor"))
            .accept(MediaType.APPLICATION_JSON))
        .andExpect(status().isForbidden());
  }

  @Test
  void suggestionsRedactionAndReview() throws Exception {
    long id = attach(pdf, "答复附件.pdf");

    // the detector proposes the ID number and the phone, with page and box
    mvc.perform(get("/api/materials/{id}/suggestions", id).with(as("h", agency, "handler")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$", hasSize(2)))
        .andExpect(jsonPath("$[0].page").value(1))
        .andExpect(jsonPath("$[0].text").value(ID))
        .andExpect(jsonPath("$[0].kind").value("ID_NUMBER"))
        .andExpect(jsonPath("$[0].box", hasSize(4)))
        .andExpect(jsonPath("$[1].kind").value("PHONE"));

    // a bad code or a text that does not occur is refused, nothing stored
    mvc.perform(post("/api/materials/{id}/redactions", id).with(as("h", agency, "handler"))
            .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
            .content("[{\"text\": \"" + ID + "\", \"exemptionCode\": \"SECRET\"}]"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("marks[0].exemptionCode"));
    mvc.perform(post("/api/materials/{id}/redactions", id).with(as("h", agency, "handler"))
            .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
            .content("[{\"text\": \"不存在的文字\", \"exemptionCode\": \"THIRD_PARTY\"}]"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].message").value("材料中找不到这段文字：不存在的文字"));
    mvc.perform(post("/api/materials/{id}/redactions", id).with(as("h", agency, "handler"))
            .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
            .content("[{\"page\": 3, \"box\": [1, 2, 3, 4], \"exemptionCode\": \"THIRD_PARTY\"}]"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("marks[0].page"));
    assertThat(materials.marks(id)).isEmpty();

    // the handler marks the ID number by text and the phone by its suggested box
    float[] phoneBox = materials.suggestions(id).get(1).box();
    String marks = mvc.perform(post("/api/materials/{id}/redactions", id).with(as("h", agency, "handler"))
            .contentType(MediaType.APPLICATION_JSON)
            .content("[{\"text\": \"" + ID + "\", \"exemptionCode\": \"THIRD_PARTY\"},"
                + " {\"page\": 1, \"box\": [" + phoneBox[0] + ", " + phoneBox[1] + ", " + phoneBox[2] + ", "
                + phoneBox[3] + "], \"exemptionCode\": \"THIRD_PARTY\"}]"))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$", hasSize(2)))
        .andExpect(jsonPath("$[0].exemptionLabel").value("商业秘密或个人隐私"))
        .andExpect(jsonPath("$[0].state").value("PROPOSED"))
        .andExpect(jsonPath("$[0].markedBy").value("h"))
        .andReturn().getResponse().getContentAsString();
    JsonNode marked = json.readTree(marks);

    // the redacted copy has neither, the rest of the text stays
    byte[] redacted = mvc.perform(get("/api/materials/{id}/redacted", id).with(as("s", agency, "supervisor")))
        .andExpect(status().isOk())
        .andExpect(header().string("Content-Type", "application/pdf"))
        .andReturn().getResponse().getContentAsByteArray();
    try (PDDocument document = Loader.loadPDF(redacted)) {
      String text = new PDFTextStripper().getText(document);
      assertThat(text).doesNotContain(ID, PHONE).contains("申请人身份证号码", "本机关决定部分公开");
    }
    assertThat(materials.get(id).redacted()).isTrue();
    mvc.perform(get("/api/materials/{id}/pages/{n}.png", id, 1).param("redacted", "true")
            .with(as("r", agency, "reviewer")))
        .andExpect(status().isOk())
        .andExpect(header().string("Content-Type", "image/png"));
    mvc.perform(get("/api/materials/{id}/pages/{n}.png", id, 9).with(as("r", agency, "reviewer"))
            .accept(MediaType.APPLICATION_JSON))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("n"));

    // the secrecy reviewer returns one mark without a reason: refused; with a reason: returned
    long first = marked.get(0).path("id").asLong();
    long second = marked.get(1).path("id").asLong();
    mvc.perform(post("/api/materials/{id}/reviews", id).with(as("r", agency, "reviewer"))
            .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
            .content("[{\"markId\": " + first + ", \"approved\": false}]"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("reviews[0].reason"))
        .andExpect(jsonPath("$.errors[0].message").value("退回标注须说明理由"));
    mvc.perform(post("/api/materials/{id}/reviews", id).with(as("h", agency, "handler"))
            .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
            .content("[{\"markId\": " + first + ", \"approved\": true}]"))
        .andExpect(status().isForbidden());
    mvc.perform(post("/api/materials/{id}/reviews", id).with(as("r", agency, "reviewer"))
            .contentType(MediaType.APPLICATION_JSON)
            .content("[{\"markId\": " + first + ", \"approved\": true},"
                + " {\"markId\": " + second + ", \"approved\": false, \"reason\": \"电话号码为单位总机，可以公开\"}]"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].state").value("APPROVED"))
        .andExpect(jsonPath("$[0].reviewedBy").value("r"))
        .andExpect(jsonPath("$[1].state").value("RETURNED"))
        .andExpect(jsonPath("$[1].returnReason").value("电话号码为单位总机，可以公开"));
    Release release = materials.release(caseNumber);
    assertThat(release.allRedactionsApproved()).isFalse();

    // the handler drops the returned mark: the approved one stays, the release is approved
    mvc.perform(post("/api/materials/{id}/redactions", id).with(as("h", agency, "handler"))
            .contentType(MediaType.APPLICATION_JSON).content("[]"))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$", hasSize(1)))
        .andExpect(jsonPath("$[0].state").value("APPROVED"));
    release = materials.release(caseNumber);
    assertThat(release.allRedactionsApproved()).isTrue();
    assertThat(release.exemptionCodes()).containsExactly("THIRD_PARTY");
    assertThat(release.totalPages()).isEqualTo(1);

    // the archive keeps the original, the redacted copy, the log with every mark and the checksums
    List<String> names = materials.archiveEntries(caseNumber).stream().map(java.util.Map.Entry::getKey).toList();
    assertThat(names).containsExactly("originals/" + id + "-答复附件.pdf", "redacted/" + id + "-答复附件.pdf",
        "redaction-log.json", "checksums.sha256");
    String log = new String(materials.archiveEntries(caseNumber).get(2).getValue(), StandardCharsets.UTF_8);
    assertThat(log).contains("\"state\": \"RETURNED\"", "电话号码为单位总机，可以公开", "\"reviewedBy\": \"r\"");
  }

  /** A registered disclosure request of that agency, with a unique case number. */
  String disclosureCase(String agencyCode) {
    long seq = SEQ.incrementAndGet();
    String number = "〔2026〕第" + seq + "号";
    jdbc.sql("INSERT INTO gk_disclosure_case (agency_code, case_number, case_year, case_seq, applicant_type,"
            + " applicant_name, id_type, id_number, channel, received_on, description, status, registered_at)"
            + " VALUES (?, ?, 2026, ?, 'PERSON', '李明', 'ID_CARD', '530000000000000000', 'ONLINE', ?, ?, 'HANDLING', ?)")
        .params(agencyCode, number, seq, java.time.LocalDate.of(2026, 2, 10), "老旧小区改造资金拨付明细",
            OffsetDateTime.parse("2026-02-10T09:00:00+08:00"))
        .update();
    return number;
  }
}

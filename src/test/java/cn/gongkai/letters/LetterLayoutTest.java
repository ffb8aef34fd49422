package cn.gongkai.letters;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.agency.Agency;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;

/**
 * Every built-in letter, filled with realistic data the way a case fills it, checked from the .docx as an
 * office would check a printed letter: Chinese in the template's East-Asian font (no field in Times New Roman),
 * no doubled punctuation, 您 or 贵单位 by applicant, the legal basis once, the office's contact person and
 * telephone, and (where LibreOffice is installed) the signature, seal place and date on the page of the
 * body's last paragraph.
 */
class LetterLayoutTest {

  static final Agency AGENCY = new Agency("chuxiong", "楚雄彝族自治州人民政府办公室", "楚政办", "楚雄彝族自治州人民政府",
      "李华", "0878-3123456");
  static final CaseRef CASE = new CaseRef(CaseRef.DISCLOSURE, 7, "〔2026〕第15号", "chuxiong");
  static final Pattern CJK = Pattern.compile("[\\u4e00-\\u9fff]");
  static final Pattern DOUBLED = Pattern.compile("[。；，、：！？][。；，、：！？]");
  static final DocumentNumberFormat NUMBERS =
      new DocumentNumberFormat(LettersProperties.DEFAULT_NUMBER_PATTERN, Map.of());

  static LetterTemplates templates;

  @BeforeAll
  static void loadBuiltInTemplates() {
    LetterSamples.quietPoiTl();
    templates = new LetterTemplates(new LettersProperties(null, null, null, null, null));
  }

  /** What a clerk really types: sentences that end in 。, an address, a reason citing nothing twice. */
  static LetterData realistic(LetterKind kind, boolean organisation) {
    LetterData.Builder b = LetterData.builder(CASE)
        .applicantName(organisation ? "楚雄某某建设有限公司" : "张三丰")
        .organisation(organisation)
        .receivedOn(LocalDate.of(2026, 11, 2))
        .request("2025年楚雄市城市道路改造项目的立项批复文件及项目资金拨付明细")
        .decision("经查，该项目立项批复文件已于2025年6月在本机关门户网站公开。")
        .issuedOn(LocalDate.of(2026, 11, 20));
    for (LetterField field : kind.requiredData()) {
      switch (field) {
        case REASONS -> b.reasons("该信息涉及第三方商业秘密，第三方不同意公开。");
        case GUIDANCE -> b.guidance("请登录楚雄彝族自治州人民政府门户网站“政府信息公开”栏目查阅。");
        case DECISION -> b.decision("经查，该项目立项批复文件已于2025年6月在本机关门户网站公开。");
        case ARTICLES -> b.articles("《中华人民共和国政府信息公开条例》第三十六条第（七）项。");
        case REPLY_DUE -> b.replyDueOn(LocalDate.of(2026, 11, 30));
        case EXTENDED_DUE -> b.replyDueOn(LocalDate.of(2026, 11, 30)).extendedDueOn(LocalDate.of(2026, 12, 28));
        case CORRECTION_ITEMS -> b.correctionItems("1.请写明所需文件的名称或文号；\n2.请写明所需信息的形成时间。");
        case CORRECTION_DUE -> b.correctionDueOn(LocalDate.of(2026, 12, 11));
        case CONSULTATION_DUE -> b.consultationDueOn(LocalDate.of(2026, 12, 11));
        case FEE_AMOUNT -> b.feeAmount(new BigDecimal("200"));
        case FEE_BASIS -> b.feeBasis("按件计收：本月第11至12件，每件100元。");
        case FEE_DUE -> b.feeDueOn(LocalDate.of(2026, 12, 18));
        default -> throw new IllegalArgumentException(field.name());
      }
    }
    if (kind == LetterKind.NOT_THIS_AGENCY) {
      b.competentAgency("楚雄市住房和城乡建设局，联系电话0878-3000000。");
    }
    if (kind.audience() != LetterKind.Audience.APPLICANT) {
      b.addressee("楚雄某建筑工程有限公司");
    }
    if (kind.needsExemption()) {
      b.exemptionCode("THIRD_PARTY");
    }
    return b.build();
  }

  static byte[] render(LetterKind kind, LetterData data) {
    LetterModel.check(kind, data);
    String number = NUMBERS.format(AGENCY.shortName(), AGENCY.code(), kind, 2026, 12);
    return LetterRenderer.render(templates.template(kind), LetterModel.of(kind, data, AGENCY, number,
        data.issuedOn()));
  }

  @ParameterizedTest
  @EnumSource(LetterKind.class)
  void everyInsertedFieldIsSetInTheTemplatesChineseFont(LetterKind kind) throws IOException {
    try (XWPFDocument letter = new XWPFDocument(new ByteArrayInputStream(render(kind, realistic(kind, false))))) {
      List<String> wrong = new ArrayList<>();
      for (XWPFParagraph paragraph : letter.getParagraphs()) {
        for (XWPFRun run : paragraph.getRuns()) {
          String text = run.text();
          if (text != null && CJK.matcher(text).find()) {
            CTFonts fonts = run.getCTR().getRPr() == null || run.getCTR().getRPr().sizeOfRFontsArray() == 0 ? null
                : run.getCTR().getRPr().getRFontsArray(0);
            String eastAsia = fonts == null ? null : fonts.getEastAsia();
            if (!"仿宋_GB2312".equals(eastAsia) && !"方正小标宋简体".equals(eastAsia)) {
              wrong.add(text + " -> " + eastAsia);
            }
          }
        }
      }
      assertThat(wrong).as(kind + ": runs with Chinese text outside the template's fonts").isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(LetterKind.class)
  void readsAsOneCleanLetterForAPersonAndForAnOrganisation(LetterKind kind) {
    for (boolean organisation : new boolean[] {false, true}) {
      String text = LetterSamples.text(render(kind, realistic(kind, organisation)));
      String who = kind + (organisation ? " (organisation)" : " (person)");

      Matcher doubled = DOUBLED.matcher(text);
      assertThat(doubled.find() ? text.substring(Math.max(0, doubled.start() - 15), doubled.end()) : null)
          .as(who + ": doubled punctuation").isNull();
      assertThat(text).as(who).doesNotContain("您（单位）", "{{", "}}");
      if (kind.audience() == LetterKind.Audience.APPLICANT) {
        if (organisation) {
          assertThat(text).as(who).doesNotContain("您");
        } else {
          assertThat(text).as(who).doesNotContain("贵单位");
        }
      }
      // the legal basis is stated once
      assertThat(count(text, "\n依据：")).as(who + ": 依据 lines").isLessThanOrEqualTo(1);
      assertThat(count(text, "经查，该项目立项批复文件已于2025年6月在本机关门户网站公开")).as(who + ": decision text")
          .isLessThanOrEqualTo(1);
      assertThat(text).as(who).contains("联系人：李华，联系电话：0878-3123456");
    }
  }

  @Test
  void signatureSealAndDateShareThePageOfTheBodysLastParagraph() throws Exception {
    Assumptions.assumeTrue(soffice() != null, "LibreOffice (soffice) is not installed: page layout not checked"
        + " (apt-get install -y libreoffice-writer-nogui fonts-noto-cjk)");
    // every letter, and the same letter cut after the body's last paragraph (特此答复。 and the like),
    // laid out by LibreOffice in one run
    // kept under target/ so that a person can look at the PDFs
    Path work = Files.createDirectories(Path.of("target", "letter-layout"));
    for (LetterKind kind : LetterKind.values()) {
      byte[] letter = render(kind, realistic(kind, false));
      Files.write(work.resolve(kind.name() + "-full.docx"), letter);
      Files.write(work.resolve(kind.name() + "-body.docx"), withoutSignature(letter));
    }
    List<String> command = new ArrayList<>(List.of(soffice(), "-env:UserInstallation=" + work.resolve("profile").toUri(),
        "--headless", "--norestore", "--convert-to", "pdf", "--outdir", work.toString()));
    try (var files = Files.list(work)) {
      files.filter(f -> f.toString().endsWith(".docx")).map(Path::toString).sorted().forEach(command::add);
    }
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(work.resolve("convert.log").toFile()).start();
    assertThat(process.waitFor(10, TimeUnit.MINUTES)).as("LibreOffice finished").isTrue();

    // adding signature, seal place and date must not open a page of their own
    List<String> spilled = new ArrayList<>();
    for (LetterKind kind : LetterKind.values()) {
      int full = pages(Files.readAllBytes(work.resolve(kind.name() + "-full.pdf")));
      int body = pages(Files.readAllBytes(work.resolve(kind.name() + "-body.pdf")));
      assertThat(full).as(kind + " pages").isPositive();
      if (full != body) {
        spilled.add(kind + ": " + body + " page(s) of body, " + full + " with the signature");
      }
    }
    assertThat(spilled).isEmpty();
  }

  static String soffice() {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
      if (Files.isExecutable(Path.of(dir, "soffice"))) {
        return Path.of(dir, "soffice").toString();
      }
    }
    return null;
  }

  /** The letter with everything after the body's closing line (特此……。) removed. */
  static byte[] withoutSignature(byte[] docx) throws IOException {
    try (XWPFDocument letter = new XWPFDocument(new ByteArrayInputStream(docx))) {
      List<XWPFParagraph> paragraphs = letter.getParagraphs();
      int closing = -1;
      for (int i = 0; i < paragraphs.size(); i++) {
        if (paragraphs.get(i).getText().startsWith("特此")) {
          closing = i;
        }
      }
      assertThat(closing).as("closing line 特此……").isPositive();
      for (int i = paragraphs.size() - 1; i > closing; i--) {
        letter.removeBodyElement(letter.getPosOfParagraph(paragraphs.get(i)));
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      letter.write(out);
      return out.toByteArray();
    }
  }

  /** Pages of a PDF as LibreOffice writes it (one /Type /Page object per page). */
  static int pages(byte[] pdf) {
    Matcher page = Pattern.compile("/Type\\s*/Page[^s]").matcher(new String(pdf, StandardCharsets.ISO_8859_1));
    int n = 0;
    while (page.find()) {
      n++;
    }
    return n;
  }

  static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
      n++;
    }
    return n;
  }
}

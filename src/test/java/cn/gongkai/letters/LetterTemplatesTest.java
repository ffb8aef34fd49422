package cn.gongkai.letters;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Loading, checking and overriding letter templates. */
class LetterTemplatesTest {

  static LetterTemplates builtInOnly;

  @TempDir
  Path folder;

  @BeforeAll
  static void loadBuiltIns() {
    LetterSamples.quietPoiTl();
    builtInOnly = new LetterTemplates(new LettersProperties(null, null, null, null, null));
  }

  @ParameterizedTest
  @EnumSource(LetterKind.class)
  void builtInTemplateIsValid(LetterKind kind) {
    // given / when the built-in template is checked
    List<TemplateProblem> problems = builtInOnly.validate(kind, kind.templateFile(), builtInOnly.builtIn(kind));

    // then it has no problem
    assertThat(problems).isEmpty();
  }

  @Test
  @EnabledIfSystemProperty(named = "letters.regenerate", matches = "true")
  void regenerateBuiltInTemplates() throws IOException {
    // not a check: writes src/main/resources/letters from the generator when asked to
    BuiltInTemplateGenerator.writeAll(BuiltInTemplateGenerator.DEFAULT_TARGET);
  }

  @Test
  void committedTemplatesMatchTheGenerator(@TempDir Path regenerated) throws IOException {
    // given the generator's output
    BuiltInTemplateGenerator.writeAll(regenerated);

    // then every committed template has the same paragraphs (regenerate and commit after changing a text)
    for (LetterKind kind : LetterKind.values()) {
      assertThat(paragraphs(builtInOnly.builtIn(kind)))
          .as(kind.templateFile())
          .isEqualTo(paragraphs(Files.readAllBytes(regenerated.resolve(kind.templateFile()))));
    }
    assertThat(new String(getClass().getClassLoader().getResourceAsStream("letters/README.md").readAllBytes(),
        StandardCharsets.UTF_8)).isEqualTo(Files.readString(regenerated.resolve("README.md")));
  }

  @Test
  void officeTemplateInTheFolderOverridesTheBuiltInOne() throws IOException {
    // given an office's edited refusal template
    write(LetterKind.REFUSE, edit(builtInOnly.builtIn(LetterKind.REFUSE), "特此答复。", "特此答复。欢迎监督。"));

    // when templates are loaded
    LetterTemplates templates = new LetterTemplates(new LettersProperties(folder, null, null, null, null));

    // then the office's file is used for that kind only
    assertThat(LetterSamples.text(templates.template(LetterKind.REFUSE))).contains("欢迎监督");
    assertThat(templates.template(LetterKind.DISCLOSE)).isEqualTo(builtInOnly.builtIn(LetterKind.DISCLOSE));
    assertThat(templates.status()).filteredOn(s -> s.kind() == LetterKind.REFUSE)
        .singleElement()
        .satisfies(s -> assertThat(s.overridden()).isTrue());
    assertThat(templates.problems()).isEmpty();
  }

  @Test
  void agencyOwnTemplateOverridesTheOfficeTemplateForThatAgencyOnly() throws IOException {
    // given the office's refusal template and the 政务服务管理局's own one in its sub-folder
    write(LetterKind.REFUSE, edit(builtInOnly.builtIn(LetterKind.REFUSE), "特此答复。", "特此答复。欢迎监督。"));
    Path zwfw = Files.createDirectories(folder.resolve("zwfw"));
    Files.write(zwfw.resolve(LetterKind.REFUSE.templateFile()),
        edit(builtInOnly.builtIn(LetterKind.REFUSE), "特此答复。", "特此答复。政务服务管理局。"));

    // when templates are loaded
    LetterTemplates templates = new LetterTemplates(new LettersProperties(folder, null, null, null, null));

    // then zwfw's letters use its own file, other agencies the office's, other kinds the built-in one
    assertThat(LetterSamples.text(templates.template(LetterKind.REFUSE, "zwfw"))).contains("政务服务管理局。")
        .doesNotContain("欢迎监督");
    assertThat(LetterSamples.text(templates.template(LetterKind.REFUSE, "wsjk"))).contains("欢迎监督");
    assertThat(templates.template(LetterKind.DISCLOSE, "zwfw")).isEqualTo(builtInOnly.builtIn(LetterKind.DISCLOSE));
    // and a code that is not a plain folder name never reaches outside the folder
    assertThat(LetterSamples.text(templates.template(LetterKind.REFUSE, "../zwfw"))).contains("欢迎监督");
  }

  @Test
  void templateChangedWhileRunningIsUsedWithoutRestart() throws IOException {
    // given templates loaded from a folder without the receipt
    LetterTemplates templates = new LetterTemplates(new LettersProperties(folder, null, null, null, null));
    assertThat(templates.template(LetterKind.RECEIPT)).isEqualTo(builtInOnly.builtIn(LetterKind.RECEIPT));

    // when an office puts an edited receipt there
    write(LetterKind.RECEIPT, edit(builtInOnly.builtIn(LetterKind.RECEIPT), "特此回执。", "特此回执（新版）。"));

    // then the next letter uses it
    assertThat(LetterSamples.text(templates.template(LetterKind.RECEIPT))).contains("特此回执（新版）。");
  }

  @Test
  void templateWithSyntaxErrorIsRefusedAtLoadAndBuiltInKeepsWorking() throws IOException {
    // given an office template whose tag lacks its closing braces
    write(LetterKind.REFUSE, edit(builtInOnly.builtIn(LetterKind.REFUSE), "{{收件人}}：", "{{收件人："));

    // when templates are loaded
    LetterTemplates templates = new LetterTemplates(new LettersProperties(folder, null, null, null, null));

    // then the file is refused with a message naming file, kind, paragraph and fault
    assertThat(templates.problems()).extracting(TemplateProblem::describe)
        .contains("模板文件 refuse.docx（不予公开答复书）第5段：标签“{{收件人：”缺少结束符“}}”");
    // and the built-in template is used, so letters still come out right
    assertThat(templates.template(LetterKind.REFUSE)).isEqualTo(builtInOnly.builtIn(LetterKind.REFUSE));
    assertThat(templates.status()).filteredOn(s -> s.kind() == LetterKind.REFUSE)
        .singleElement()
        .satisfies(s -> assertThat(s.overridden()).isFalse());
  }

  @Test
  void templateReferringToAFieldThatDoesNotExistIsRefused() throws IOException {
    // given a template using a made-up field
    write(LetterKind.DISCLOSE, edit(builtInOnly.builtIn(LetterKind.DISCLOSE), "{{收到申请日期}}", "{{申请日期}}"));

    // when templates are loaded
    LetterTemplates templates = new LetterTemplates(new LettersProperties(folder, null, null, null, null));

    // then it is refused, naming the field, and the built-in one is used
    assertThat(templates.problems()).singleElement()
        .satisfies(p -> assertThat(p.describe()).startsWith("模板文件 disclose.docx（予以公开答复书）第6段：字段“{{申请日期}}”不存在。可用字段：发文机关、文号"));
    assertThat(templates.template(LetterKind.DISCLOSE)).isEqualTo(builtInOnly.builtIn(LetterKind.DISCLOSE));
  }

  @Test
  void templateWithoutTheRemedyClauseIsRefused() throws IOException {
    // given a reply template from which the remedy clause was deleted
    write(LetterKind.NOT_EXIST, edit(builtInOnly.builtIn(LetterKind.NOT_EXIST), "{{救济途径}}", ""));

    // when templates are loaded
    LetterTemplates templates = new LetterTemplates(new LettersProperties(folder, null, null, null, null));

    // then it is refused: a reply without remedy would let the applicant's window stretch to a year
    assertThat(templates.problems()).singleElement()
        .satisfies(p -> assertThat(p.describe()).isEqualTo(
            "模板文件 not-exist.docx（信息不存在答复书）缺少必需字段“{{救济途径}}”（行政复议、行政诉讼的告知，按决定类型自动生成）"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{{?理由}}说明：{{理由}}{{/理由}}|{{?理由}}说明：{{理由}}|“{{?理由}}”没有对应的结束标签“{{/理由}}”",
      "{{?理由}}说明：{{理由}}{{/理由}}|{{?理由}}说明：{{理由}}{{/主管机关}}|“{{/主管机关}}”与前面的“{{?理由}}”不配对",
      "{{答复决定}}|{{答复决定}}}}|多余的“}}”，前面没有对应的“{{”",
      "{{答复决定}}|{{ 答复决定 }}|标签“{{ 答复决定 }}”格式不正确，标签内只能写字段名，不能有空格或标点",
      "{{答复决定}}|{{@印章}}|标签“{{@印章}}”不支持的标签类型，只能使用 {{字段}}、{{?字段}}……{{/字段}}",
      "特此答复。|根据《中华人民共和国行政复议法》第二十三条，应当先申请行政复议。|模板中不得自行书写复议前置告知"})
  void malformedTemplateIsRefusedWithAClearMessage(String find, String replacement, String message) {
    // given the built-in not-exist template with one paragraph changed
    byte[] template = edit(builtInOnly.builtIn(LetterKind.NOT_EXIST), find, replacement);

    // when it is validated
    List<TemplateProblem> problems = builtInOnly.validate(LetterKind.NOT_EXIST, "not-exist.docx", template);

    // then the fault is named
    assertThat(problems).extracting(TemplateProblem::message).anySatisfy(m -> assertThat(m).startsWith(message));
  }

  @Test
  void fileThatIsNoWordDocumentIsRefused() throws IOException {
    // given a text file saved under a template's name
    Files.writeString(folder.resolve(LetterKind.RECEIPT.templateFile()), "not a docx");

    // when templates are loaded
    LetterTemplates templates = new LetterTemplates(new LettersProperties(folder, null, null, null, null));

    // then it is refused and the built-in receipt is used
    assertThat(templates.problems()).singleElement()
        .satisfies(p -> assertThat(p.message()).isEqualTo("不是有效的 Word 文档（.docx），无法打开"));
    assertThat(templates.template(LetterKind.RECEIPT)).isEqualTo(builtInOnly.builtIn(LetterKind.RECEIPT));
  }

  private void write(LetterKind kind, byte[] content) throws IOException {
    Path file = folder.resolve(kind.templateFile());
    Files.write(file, content);
    // a distinct time stamp, as a save in Word would give
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
  }

  /** The template with the first run containing {@code find} changed. */
  static byte[] edit(byte[] docx, String find, String replacement) {
    try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
      for (XWPFParagraph paragraph : document.getParagraphs()) {
        for (XWPFRun run : paragraph.getRuns()) {
          String text = run.getText(0);
          if (text != null && text.contains(find)) {
            run.setText(text.replace(find, replacement), 0);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.write(out);
            return out.toByteArray();
          }
        }
      }
      throw new IllegalArgumentException("not in template: " + find);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> paragraphs(byte[] docx) {
    try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
      return document.getParagraphs().stream().map(XWPFParagraph::getText).toList();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}

package cn.gongkai.letters;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.namespace.QName;
import org.apache.xmlbeans.XmlCursor;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

/**
 * Writes the built-in letter templates (src/main/resources/letters/*.docx and README.md) with Apache POI.
 * After changing a standard text, regenerate and commit them:
 * {@code ./mvnw -q -B test -Dtest='LetterTemplatesTest#regenerateBuiltInTemplates' -Dletters.regenerate=true}
 * (or run {@link #main} from the IDE). {@code LetterTemplatesTest} fails while they are out of date.
 *
 * <p>Layout follows GB/T 9704-2012 loosely: A4, title in 方正小标宋简体 二号, body in 仿宋_GB2312 三号,
 * fixed 24 pt lines (28 pt for titles), 25.4 mm top and bottom and 25 mm side margins, two-character first-line
 * indent; the closing line, signature, seal place and date are kept together on one page.
 */
final class BuiltInTemplateGenerator {

  static final Path DEFAULT_TARGET = Path.of("src/main/resources/letters");

  private static final String TITLE_FONT = "方正小标宋简体";
  private static final String BODY_FONT = "仿宋_GB2312";
  private static final String LATIN_FONT = "Times New Roman";
  private static final String W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

  private static final String OPENING = "本机关于{{收到申请日期}}收到您提出的政府信息公开申请（登记编号：{{案件编号}}），"
      + "申请获取：{{申请内容}}。";
  private static final String OUTCOME_OPENING = OPENING + "经审查，现答复如下：";
  private static final String ARTICLES = "依据：{{依据条款}}。";
  private static final String EXPLANATION = "{{?理由}}说明：{{理由}}{{/理由}}";
  /** The released material's page count (相关文件共 N 页), said only when material goes with the reply. */
  private static final String RELEASED = "{{?相关文件页数}}（随本答复书提供的相关文件共{{相关文件页数}}页）{{/相关文件页数}}";

  private BuiltInTemplateGenerator() {}

  public static void main(String[] args) throws IOException {
    Path target = args.length > 0 ? Path.of(args[0]) : DEFAULT_TARGET;
    writeAll(target);
    System.out.println("templates written to " + target.toAbsolutePath());
  }

  static void writeAll(Path target) throws IOException {
    Files.createDirectories(target);
    for (LetterKind kind : LetterKind.values()) {
      try (OutputStream out = Files.newOutputStream(target.resolve(kind.templateFile()))) {
        write(kind, out);
      }
    }
    Files.writeString(target.resolve("README.md"), readme(), StandardCharsets.UTF_8);
  }

  static void write(LetterKind kind, OutputStream out) throws IOException {
    try (XWPFDocument doc = new XWPFDocument()) {
      pageSetup(doc);
      Spec spec = spec(kind);
      line(doc, "{{发文机关}}", TITLE_FONT, 22, ParagraphAlignment.CENTER, false);
      line(doc, spec.heading, TITLE_FONT, 22, ParagraphAlignment.CENTER, false);
      line(doc, "{{文号}}", BODY_FONT, 16, ParagraphAlignment.CENTER, false);
      // half a line between the number and the addressee: the longest reply (部分公开) still ends on its page
      line(doc, "", BODY_FONT, 16, ParagraphAlignment.LEFT, false).setSpacingBetween(12, LineSpacingRule.EXACT);
      line(doc, "{{收件人}}：", BODY_FONT, 16, ParagraphAlignment.LEFT, false);
      for (int i = 0; i < spec.body.size(); i++) {
        XWPFParagraph body = line(doc, spec.body.get(i), BODY_FONT, 16, ParagraphAlignment.BOTH, true);
        if (i == spec.body.size() - 1) {
          // the closing line (特此答复。) is the last paragraph of the body: signature, seal place and date stay
          // on its page (GB/T 9704-2012 7.3.5: no page with the signature alone)
          keepWithNext(body);
        }
      }
      XWPFParagraph gap = line(doc, "", BODY_FONT, 16, ParagraphAlignment.LEFT, false);
      gap.setSpacingBetween(16, LineSpacingRule.EXACT);
      keepWithNext(gap);
      // the seal goes over the signature and the date; the place is marked on the signature's line
      keepWithNext(line(doc, "{{发文机关}}（盖章）", BODY_FONT, 16, ParagraphAlignment.RIGHT, false));
      line(doc, "{{发文日期}}", BODY_FONT, 16, ParagraphAlignment.RIGHT, false);
      line(doc, "{{?联系方式}}联系方式：{{联系方式}}{{/联系方式}}", BODY_FONT, 14, ParagraphAlignment.LEFT, false);
      doc.write(out);
    }
  }

  /** The heading and body paragraphs of a kind: the standard text (标准化答复文本) an office may edit. */
  static Spec spec(LetterKind kind) {
    String reply = "政府信息公开申请答复书";
    List<String> body = new ArrayList<>();
    String heading = reply;
    switch (kind) {
      case ALREADY_PUBLIC -> {
        body.add(OUTCOME_OPENING);
        body.add("您申请获取的政府信息，本机关已经主动公开。{{答复决定}}");
        body.add("获取方式和途径：{{指引}}");
      }
      case DISCLOSE -> {
        body.add(OUTCOME_OPENING);
        body.add("您申请获取的政府信息属于公开范围，本机关决定予以公开。{{答复决定}}");
        body.add("提供方式：{{指引}}" + RELEASED);
      }
      case PARTIAL -> {
        body.add(OUTCOME_OPENING);
        // Reg. Art. 37: the releasable part is provided, the withheld part is explained; kept to two paragraphs so
        // the signature stays on the body's page with the two-sentence remedy clause
        body.add("您申请获取的政府信息中部分内容不予公开，本机关作区分处理，对可以公开部分予以公开。{{答复决定}}"
            + "提供方式：{{指引}}" + RELEASED);
        body.add("不予公开部分的理由：{{理由}}");
      }
      case REFUSE -> {
        body.add(OUTCOME_OPENING);
        body.add("您申请获取的政府信息属于不予公开的范围，本机关决定不予公开。{{答复决定}}");
        body.add("理由：{{理由}}");
      }
      case NOT_EXIST -> {
        body.add(OUTCOME_OPENING);
        body.add("经检索查找，本机关未制作或者获取您申请公开的政府信息，该政府信息不存在。{{答复决定}}");
        body.add(EXPLANATION);
      }
      case NOT_THIS_AGENCY -> {
        body.add(OUTCOME_OPENING);
        body.add("您申请获取的政府信息不属于本机关负责公开的范围。{{答复决定}}");
        body.add(EXPLANATION);
        body.add("{{?主管机关}}经查，负责公开该政府信息的行政机关为：{{主管机关}}。您可以向该机关提出申请。{{/主管机关}}");
      }
      case NEEDS_CREATION -> {
        body.add(OUTCOME_OPENING);
        body.add("您申请获取的信息需要本机关对现有政府信息进行加工、分析或者重新制作才能形成，"
            + "本机关不负有制作、加工、分析的义务，不予提供。{{答复决定}}");
        body.add(EXPLANATION);
      }
      case UNCLEAR_AFTER_CORRECTION -> {
        body.add(OUTCOME_OPENING);
        body.add("本机关已书面告知您对申请作出补正。您补正后的申请内容仍不明确，本机关无法确定您所需的政府信息，"
            + "无法向您提供。{{答复决定}}");
        body.add(EXPLANATION);
      }
      case PETITION -> {
        body.add(OUTCOME_OPENING);
        body.add("您以政府信息公开申请的形式提出的是信访、投诉、举报等诉求，本机关不作为政府信息公开申请处理。{{答复决定}}");
        body.add("您可以通过以下渠道提出：{{指引}}");
      }
      case REPEAT -> {
        body.add(OUTCOME_OPENING);
        body.add("本机关已就您此前提出的政府信息公开申请作出答复，您本次重复申请公开相同的政府信息，本机关不予重复处理。{{答复决定}}");
        body.add(EXPLANATION);
      }
      case PUBLICATION -> {
        body.add(OUTCOME_OPENING);
        body.add("您要求提供的是政府公报、报刊、书籍等公开出版物，不作为政府信息公开申请处理。{{答复决定}}");
        body.add("获取途径：{{指引}}");
      }
      case UNREASONABLE_VOLUME -> {
        body.add(OUTCOME_OPENING);
        body.add("您申请公开政府信息的数量、频次明显超过合理范围。经要求您说明理由，本机关认为申请理由不合理，决定不予处理。{{答复决定}}");
        body.add("理由：{{理由}}");
      }
      case CONFIRM_REISSUE -> {
        body.add(OUTCOME_OPENING);
        body.add("您要求本机关确认或者重新出具您已经获取的信息，该请求不属于获取政府信息的申请，本机关不作为政府信息公开申请处理。{{答复决定}}");
        body.add(EXPLANATION);
      }
      case NO_CORRECTION -> {
        body.add(OUTCOME_OPENING);
        body.add("本机关已书面告知您在规定期限内对申请作出补正。您无正当理由逾期未补正，视为放弃申请，"
            + "本机关不再处理该政府信息公开申请。{{答复决定}}");
      }
      case FEE_UNPAID -> {
        body.add(OUTCOME_OPENING);
        body.add("本机关已书面通知您缴纳信息处理费。您未在规定期限内缴纳，视为放弃申请，本机关不再处理该政府信息公开申请。{{答复决定}}");
      }
      case OTHER -> {
        body.add(OUTCOME_OPENING);
        body.add("{{答复决定}}");
        body.add("理由：{{理由}}");
      }
      case RECEIPT -> {
        heading = "政府信息公开申请收件回执";
        body.add(OPENING);
        body.add("本机关将依法自收到申请之日起20个工作日内，即于{{答复期限}}前作出答复；需要延长答复期限的，将另行书面告知。"
            + "依法征求第三方或者其他机关意见所需时间不计算在答复期限内。{{答复决定}}");
      }
      case CORRECTION_NOTICE -> {
        heading = "政府信息公开申请补正告知书";
        body.add(OPENING + "经审查，您的申请内容不明确，请您按照以下要求对申请作出补正：");
        body.add("{{补正事项}}");
        body.add("请于{{补正期限}}前向本机关提交补正后的申请。答复期限自本机关收到补正后的申请之日起计算。"
            + "无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。{{答复决定}}");
      }
      case EXTENSION_NOTICE -> {
        heading = "政府信息公开申请延期答复告知书";
        body.add(OPENING);
        body.add("延期理由：{{理由}}");
        body.add("经本机关政府信息公开工作机构负责人同意，答复期限延长，延长的期限不超过20个工作日。"
            + "本机关将于{{延长后答复期限}}前作出答复。{{答复决定}}");
      }
      case THIRD_PARTY_CONSULTATION -> {
        heading = "政府信息公开征求第三方意见书";
        body.add("本机关于{{收到申请日期}}收到一份政府信息公开申请（登记编号：{{案件编号}}），申请获取：{{申请内容}}。"
            + "经审查，公开该政府信息可能损害贵方的合法权益，现书面征求贵方意见。{{答复决定}}");
        body.add("请于{{回复期限}}前（自收到本意见书之日起15个工作日内）书面提出是否同意公开的意见及理由。"
            + "逾期未提出意见的，由本机关依照《中华人民共和国政府信息公开条例》的规定决定是否公开。"
            + "第三方不同意公开且有合理理由的，本机关不予公开；本机关认为不公开可能对公共利益造成重大影响的，可以决定予以公开，"
            + "并将决定公开的政府信息内容和理由书面告知第三方。");
      }
      case AGENCY_CONSULTATION -> {
        heading = "政府信息公开征求意见函";
        body.add("本机关于{{收到申请日期}}收到一份政府信息公开申请（登记编号：{{案件编号}}），申请获取：{{申请内容}}。"
            + "该政府信息由本机关与贵机关共同制作，现征求贵机关意见。{{答复决定}}");
        body.add("请于{{回复期限}}前（自收到本函之日起15个工作日内）书面提出意见。逾期未提出意见的，视为同意公开。");
      }
      case FEE_NOTICE -> {
        heading = "政府信息公开信息处理费收费通知书";
        body.add(OPENING + "因您申请公开政府信息的数量、频次明显超过合理范围，本机关依法收取信息处理费。{{答复决定}}");
        body.add("计费依据：{{计费依据}}");
        body.add("应缴金额：人民币{{费用金额}}元。");
        body.add("请您于{{缴费期限}}前（自收到本通知之日的次日起20个工作日内）缴纳。{{?缴费方式}}缴费方式：{{缴费方式}}。{{/缴费方式}}"
            + "逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请。");
      }
      case NOT_HANDLED_NOTICE -> {
        heading = "政府信息公开申请不予处理告知书";
        body.add("本机关于{{收到申请日期}}收到您以政府信息公开申请形式提出的申请（登记编号：{{案件编号}}），"
            + "内容为：{{申请内容}}。经审查，该申请不属于政府信息公开申请，本机关不作为政府信息公开申请处理。{{答复决定}}");
        body.add("理由：{{理由}}");
        body.add("{{?指引}}您可以通过以下渠道提出：{{指引}}{{/指引}}");
      }
      default -> throw new IllegalArgumentException(kind.name());
    }
    body.add(ARTICLES);
    if (kind.carriesRemedy()) {
      body.add("{{救济途径}}");
    }
    body.add(switch (kind) {
      case RECEIPT -> "特此回执。";
      case THIRD_PARTY_CONSULTATION, AGENCY_CONSULTATION -> "特此函告。";
      case FEE_NOTICE -> "特此通知。";
      default -> kind.isOutcome() ? "特此答复。" : "特此告知。";
    });
    return new Spec(heading, body);
  }

  /** What the generator writes for one kind. */
  record Spec(String heading, List<String> body) {}

  private static void keepWithNext(XWPFParagraph paragraph) {
    (paragraph.getCTP().isSetPPr() ? paragraph.getCTP().getPPr() : paragraph.getCTP().addNewPPr()).addNewKeepNext();
  }

  private static XWPFParagraph line(
      XWPFDocument doc, String text, String font, int points, ParagraphAlignment alignment, boolean indent) {
    XWPFParagraph paragraph = doc.createParagraph();
    paragraph.setAlignment(alignment);
    paragraph.setSpacingBetween(points > 16 ? 28 : 24, LineSpacingRule.EXACT);
    if (indent) {
      paragraph.setIndentationFirstLine(points * 20 * 2);
    }
    if (text.isEmpty()) {
      return paragraph;
    }
    XWPFRun run = paragraph.createRun();
    run.setText(text);
    run.setFontSize(points);
    run.setFontFamily(LATIN_FONT, XWPFRun.FontCharRange.ascii);
    run.setFontFamily(LATIN_FONT, XWPFRun.FontCharRange.hAnsi);
    run.setFontFamily(font, XWPFRun.FontCharRange.eastAsia);
    return paragraph;
  }

  private static void pageSetup(XWPFDocument doc) {
    // A value with line breaks (e.g. numbered correction items) must not be stretched across justified lines.
    // (CTCompat is not in poi-ooxml-lite, hence the cursor; the settings part is empty, so order is no issue.)
    try (XmlCursor cursor = doc.getSettings().getCTSettings().newCursor()) {
      cursor.toEndToken();
      cursor.beginElement(new QName(W_NS, "compat", "w"));
      cursor.insertElement(new QName(W_NS, "doNotExpandShiftReturn", "w"));
    }
    CTSectPr section = doc.getDocument().getBody().addNewSectPr();
    CTPageSz size = section.addNewPgSz();
    size.setW(BigInteger.valueOf(11906));
    size.setH(BigInteger.valueOf(16838));
    CTPageMar margins = section.addNewPgMar();
    // 25.4 mm top and bottom (GB/T 9704 asks 37 mm / 35 mm for 公文 with a red header, which letters lack):
    // a reply with its remedy clause, signature, seal place and date fits one page. Tried in LibreOffice with
    // the full GB/T 9704-2012 geometry (margins 37/35/28/26 mm, 22 lines of 28.95 pt, 28 characters a line):
    // every built-in letter takes two pages, and the receipt, the extension notice and the consultation of
    // another agency end their body on page 1 and need page 2 for the signature block alone (with the closing
    // line kept with it), so the letters keep this geometry.
    margins.setTop(BigInteger.valueOf(1440));
    margins.setBottom(BigInteger.valueOf(1440));
    margins.setLeft(BigInteger.valueOf(1418));
    margins.setRight(BigInteger.valueOf(1418));
  }

  static String readme() {
    StringBuilder s = new StringBuilder();
    s.append("# 文书模板说明\n\n");
    s.append("本目录是系统内置的文书模板（Word .docx）。如需修改文书的标准文本，请复制对应文件到配置项\n");
    s.append("`gongkai.letters.template-dir` 指定的目录，用 Word 编辑后保存，文件名保持不变；该目录中的同名文件优先于内置模板，\n");
    s.append("修改后无需重新编译或重启，下一份文书即按新模板生成。\n\n");
    s.append("模板中的 `{{字段名}}` 在生成时替换为案件数据；`{{?字段名}}……{{/字段名}}` 之间的内容仅在该字段有值时保留。\n");
    s.append("模板有语法错误（如缺少 `}}`）、引用了不存在的字段或缺少必需字段时，系统拒绝使用该模板、记录原因，并继续使用内置模板。\n");
    s.append("救济途径（含不予公开时的复议前置告知）由系统按决定类型自动生成，请勿在模板中自行书写。\n\n");
    s.append("## 文件\n\n| 文件 | 文书 | 必需字段 |\n|---|---|---|\n");
    for (LetterKind kind : LetterKind.values()) {
      s.append("| ").append(kind.templateFile()).append(" | ").append(kind.title()).append(" | ");
      s.append(String.join("、", kind.requiredTags().stream().sorted().map(f -> "{{" + f.tag() + "}}").toList()));
      s.append(" |\n");
    }
    s.append("\n## 字段\n\n| 字段 | 含义 |\n|---|---|\n");
    for (LetterField field : LetterField.values()) {
      s.append("| {{").append(field.tag()).append("}} | ").append(field.description()).append(" |\n");
    }
    return s.toString();
  }
}

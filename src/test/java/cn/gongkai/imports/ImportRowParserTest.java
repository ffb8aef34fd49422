package cn.gongkai.imports;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.request.ApplicantType;
import cn.gongkai.request.Channel;
import cn.gongkai.request.ExemptionCode;
import cn.gongkai.request.IdType;
import cn.gongkai.request.Outcome;
import cn.gongkai.calendar.WorkingDays;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** One row of the import template checked cell by cell, and files read into rows; no Spring. */
class ImportRowParserTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
  private final ImportRowParser parser = new ImportRowParser(TODAY, 20,
      (received, extension) -> WorkingDays.builtIn().deadline(received, 20 + extension).due());
  private final List<ImportProblem> problems = new ArrayList<>();

  /** A refusal with an exemption, an extension, entered by its Chinese labels as the template shows them. */
  private static Map<ImportColumn, String> refusal() {
    Map<ImportColumn, String> cells = new EnumMap<>(ImportColumn.class);
    cells.put(ImportColumn.SOURCE_NUMBER, "楚政办依申请〔2026〕12号");
    cells.put(ImportColumn.APPLICANT_TYPE, "自然人");
    cells.put(ImportColumn.APPLICANT_NAME, "张三");
    cells.put(ImportColumn.ID_TYPE, "居民身份证");
    cells.put(ImportColumn.ID_NUMBER, "11010519491231002x");
    cells.put(ImportColumn.PHONE, "13800000000");
    cells.put(ImportColumn.CHANNEL, "邮寄(签收)");
    cells.put(ImportColumn.RECEIVED_ON, "2026/3/2");
    cells.put(ImportColumn.DESCRIPTION, "2025年本市老旧小区改造项目清单");
    cells.put(ImportColumn.OUTCOME, "不予公开");
    cells.put(ImportColumn.EXEMPTION, "属于四类过程性信息");
    cells.put(ImportColumn.EXTENSION_DAYS, "10");
    cells.put(ImportColumn.OVERDUE, "否");
    cells.put(ImportColumn.REPLIED_ON, "2026年4月10日");
    return cells;
  }

  private Optional<ImportedCase> parse(Map<ImportColumn, String> cells) {
    return parser.parse(new ImportRow(5, cells), problems);
  }

  private List<String> messages() {
    return problems.stream().map(ImportProblem::text).toList();
  }

  @Test
  void readsARowWrittenWithTheChineseLabels() {
    ImportedCase c = parse(refusal()).orElseThrow();

    assertThat(problems).isEmpty();
    assertThat(c.row()).isEqualTo(5);
    assertThat(c.sourceNumber()).isEqualTo("楚政办依申请〔2026〕12号");
    assertThat(c.request().applicantType()).isEqualTo(ApplicantType.NATURAL_PERSON);
    assertThat(c.request().idType()).isEqualTo(IdType.ID_CARD);
    // upper-cased as registration does
    assertThat(c.request().idNumber()).isEqualTo("11010519491231002X");
    assertThat(c.request().channel()).isEqualTo(Channel.SIGNED_POST);
    assertThat(c.request().receivedOn()).isEqualTo(LocalDate.of(2026, 3, 2));
    assertThat(c.outcome()).isEqualTo(Outcome.REFUSE);
    assertThat(c.exemption()).isEqualTo(ExemptionCode.PROCESS_INFO);
    assertThat(c.extensionWorkingDays()).isEqualTo(10);
    assertThat(c.overdue()).isFalse();
    assertThat(c.repliedOn()).isEqualTo(LocalDate.of(2026, 4, 10));
    // concluded on the day of reply when no closing day is given
    assertThat(c.closedOn()).isEqualTo(LocalDate.of(2026, 4, 10));
  }

  @Test
  void acceptsTheRegistersCodesInsteadOfLabels() {
    Map<ImportColumn, String> cells = refusal();
    cells.put(ImportColumn.APPLICANT_TYPE, "LEGAL_SERVICE");
    cells.put(ImportColumn.ID_TYPE, "USCC");
    cells.put(ImportColumn.ID_NUMBER, "31530000MD01234567");
    cells.put(ImportColumn.CHANNEL, "ONLINE");
    cells.put(ImportColumn.OUTCOME, "PARTIAL");
    cells.put(ImportColumn.EXEMPTION, "THIRD_PARTY");

    ImportedCase c = parse(cells).orElseThrow();

    assertThat(c.request().applicantType()).isEqualTo(ApplicantType.LEGAL_SERVICE);
    assertThat(c.outcome()).isEqualTo(Outcome.PARTIAL);
    assertThat(c.exemption()).isEqualTo(ExemptionCode.THIRD_PARTY);
  }

  @Test
  void refusesAWrongCheckDigitWithTheRegistrationsMessageNamingRowAndColumn() {
    Map<ImportColumn, String> cells = refusal();
    cells.put(ImportColumn.ID_NUMBER, "110105194912310021");

    assertThat(parse(cells)).isEmpty();
    assertThat(messages()).containsExactly("第5行“证件号码”：证件号码不是有效的居民身份证号码（校验位不符）");
    assertThat(problems.get(0).field()).isEqualTo("证件号码");
  }

  @Test
  void listsEveryBadCellOfTheRowAtOnce() {
    Map<ImportColumn, String> cells = refusal();
    cells.put(ImportColumn.APPLICANT_TYPE, "个人");
    cells.remove(ImportColumn.PHONE);
    cells.put(ImportColumn.RECEIVED_ON, "2026-02-30");
    cells.put(ImportColumn.EXTENSION_DAYS, "25");
    cells.put(ImportColumn.OVERDUE, "不清楚");

    assertThat(parse(cells)).isEmpty();
    assertThat(messages()).containsExactlyInAnyOrder(
        "第5行“申请人类型”：“个人”不是有效的申请人类型，可填：自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他组织",
        "第5行“联系电话”：联系电话为必填项",
        "第5行“收到申请日期”：“2026-02-30”不是有效日期（格式：年-月-日，如 2026-03-05）",
        "第5行“延期工作日数”：延期工作日数须为1至20之间的整数（条例第三十三条第二款），未延期不填",
        "第5行“是否超期”：是否超期只能填“是”或“否”");
  }

  @Test
  void refusesAReplyBeforeReceiptAndDatesOutsideTwoThousandToToday() {
    Map<ImportColumn, String> cells = refusal();
    cells.put(ImportColumn.REPLIED_ON, "2026-03-01");
    assertThat(parse(cells)).isEmpty();
    assertThat(messages()).containsExactly("第5行“答复日期”：答复日期不能早于收到申请日期（2026-03-02）");

    problems.clear();
    cells = refusal();
    cells.put(ImportColumn.RECEIVED_ON, "1999-12-31");
    cells.put(ImportColumn.REPLIED_ON, "2026-11-26");
    assertThat(parse(cells)).isEmpty();
    assertThat(messages()).containsExactlyInAnyOrder(
        "第5行“收到申请日期”：收到申请日期不能早于2000年1月1日",
        "第5行“答复日期”：答复日期不能晚于今天（2026-11-25）");
  }

  @Test
  void asksForTheExemptionOnlyWhereInformationIsWithheld() {
    Map<ImportColumn, String> cells = refusal();
    cells.remove(ImportColumn.EXEMPTION);
    assertThat(parse(cells)).isEmpty();
    assertThat(messages()).containsExactly("第5行“不予公开理由”：办理结果为“不予公开”时必须填写不予公开理由");

    problems.clear();
    cells = refusal();
    cells.put(ImportColumn.OUTCOME, "予以公开");
    assertThat(parse(cells)).isEmpty();
    assertThat(messages()).containsExactly(
        "第5行“不予公开理由”：只有不予公开或部分公开的案件填写不予公开理由，“予以公开”不填");
  }

  @Test
  void closesADeemedWithdrawalOnItsClosingDayWithoutAReply() {
    Map<ImportColumn, String> cells = refusal();
    cells.put(ImportColumn.OUTCOME, "逾期未补正，视为放弃申请");
    cells.remove(ImportColumn.EXEMPTION);
    cells.remove(ImportColumn.EXTENSION_DAYS);
    cells.put(ImportColumn.OVERDUE, "是");

    assertThat(parse(cells)).isEmpty();
    assertThat(messages()).containsExactlyInAnyOrder(
        "第5行“答复日期”：“逾期未补正，视为放弃申请”的案件没有答复，不填答复日期，请填写办结日期",
        "第5行“办结日期”：“逾期未补正，视为放弃申请”的案件必须填写办结日期",
        "第5行“是否超期”：视为放弃申请的案件没有答复，不能为超期");

    problems.clear();
    cells.remove(ImportColumn.REPLIED_ON);
    cells.remove(ImportColumn.OVERDUE);
    cells.put(ImportColumn.CLOSED_ON, "2026-03-30");
    ImportedCase c = parse(cells).orElseThrow();
    assertThat(c.repliedOn()).isNull();
    assertThat(c.closedOn()).isEqualTo(LocalDate.of(2026, 3, 30));
  }

  @Test
  void takesAFeeOnlyWithItsPaymentOrAsUnpaid() {
    Map<ImportColumn, String> cells = refusal();
    cells.put(ImportColumn.FEE_AMOUNT, "100");
    assertThat(parse(cells)).isEmpty();
    assertThat(messages()).containsExactly(
        "第5行“缴费日期”：收取信息处理费的案件必须填写缴费日期（未缴费的办理结果为逾期未缴纳信息处理费）");

    problems.clear();
    cells.put(ImportColumn.FEE_PAID_ON, "2026-04-11");
    assertThat(parse(cells)).isEmpty();
    assertThat(messages()).containsExactly("第5行“缴费日期”：缴费日期不能晚于答复日期（2026-04-10）");

    problems.clear();
    cells.put(ImportColumn.FEE_PAID_ON, "2026-04-01");
    cells.put(ImportColumn.FEE_AMOUNT, "100.5");
    ImportedCase paid = parse(cells).orElseThrow();
    assertThat(paid.feeAmount()).isEqualTo(new BigDecimal("100.50"));
    assertThat(paid.feePaidOn()).isEqualTo(LocalDate.of(2026, 4, 1));

    cells.put(ImportColumn.FEE_AMOUNT, "0.001");
    assertThat(parse(cells)).isEmpty();
    assertThat(messages()).containsExactly("第5行“信息处理费（元）”：信息处理费（元）须为大于0的金额（元），最多两位小数；未收费不填");
  }

  @Test
  void readsCsvInUtf8WithBomAndInGb18030WithQuotedFields() {
    String csv = "原编号,申请人类型,申请人姓名/名称,证件类型,证件号码,联系电话,渠道,收到申请日期,申请内容摘要,办理结果,答复日期\r\n"
        + "A-1,自然人,张三,居民身份证,11010519491231002X,13800000000,网络,2026-03-02,\"清单，含\"\"引号\"\"\n第二行\",予以公开,2026-03-20\r\n"
        + ",,,,,,,,,,\r\n";
    byte[] utf8 = ("\uFEFF" + csv).getBytes(StandardCharsets.UTF_8);
    byte[] gb = csv.getBytes(Charset.forName("GB18030"));

    for (byte[] content : List.of(utf8, gb)) {
      ImportSheet sheet = ImportSheet.read(content);
      assertThat(sheet.problems()).isEmpty();
      assertThat(sheet.rows()).hasSize(1);
      ImportRow row = sheet.rows().get(0);
      assertThat(row.number()).isEqualTo(2);
      assertThat(row.get(ImportColumn.SOURCE_NUMBER)).isEqualTo("A-1");
      assertThat(row.get(ImportColumn.DESCRIPTION)).isEqualTo("清单，含\"引号\"\n第二行");
      assertThat(row.get(ImportColumn.REPLIED_ON)).isEqualTo("2026-03-20");
    }
  }

  @Test
  void refusesAFileWhoseHeadersAreNotTheTemplates() {
    ImportSheet sheet = ImportSheet.read("申请人类型,姓名,渠道,渠道\r\n自然人,张三,网络,网络\r\n".getBytes(StandardCharsets.UTF_8));

    assertThat(sheet.problems().stream().map(ImportProblem::text)).contains(
        "第1行：无法识别的列“姓名”（列名须与导入模板一致）",
        "第1行：列“渠道”重复",
        "第1行：缺少必填列“证件号码”",
        "第1行：缺少必填列“办理结果”");
  }

  @Test
  void readsDateCellsOfAWorkbookAndRefusesAnIdNumberStoredAsNumber() throws Exception {
    byte[] xlsx;
    try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = wb.createSheet("案件");
      Row header = sheet.createRow(0);
      String[] headers = {"申请人类型", "申请人姓名/名称", "证件类型", "证件号码", "联系电话", "渠道", "收到申请日期", "申请内容摘要",
          "办理结果", "答复日期", "延期工作日数"};
      for (int i = 0; i < headers.length; i++) {
        header.createCell(i).setCellValue(headers[i]);
      }
      var dateStyle = wb.createCellStyle();
      dateStyle.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
      Row row = sheet.createRow(3);
      row.createCell(0).setCellValue("自然人");
      row.createCell(3).setCellValue(532301198506121235d);
      row.createCell(4).setCellValue(13800000000d);
      row.createCell(6).setCellValue(LocalDate.of(2026, 3, 2));
      row.getCell(6).setCellStyle(dateStyle);
      row.createCell(10).setCellValue(15d);
      wb.write(out);
      xlsx = out.toByteArray();
    }

    ImportSheet sheet = ImportSheet.read(xlsx);

    assertThat(sheet.rows()).hasSize(1);
    ImportRow row = sheet.rows().get(0);
    assertThat(row.number()).isEqualTo(4);
    assertThat(row.get(ImportColumn.RECEIVED_ON)).isEqualTo("2026-03-02");
    assertThat(row.get(ImportColumn.PHONE)).isEqualTo("13800000000");
    assertThat(row.get(ImportColumn.EXTENSION_DAYS)).isEqualTo("15");
    assertThat(sheet.problems().stream().map(ImportProblem::text)).containsExactly(
        "第4行“证件号码”：证件号码须以文本格式填写（Excel 按数字保存会丢失末几位和X），请将该列设为文本后重新填写");
  }

  @Test
  void theTemplateCarriesEveryColumnAndReadsBackWithoutRows() {
    ImportSheet sheet = ImportSheet.read(ImportTemplate.workbook());

    // the template's header row is accepted; it holds no case yet
    assertThat(sheet.rows()).isEmpty();
    assertThat(sheet.problems().stream().map(ImportProblem::text))
        .containsExactly("文件中没有案件（第1行为表头，案件从第2行起逐行填写）");
  }

  @Test
  void theDocumentationsColumnsAndExampleRowAreWhatTheImportReads() throws Exception {
    String doc = java.nio.file.Files.readString(java.nio.file.Path.of("docs/import-template.md"));
    String csv = doc.substring(doc.indexOf("```\n原编号") + 4, doc.lastIndexOf("```"));

    ImportSheet sheet = ImportSheet.read(csv.getBytes(StandardCharsets.UTF_8));

    assertThat(sheet.problems()).isEmpty();
    assertThat(parse(sheet.rows().get(0).cells())).isPresent();
    assertThat(problems).isEmpty();
    for (ImportColumn column : ImportColumn.values()) {
      assertThat(doc).contains("| " + column.header() + " |");
      assertThat(ImportTemplate.EXAMPLE.get(column)).isEqualTo(sheet.rows().get(0).cells().getOrDefault(column, ""));
    }
  }
}

package cn.gongkai.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Importing an office's earlier cases over HTTP, as an administrator would: a workbook and a CSV of 2025's
 * requests, the register rows they become, the case page, and the 2025 annual report counting them in the
 * cells a hand count gives. Case numbers carry the agency's short name: each test imports under an agency of
 * its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "gongkai.case-number.pattern={agency}〔YYYY〕第N号")
@ActiveProfiles("test")
class CaseImportIT {

  /** The template's columns in its order; a row below gives one cell per column. */
  private static final String[] HEADERS = {"原编号", "申请人类型", "申请人姓名/名称", "证件类型", "证件号码", "联系电话", "通信地址",
      "电子邮箱", "渠道", "收到申请日期", "申请内容摘要", "办理结果", "不予公开理由", "延期工作日数", "是否超期", "信息处理费（元）", "缴费日期",
      "答复日期", "办结日期"};

  /** 2025's requests as an office's ledger holds them (the expected cells of table 三 are counted below). */
  private static final String[][] WORKBOOK_ROWS = {
      // row 2: 3.1 自然人, on time
      {"YS-2025-001", "自然人", "李明", "居民身份证", "532301198506121235", "13812345678", "楚雄市鹿城南路1号", "", "网络",
          "2025-01-06", "2024年本市道路维修计划", "予以公开", "", "", "否", "", "", "2025-01-20", ""},
      // row 3: 3.3.1 自然人, after a 10-day extension
      {"YS-2025-002", "自然人", "王芳", "居民身份证", "532301199003010044", "13912345678", "", "", "当面提交",
          "2025-02-10", "某项目涉密批复", "不予公开", "属于国家秘密", "10", "否", "", "", "2025-03-24", ""},
      // row 4: 3.2 商业企业, overdue
      {"YS-2025-003", "商业企业", "楚雄某某建材有限公司", "统一社会信用代码", "91532301MA6K000A0U", "0878-3123456", "", "",
          "平常信函", "2025-03-03", "某工程招标评审材料", "部分公开", "保护第三方合法权益", "", "是", "", "", "2025-04-20", ""},
      // row 5: 3.4.1 科研机构
      {"YS-2025-004", "科研机构", "楚雄某研究院", "统一社会信用代码", "125323000151234566", "0878-3222222", "", "", "传真",
          "2025-04-01", "2010年水文资料", "信息不存在", "", "", "", "", "", "2025-04-15", ""},
      // row 6: 3.6.1 法律服务机构, deemed withdrawn without reply
      {"YS-2025-005", "法律服务机构", "云南某律师事务所", "统一社会信用代码", "31530000MD01234567", "0871-65123456", "", "",
          "邮寄（签收）", "2025-05-06", "某案卷宗", "逾期未补正，视为放弃申请", "", "", "", "", "", "", "2025-06-10"},
      // row 7: 3.6.2 社会公益组织, fee not paid
      {"YS-2025-006", "社会公益组织", "楚雄某公益协会", "统一社会信用代码", "52532301MA6N123455", "13712345678", "", "",
          "网络", "2025-06-02", "历年环境监测数据", "FEE_UNPAID", "", "", "", "50", "", "", "2025-07-20"},
      // row 8: 3.1 其他组织, fee paid
      {"YS-2025-007", "其他组织", "某村民委员会", "其他证件", "村委会-0012", "13612345678", "", "", "网络", "2025-07-01",
          "本村土地征收补偿标准", "予以公开", "", "", "", "30", "2025-07-10", "2025-07-15", ""},
      // row 9: received 2024, concluded 2025: 二 and 3.5.2 自然人
      {"YS-2024-099", "自然人", "李明", "居民身份证", "532301198506121235", "13812345678", "", "", "网络", "2024-12-20",
          "2024年本市道路维修计划（重复）", "重复申请，不予重复处理", "", "", "", "", "", "2025-01-08", ""},
      // row 10: received 2025, replied 2026: 一 and 四 自然人
      {"YS-2025-008", "自然人", "赵强", "居民身份证", "532301200001015672", "13512345678", "", "", "网络", "2025-12-25",
          "2026年春运交通安排", "予以公开", "", "", "", "", "", "2026-01-10", ""}};

  /** The rest of 2025, sent as CSV with codes instead of labels. */
  private static final String CSV = "原编号,申请人类型,申请人姓名/名称,证件类型,证件号码,联系电话,渠道,收到申请日期,申请内容摘要,办理结果,"
      + "不予公开理由,答复日期\r\n"
      // row 2: 3.4.2 商业企业
      + "YS-2025-009,COMMERCIAL,楚雄某物流有限公司,USCC,91532300216000001T,0878-3333333,ONLINE,2025-08-04,"
      + "\"全州物流企业名录，按年度汇总\",NEEDS_CREATION,,2025-08-20\r\n"
      // row 3: 3.3.6 自然人
      + "YS-2025-010,NATURAL_PERSON,孙丽,ID_CARD,532301197511111117,13412345678,IN_PERSON,2025-09-01,"
      + "某规划调整的内部讨论记录,REFUSE,PROCESS_INFO,2025-09-22\r\n";

  private static final String[] COLUMNS = {"NATURAL_PERSON", "COMMERCIAL", "RESEARCH", "PUBLIC_INTEREST", "LEGAL_SERVICE",
      "OTHER_ORG", "TOTAL"};

  /** Table 三 of 2025 counted by hand from the two files; rows not listed are zero. */
  private static final Map<String, long[]> TABLE_THREE_2025 = Map.ofEntries(
      Map.entry("1", new long[] {4, 2, 1, 1, 1, 1, 10}),
      Map.entry("2", new long[] {1, 0, 0, 0, 0, 0, 1}),
      Map.entry("3.1", new long[] {1, 0, 0, 0, 0, 1, 2}),
      Map.entry("3.2", new long[] {0, 1, 0, 0, 0, 0, 1}),
      Map.entry("3.3.1", new long[] {1, 0, 0, 0, 0, 0, 1}),
      Map.entry("3.3.6", new long[] {1, 0, 0, 0, 0, 0, 1}),
      Map.entry("3.4.1", new long[] {0, 0, 1, 0, 0, 0, 1}),
      Map.entry("3.4.2", new long[] {0, 1, 0, 0, 0, 0, 1}),
      Map.entry("3.5.2", new long[] {1, 0, 0, 0, 0, 0, 1}),
      Map.entry("3.6.1", new long[] {0, 0, 0, 0, 1, 0, 1}),
      Map.entry("3.6.2", new long[] {0, 0, 0, 1, 0, 0, 1}),
      Map.entry("3.7", new long[] {4, 2, 1, 1, 1, 1, 10}),
      Map.entry("4", new long[] {1, 0, 0, 0, 0, 0, 1}));

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired org.camunda.bpm.engine.IdentityService identityService;

  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();
  private String agency;
  private String shortName;

  @BeforeEach
  void newAgency() {
    agency = "imp-" + UUID.randomUUID().toString().substring(0, 8);
    shortName = "导" + agency.substring(4);
    jdbc.sql("INSERT INTO gk_agency (code, name, short_name) VALUES (?, ?, ?)")
        .params(agency, "导入测试机关" + agency, shortName)
        .update();
    // an agency is a Camunda tenant; the prefecture's supervisors see every one (issue 14)
    org.camunda.bpm.engine.identity.Tenant tenant = identityService.newTenant(agency);
    tenant.setName("导入测试机关" + agency);
    identityService.saveTenant(tenant);
    identityService.createTenantGroupMembership(agency, "prefecture-supervisor");
    // the demo staff who read the imported cases work for this agency in this test
    for (String staff : java.util.List.of("intake", "handler", "reviewer", "legal", "leader")) {
      identityService.createTenantUserMembership(agency, staff);
    }
  }

  @Test
  void importsAWorkbookAndACsvAsClosedCasesThatTheAnnualReportCountsLikeProcessedOnes() throws Exception {
    // when the administrator imports 2025's ledger as .xlsx, then the rest as .csv
    HttpResponse<String> workbook = upload("admin", "2025年依申请公开台账.xlsx", xlsx(WORKBOOK_ROWS));
    HttpResponse<String> csv = upload("admin", "补录.csv", bom(CSV));

    // then both are taken whole and each row got a number of the normal numbering, in its year of receipt
    assertThat(workbook.statusCode()).as(workbook.body()).isEqualTo(201);
    assertThat(csv.statusCode()).as(csv.body()).isEqualTo(201);
    JsonNode first = json.readTree(workbook.body());
    assertThat(first.get("imported").asInt()).isEqualTo(9);
    assertThat(first.get("cases").get(0).get("row").asInt()).isEqualTo(2);
    assertThat(first.get("cases").get(0).get("caseNumber").asText()).isEqualTo(shortName + "〔2025〕第1号");
    assertThat(first.get("cases").get(7).get("caseNumber").asText()).isEqualTo(shortName + "〔2024〕第1号");
    assertThat(first.get("cases").get(8).get("caseNumber").asText()).isEqualTo(shortName + "〔2025〕第8号");
    assertThat(json.readTree(csv.body()).get("cases").get(1).get("caseNumber").asText())
        .isEqualTo(shortName + "〔2025〕第10号");

    // and the register holds them closed, with their facts and the import mark, without a process
    List<Map<String, Object>> rows = jdbc.sql("SELECT * FROM gk_disclosure_case WHERE agency_code = ? ORDER BY id")
        .param(agency).query().listOfRows();
    assertThat(rows).hasSize(11);
    assertThat(rows).allSatisfy(r -> {
      assertThat(r.get("STATUS")).isEqualTo("CLOSED");
      assertThat(r.get("PROCESS_INSTANCE_ID")).isNull();
      assertThat(r.get("ARCHIVED_AT")).isNotNull();
      assertThat(r.get("IMPORTED_BY")).isEqualTo("admin");
      assertThat(r.get("IMPORTED_AT")).isNotNull();
    });
    Map<String, Object> refused = rows.get(1);
    assertThat(refused.get("SOURCE_NUMBER")).isEqualTo("YS-2025-002");
    assertThat(refused.get("APPLICANT_TYPE")).isEqualTo("NATURAL_PERSON");
    assertThat(refused.get("CHANNEL")).isEqualTo("IN_PERSON");
    assertThat(refused.get("RECEIVED_ON").toString()).isEqualTo("2025-02-10");
    assertThat(refused.get("OUTCOME")).isEqualTo("REFUSE");
    assertThat(refused.get("OUTCOME_CODE")).isEqualTo("STATE_SECRET");
    assertThat(refused.get("EXTENSION_WORKING_DAYS")).isEqualTo(10);
    assertThat(refused.get("REPLIED_ON").toString()).isEqualTo("2025-03-24");
    // received 2025-02-10, 20 + 10 working days: due 2025-03-24 (超期 follows from it)
    assertThat(refused.get("REPLY_DUE_ON").toString()).isEqualTo("2025-03-24");
    assertThat(rows.get(2).get("OVERDUE")).isEqualTo(true);
    Map<String, Object> withdrawn = rows.get(4);
    assertThat(withdrawn.get("OUTCOME")).isEqualTo("NO_CORRECTION");
    assertThat(withdrawn.get("REPLIED_ON")).isNull();
    assertThat(archivedDay(withdrawn)).isEqualTo("2025-06-10");
    Map<String, Object> feePaid = rows.get(6);
    assertThat((BigDecimal) feePaid.get("FEE_AMOUNT")).isEqualByComparingTo("30");
    assertThat(feePaid.get("FEE_PAID_ON").toString()).isEqualTo("2025-07-10");
    assertThat(rows.get(10).get("OUTCOME_CODE")).isEqualTo("PROCESS_INFO");

    // and the case page and the API say the case was imported, by whom
    String number = shortName + "〔2025〕第2号";
    HttpResponse<String> page = send("GET", "/cases/" + encode(number), "reviewer");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("导入的历史案件", "由 admin 于", "2025年依申请公开台账.xlsx", "原编号 YS-2025-002",
        "不予公开", "2025-03-24");
    JsonNode api = json.readTree(send("GET", "/api/cases/" + encode(number), "reviewer").body());
    assertThat(api.get("imported").asBoolean()).isTrue();
    assertThat(api.get("importedBy").asText()).isEqualTo("admin");
    assertThat(api.get("sourceNumber").asText()).isEqualTo("YS-2025-002");

    // and the 2025 report counts them in the cells the hand count gives, its cross-check passing
    HttpResponse<String> response = send("GET", "/api/reports/annual/2025?agency=" + agency, "supervisor");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode report = json.readTree(response.body());
    JsonNode three = report.get("tableThree");
    three.fieldNames().forEachRemaining(row -> {
      long[] expected = TABLE_THREE_2025.getOrDefault(row, new long[COLUMNS.length]);
      for (int c = 0; c < COLUMNS.length; c++) {
        assertThat(three.get(row).get(COLUMNS[c]).asLong()).as("row %s column %s", row, COLUMNS[c])
            .isEqualTo(expected[c]);
      }
    });
    assertThat(report.get("crossCheck").get("passed").asBoolean()).as(report.get("crossCheck").toString()).isTrue();
    JsonNode older = report.get("olderFormat");
    assertThat(older.get("receivedByChannel").get("ONLINE").asLong()).isEqualTo(5);
    assertThat(older.get("receivedByChannel").get("IN_PERSON").asLong()).isEqualTo(2);
    assertThat(older.get("receivedByChannel").get("FAX").asLong()).isEqualTo(1);
    assertThat(older.get("receivedByChannel").get("LETTER").asLong()).isEqualTo(2);
    assertThat(older.get("replied").get("ON_TIME").asLong()).isEqualTo(6);
    assertThat(older.get("replied").get("AFTER_EXTENSION").asLong()).isEqualTo(1);
    assertThat(older.get("replied").get("OVERDUE").asLong()).isEqualTo(1);
    assertThat(older.get("feesCollected").decimalValue()).isEqualByComparingTo("30");
    assertThat(older.get("feeCases").asLong()).isEqualTo(1);
  }

  @Test
  void refusesTheWholeFileForBadRowsNamingEachRowAndColumnAndStoresNothing() throws Exception {
    // given the ledger with a reply dated before its request (row 4) and a wrong check digit (row 6)
    String[][] rows = copy(WORKBOOK_ROWS);
    rows[2][17] = "2025-03-01";
    rows[4][4] = "31530000MD01234568";

    HttpResponse<String> response = upload("admin", "台账.xlsx", xlsx(rows));

    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode errors = json.readTree(response.body()).get("errors");
    assertThat(errors).hasSize(2);
    assertThat(errors.get(0).get("field").asText()).isEqualTo("答复日期");
    assertThat(errors.get(0).get("message").asText()).isEqualTo("第4行“答复日期”：答复日期不能早于收到申请日期（2025-03-03）");
    assertThat(errors.get(1).get("message").asText())
        .isEqualTo("第6行“证件号码”：证件号码不是有效的统一社会信用代码（校验位不符）");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM gk_disclosure_case WHERE agency_code = ?").param(agency)
        .query(Long.class).single()).isZero();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM gk_case_import WHERE agency_code = ?").param(agency)
        .query(Long.class).single()).isZero();

    // and once corrected, the file goes in whole, numbered from 1: the refused attempt consumed no number
    HttpResponse<String> corrected = upload("admin", "台账.xlsx", xlsx(WORKBOOK_ROWS));
    assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(201);
    assertThat(json.readTree(corrected.body()).get("cases").get(0).get("caseNumber").asText())
        .isEqualTo(shortName + "〔2025〕第1号");
  }

  @Test
  void refusesToImportTheSameFileOrTheSameEarlierNumbersTwice() throws Exception {
    byte[] file = xlsx(WORKBOOK_ROWS);
    assertThat(upload("admin", "台账.xlsx", file).statusCode()).isEqualTo(201);

    HttpResponse<String> again = upload("admin", "台账（副本）.xlsx", file);
    String[][] renamed = copy(WORKBOOK_ROWS);
    renamed[0][10] = "2024年本市道路维修计划（补充）";
    HttpResponse<String> sameNumbers = upload("admin", "台账2.xlsx", xlsx(new String[][] {renamed[0]}));
    String[][] sameRequest = copy(WORKBOOK_ROWS);
    sameRequest[0][0] = "";
    HttpResponse<String> sameContent = upload("admin", "台账3.xlsx", xlsx(new String[][] {sameRequest[0]}));

    assertThat(again.statusCode()).isEqualTo(400);
    assertThat(again.body()).contains("该文件已于").contains("由admin导入（9件），不再重复导入");
    assertThat(sameNumbers.statusCode()).isEqualTo(400);
    assertThat(json.readTree(sameNumbers.body()).get("errors").get(0).get("message").asText())
        .isEqualTo("第2行“原编号”：原编号“YS-2025-001”已导入过（案号" + shortName + "〔2025〕第1号）");
    assertThat(sameContent.statusCode()).isEqualTo(400);
    assertThat(json.readTree(sameContent.body()).get("errors").get(0).get("message").asText())
        .isEqualTo("第2行“申请内容摘要”：与已登记的案件" + shortName + "〔2025〕第1号重复（同一申请人、同一天收到、内容相同）");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM gk_disclosure_case WHERE agency_code = ?").param(agency)
        .query(Long.class).single()).isEqualTo(9);
  }

  @Test
  void refusesRowsThatWouldChangeALockedYearsPublishedReport() throws Exception {
    jdbc.sql("INSERT INTO gk_annual_report_lock (agency_code, report_year, figures, locked_by, locked_at)"
            + " VALUES (?, 2024, '{}', 'admin', CURRENT_TIMESTAMP)")
        .param(agency).update();

    HttpResponse<String> response = upload("admin", "台账.xlsx", xlsx(WORKBOOK_ROWS));

    // only row 9 (received in December 2024) touches 2024
    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode errors = json.readTree(response.body()).get("errors");
    assertThat(errors).hasSize(1);
    assertThat(errors.get(0).get("message").asText())
        .isEqualTo("第9行“收到申请日期”：2024年度报告已锁定（已公布），不能再导入收到、办结或结转于该年度的案件");
  }

  @Test
  void letsOnlyAdministratorsImportAndFetchTheTemplate() throws Exception {
    assertThat(upload("intake", "台账.xlsx", xlsx(WORKBOOK_ROWS)).statusCode()).isEqualTo(403);
    assertThat(upload("supervisor", "台账.xlsx", xlsx(WORKBOOK_ROWS)).statusCode()).isEqualTo(403);
    assertThat(upload(null, "台账.xlsx", xlsx(WORKBOOK_ROWS)).statusCode()).isEqualTo(401);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM gk_disclosure_case WHERE agency_code = ?").param(agency)
        .query(Long.class).single()).isZero();
    assertThat(send("GET", "/api/imports/cases/template.xlsx", "intake").statusCode()).isEqualTo(403);

    HttpResponse<byte[]> template = http.send(request("GET", "/api/imports/cases/template.xlsx", "admin").build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(template.statusCode()).isEqualTo(200);
    try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(template.body()))) {
      Row header = wb.getSheet("案件").getRow(0);
      List<String> headers = new ArrayList<>();
      header.forEach(cell -> headers.add(cell.getStringCellValue()));
      List<String> expected = new ArrayList<>(List.of(HEADERS));
      expected.add("答复期限");
      assertThat(headers).containsExactlyElementsOf(expected);
      assertThat(wb.getSheet("填写说明").getRow(1).getCell(0).getStringCellValue()).isEqualTo("原编号");
    }
  }

  @Test
  void answersAMissingFileWithAChineseMessage() throws Exception {
    HttpResponse<String> response = http.send(request("POST", "/api/imports/cases?agency=" + agency, "admin")
        .header("Content-Type", "multipart/form-data; boundary=b0")
        .POST(HttpRequest.BodyPublishers.ofString("--b0\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nx\r\n--b0--\r\n"))
        .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("请上传导入文件");
  }

  private static String archivedDay(Map<String, Object> row) {
    // H2 answers an OffsetDateTime, PostgreSQL's driver a Timestamp
    Object archived = row.get("ARCHIVED_AT");
    java.time.Instant at = archived instanceof java.sql.Timestamp t ? t.toInstant()
        : ((java.time.OffsetDateTime) archived).toInstant();
    return at.atZone(ZoneId.of("Asia/Shanghai")).toLocalDate().toString();
  }

  private static String[][] copy(String[][] rows) {
    String[][] copy = new String[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      copy[i] = rows[i].clone();
    }
    return copy;
  }

  /** A workbook as an office fills in the template: text cells, dates as real date cells, numbers as numbers. */
  private static byte[] xlsx(String[][] rows) throws Exception {
    try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = wb.createSheet("案件");
      var dateStyle = wb.createCellStyle();
      dateStyle.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
      Row header = sheet.createRow(0);
      for (int c = 0; c < HEADERS.length; c++) {
        header.createCell(c).setCellValue(HEADERS[c]);
      }
      for (int r = 0; r < rows.length; r++) {
        Row row = sheet.createRow(r + 1);
        for (int c = 0; c < HEADERS.length; c++) {
          String value = rows[r][c];
          if (value.isEmpty()) {
            continue;
          }
          if (HEADERS[c].endsWith("日期")) {
            row.createCell(c).setCellValue(LocalDate.parse(value));
            row.getCell(c).setCellStyle(dateStyle);
          } else if (HEADERS[c].equals("延期工作日数") || HEADERS[c].equals("信息处理费（元）")) {
            row.createCell(c).setCellValue(Double.parseDouble(value));
          } else {
            row.createCell(c).setCellValue(value);
          }
        }
      }
      wb.write(out);
      return out.toByteArray();
    }
  }

  private static byte[] bom(String csv) {
    return ("\uFEFF" + csv).getBytes(StandardCharsets.UTF_8);
  }

  private HttpResponse<String> upload(String user, String fileName, byte[] content) throws Exception {
    String boundary = "gk" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.write(content);
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return http.send(request("POST", "/api/imports/cases?agency=" + agency, user)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> send(String method, String path, String user) throws Exception {
    return http.send(request(method, path, user).method(method, HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private HttpRequest.Builder request(String method, String path, String user) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    if (user != null) {
      request.header("Authorization", "Basic "
          + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
    }
    return request;
  }

  private static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }
}

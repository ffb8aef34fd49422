package cn.gongkai.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import cn.gongkai.agency.Agencies;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** The annual report over HTTP: every figure against hand counts, the three formats agree, locking, access. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AnnualReportIT {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired org.camunda.bpm.engine.IdentityService identityService;
  @Autowired Agencies agencies;

  private final ObjectMapper json = new ObjectMapper();
  private ReportHttp http;

  @BeforeEach
  void client() {
    http = new ReportHttp(port);
  }

  /** Writes the 2025 register under a new agency and records its remedies through the API. */
  private RegisterFixture register2025() throws Exception {
    RegisterFixture fixture = RegisterFixture.newAgency(jdbc, identityService, "legal");
    Register2025.Cases cases = Register2025.write(fixture);
    for (String[] r : Register2025.remedies(cases)) {
      Map<String, Object> body = new HashMap<>();
      body.put("kind", r[1]);
      body.put("result", r[2]);
      body.put("filedOn", r[3]);
      body.put("decidedOn", r[4]);
      HttpResponse<String> created = http.send("POST",
          "/api/cases/" + ReportHttp.encode(r[0]) + "/remedies?agency=" + fixture.agencyCode, "legal", body);
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }
    return fixture;
  }

  private JsonNode report(int year, RegisterFixture fixture) throws Exception {
    HttpResponse<String> response =
        http.send("GET", "/api/reports/annual/" + year + "?agency=" + fixture.agencyCode, "supervisor", null);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json.readTree(response.body());
  }

  @Test
  void countsEveryCellOfTableThreeAsCountedByHand() throws Exception {
    // given a register touching every row and column of 2025, with carry-overs both ways
    RegisterFixture fixture = register2025();

    // when the supervisor reads the 2025 report
    JsonNode report = report(2025, fixture);

    // then every cell of table 三 is what the hand count says
    assertThat(report.get("status").asText()).isEqualTo("DRAFT");
    JsonNode three = report.get("tableThree");
    assertThat(iterable(three.fieldNames())).containsExactlyElementsOf(Register2025.TABLE_THREE.keySet());
    Register2025.TABLE_THREE.forEach((row, expected) -> {
      for (int c = 0; c < Register2025.COLUMNS.length; c++) {
        assertThat(three.get(row).get(Register2025.COLUMNS[c]).asLong())
            .as("row %s column %s", row, Register2025.COLUMNS[c]).isEqualTo(expected[c]);
      }
      assertThat(iterable(three.get(row).fieldNames())).containsExactly(Register2025.COLUMNS);
    });
    assertThat(report.get("crossCheck").get("passed").asBoolean()).isTrue();
    assertThat(report.get("crossCheck").get("failures")).isEmpty();
    // and the labels come with it
    assertThat(report.get("tableThreeRows").get(0).get("label").asText()).isEqualTo("一、本年新收政府信息公开申请数量");
    assertThat(report.get("tableThreeRows").get(4).get("fullLabel").asText())
        .isEqualTo("三、本年度办理结果（三）不予公开1.属于国家秘密");
    assertThat(report.get("tableThreeColumns").get(1).get("group").asText()).isEqualTo("法人或其他组织");
  }

  @Test
  void countsTableFourAndTheOlderFiguresAsCountedByHand() throws Exception {
    RegisterFixture fixture = register2025();

    JsonNode report2025 = report(2025, fixture);
    JsonNode report2024 = report(2024, fixture);

    // table 四: decided in the year with its result; filed in the year and undecided at its end as pending
    assertTableFour(report2025.get("tableFour"), Register2025.TABLE_FOUR_2025);
    assertTableFour(report2024.get("tableFour"), Register2025.TABLE_FOUR_2024);
    JsonNode older = report2025.get("olderFormat");
    Register2025.CHANNELS.forEach((k, v) -> assertThat(older.get("receivedByChannel").get(k).asLong()).as(k)
        .isEqualTo(v));
    Register2025.REPLIED.forEach((k, v) -> assertThat(older.get("replied").get(k).asLong()).as(k).isEqualTo(v));
    assertThat(older.get("feesCollected").decimalValue()).isEqualByComparingTo(Register2025.FEES);
    assertThat(older.get("feeCases").asLong()).isEqualTo(Register2025.FEE_CASES);
  }

  private static void assertTableFour(JsonNode four, Map<String, long[]> expected) {
    expected.forEach((kind, cells) -> {
      for (int i = 0; i < Register2025.RESULTS.length; i++) {
        assertThat(four.get(kind).get(Register2025.RESULTS[i]).asLong()).as("%s %s", kind, Register2025.RESULTS[i])
            .isEqualTo(cells[i]);
      }
    });
  }

  @Test
  void exportsTheSameFiguresAsXlsxInTheOfficialLayoutAndAsHtml() throws Exception {
    RegisterFixture fixture = register2025();
    JsonNode report = report(2025, fixture);
    String query = "?agency=" + fixture.agencyCode;

    // when the workbook and the page are fetched
    HttpResponse<byte[]> xlsx = http.bytes("/api/reports/annual/2025.xlsx" + query, "supervisor");
    HttpResponse<String> html = http.send("GET", "/api/reports/annual/2025.html" + query, "supervisor", null);

    // then the workbook has the official header, its cells match the JSON and the page
    assertThat(xlsx.statusCode()).isEqualTo(200);
    assertThat(xlsx.headers().firstValue("Content-Type")).hasValueSatisfying(
        t -> assertThat(t).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
    assertThat(xlsx.headers().firstValue("Content-Disposition")).hasValueSatisfying(
        d -> assertThat(d).contains("attachment").contains(".xlsx"));
    assertThat(html.statusCode()).isEqualTo(200);
    assertThat(html.headers().firstValue("Content-Type")).hasValueSatisfying(
        t -> assertThat(t).startsWith("text/html").contains("UTF-8"));
    Map<String, String> page = htmlFigures(html.body());

    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
      Sheet three = workbook.getSheetAt(0);
      assertThat(three.getSheetName()).isEqualTo("表三 收到和处理申请情况");
      assertThat(text(three, 0, 0)).isEqualTo(report.get("title").asText()).contains("2025年政府信息公开工作年度报告");
      assertThat(text(three, 1, 0)).startsWith("草稿");
      assertThat(text(three, 3, 0)).contains("勾稽关系");
      assertThat(text(three, 3, 3)).isEqualTo("申请人情况");
      assertThat(text(three, 4, 3)).isEqualTo("自然人");
      assertThat(text(three, 4, 4)).isEqualTo("法人或其他组织");
      assertThat(List.of(text(three, 5, 4), text(three, 5, 5), text(three, 5, 6), text(three, 5, 7), text(three, 5, 8)))
          .containsExactly("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他");
      assertThat(text(three, 4, 9)).isEqualTo("总计");
      assertThat(three.getMergedRegions()).contains(
          CellRangeAddress.valueOf("D4:J4"), CellRangeAddress.valueOf("E5:I5"), CellRangeAddress.valueOf("D5:D6"),
          CellRangeAddress.valueOf("J5:J6"), CellRangeAddress.valueOf("A4:C6"), CellRangeAddress.valueOf("A7:C7"),
          CellRangeAddress.valueOf("A9:A30"), CellRangeAddress.valueOf("B11:B18"));

      Map<String, String> codeByLabel = new HashMap<>();
      report.get("tableThreeRows").forEach(r -> codeByLabel.put(r.get("label").asText(), r.get("code").asText()));
      List<String> codes = new ArrayList<>();
      for (int r = 6; r < 6 + Register2025.TABLE_THREE.size(); r++) {
        String label = !text(three, r, 2).isEmpty() ? text(three, r, 2)
            : !text(three, r, 1).isEmpty() ? text(three, r, 1) : text(three, r, 0);
        String code = codeByLabel.get(label);
        assertThat(code).as("label of row %d: %s", r + 1, label).isNotNull();
        codes.add(code);
        for (int c = 0; c < Register2025.COLUMNS.length; c++) {
          String column = Register2025.COLUMNS[c];
          long cell = number(three, r, 3 + c);
          assertThat(cell).as("xlsx %s/%s", code, column).isEqualTo(report.get("tableThree").get(code).get(column).asLong());
          assertThat(page.get("3:" + code + "/" + column)).as("html %s/%s", code, column).isEqualTo(Long.toString(cell));
        }
      }
      assertThat(codes).containsExactlyElementsOf(Register2025.TABLE_THREE.keySet());
      assertThat(text(three, 6 + codes.size() + 1, 0)).startsWith("表内核对：通过");

      Sheet four = workbook.getSheetAt(1);
      assertThat(text(four, 3, 0)).isEqualTo("行政复议");
      assertThat(text(four, 3, 5)).isEqualTo("行政诉讼");
      assertThat(text(four, 4, 5)).isEqualTo("未经复议直接起诉");
      assertThat(text(four, 4, 10)).isEqualTo("复议后起诉");
      int column = 0;
      for (String kind : List.of("RECONSIDERATION", "LAWSUIT_DIRECT", "LAWSUIT_AFTER_RECONSIDERATION")) {
        for (String result : Register2025.RESULTS) {
          long cell = number(four, 6, column);
          assertThat(text(four, 5, column)).isNotEmpty();
          assertThat(cell).as("xlsx %s/%s", kind, result).isEqualTo(report.get("tableFour").get(kind).get(result).asLong());
          assertThat(page.get("4:" + kind + "/" + result)).isEqualTo(Long.toString(cell));
          column++;
        }
      }

      Sheet older = workbook.getSheetAt(2);
      Map<String, String> olderByLabel = new HashMap<>();
      for (int r = 4; r <= older.getLastRowNum(); r++) {
        olderByLabel.put(text(older, r, 1), new DataFormatter().formatCellValue(older.getRow(r).getCell(2)));
      }
      JsonNode o = report.get("olderFormat");
      assertThat(olderByLabel).containsEntry("当面", o.get("receivedByChannel").get("IN_PERSON").asText())
          .containsEntry("传真", o.get("receivedByChannel").get("FAX").asText())
          .containsEntry("网络", o.get("receivedByChannel").get("ONLINE").asText())
          .containsEntry("信函", o.get("receivedByChannel").get("LETTER").asText())
          .containsEntry("按期答复", o.get("replied").get("ON_TIME").asText())
          .containsEntry("延期答复", o.get("replied").get("AFTER_EXTENSION").asText())
          .containsEntry("超期答复", o.get("replied").get("OVERDUE").asText())
          .containsEntry("收取信息处理费（元）", "400.00")
          .containsEntry("收费件数", "2");
      assertThat(page).containsEntry("older:receivedByChannel.LETTER", "5").containsEntry("older:feesCollected", "400.00")
          .containsEntry("older:replied.AFTER_EXTENSION", "3");
    }
    assertThat(html.body()).contains("<h1>" + report.get("title").asText() + "</h1>", "草稿", "法人或其他组织",
        "（三）不予公开", "8.属于行政查询事项", "四、结转下年度继续办理", "通过：各列 一 + 二 = 三(七) + 四");
  }

  @Test
  void failsTheCrossCheckLoudlyOnAnInconsistentRegister() throws Exception {
    // given a register with the mistakes a register really gets
    RegisterFixture f = RegisterFixture.newAgency(jdbc, identityService, "legal");
    f.received("NATURAL_PERSON", "2025-03-01").replied("2025-03-10", "DISCLOSE").insert();
    String noOutcome = f.received("NATURAL_PERSON", "2025-04-01").replied("2025-04-15", null).insert();
    String pigeon = f.received("NATURAL_PERSON", "2025-09-01").channel("PIGEON").replied("2025-09-10", "DISCLOSE")
        .insert();
    String refusalWithoutGround = f.received("COMMERCIAL", "2025-05-01").replied("2025-05-20", "REFUSE").insert();
    String madeUpGround = f.received("COMMERCIAL", "2025-05-02").replied("2025-05-21", "REFUSE", "TOO_BUSY").insert();
    String repliedBeforeReceived = f.received("RESEARCH", "2025-06-10").replied("2025-06-01", "DISCLOSE").insert();
    String closedUndated = f.received("PUBLIC_INTEREST", "2025-03-01").status("CLOSED").outcome("OTHER", null).insert();
    String archivedBeforeReceived = f.received("LEGAL_SERVICE", "2025-08-20")
        .archivedWithoutReply("2025-08-10T02:00:00Z", "OTHER").insert();
    String repliedYearTooEarly = f.received("OTHER_ORG", "2025-02-01").replied("2024-12-15", "DISCLOSE").insert();
    String robot = f.received("ROBOT", "2025-05-05").replied("2025-05-15", "DISCLOSE").insert();

    // when
    JsonNode report = report(2025, f);

    // then the check fails, naming each column, what differs, and the cases
    JsonNode check = report.get("crossCheck");
    assertThat(check.get("passed").asBoolean()).isFalse();
    List<JsonNode> failures = new ArrayList<>();
    check.get("failures").forEach(failures::add);
    assertThat(failures).extracting(n -> n.get("column").asText(), n -> n.get("kind").asText()).containsExactly(
        tuple("NATURAL_PERSON", "SUMS_DISAGREE"), tuple("NATURAL_PERSON", "NO_RESULT_ROW"),
        tuple("COMMERCIAL", "SUMS_DISAGREE"), tuple("COMMERCIAL", "NO_RESULT_ROW"),
        tuple("RESEARCH", "CONCLUDED_BEFORE_RECEIVED"),
        tuple("PUBLIC_INTEREST", "CLOSED_WITHOUT_DATE"),
        tuple("LEGAL_SERVICE", "CONCLUDED_BEFORE_RECEIVED"),
        tuple("OTHER_ORG", "SUMS_DISAGREE"), tuple("OTHER_ORG", "CONCLUDED_BEFORE_RECEIVED"),
        tuple("TOTAL", "SUMS_DISAGREE"), tuple("TOTAL", "UNKNOWN_APPLICANT_TYPE"), tuple("TOTAL", "UNKNOWN_CHANNEL"));
    Map<String, String> message = new HashMap<>();
    failures.forEach(n -> message.put(n.get("column").asText() + "/" + n.get("kind").asText(), n.get("message").asText()));
    assertThat(message.get("NATURAL_PERSON/SUMS_DISAGREE")).isEqualTo("自然人列：一（本年新收）3 + 二（上年结转）0 = 3，"
        + "不等于 三(七)（本年度办理结果总计）2 + 四（结转下年度）0 = 2，办理结果与结转少计 1 件");
    assertThat(message.get("NATURAL_PERSON/NO_RESULT_ROW")).contains("1 件", "未填写办理结果", noOutcome);
    assertThat(message.get("COMMERCIAL/SUMS_DISAGREE")).contains("一（本年新收）2", "三(七)（本年度办理结果总计）0");
    assertThat(message.get("COMMERCIAL/NO_RESULT_ROW")).contains("2 件", "理由类别未填写", "理由类别无法识别（TOO_BUSY）",
        refusalWithoutGround, madeUpGround);
    assertThat(message.get("RESEARCH/CONCLUDED_BEFORE_RECEIVED")).contains("早于收到日期", repliedBeforeReceived);
    assertThat(message.get("PUBLIC_INTEREST/CLOSED_WITHOUT_DATE")).contains("既无答复日期也无归档时间", closedUndated);
    assertThat(message.get("LEGAL_SERVICE/CONCLUDED_BEFORE_RECEIVED")).contains(archivedBeforeReceived);
    assertThat(message.get("OTHER_ORG/SUMS_DISAGREE")).contains("一（本年新收）1", "= 0，");
    assertThat(message.get("OTHER_ORG/CONCLUDED_BEFORE_RECEIVED")).contains(repliedYearTooEarly);
    assertThat(message.get("TOTAL/UNKNOWN_APPLICANT_TYPE")).contains("ROBOT", robot);
    assertThat(message.get("TOTAL/UNKNOWN_CHANNEL")).contains("PIGEON", pigeon);

    // and the page says so, and the year cannot be locked
    HttpResponse<String> html =
        http.send("GET", "/api/reports/annual/2025.html?agency=" + f.agencyCode, "admin", null);
    assertThat(html.body()).contains("未通过", "自然人列：一（本年新收）3");
    HttpResponse<String> lock =
        http.send("POST", "/api/reports/annual/2025/lock?agency=" + f.agencyCode, "admin", null);
    assertThat(lock.statusCode()).isEqualTo(409);
    assertThat(json.readTree(lock.body()).get("message").asText()).contains("核对未通过，不能锁定");
    assertThat(json.readTree(lock.body()).get("errors")).hasSize(12);
  }

  @Test
  void lockedYearServesTheFrozenFiguresWhateverTheRegisterSaysLater() throws Exception {
    RegisterFixture fixture = register2025();
    String lockPath = "/api/reports/annual/2025/lock?agency=" + fixture.agencyCode;

    // when a supervisor tries, then an administrator locks
    assertThat(http.send("POST", lockPath, "supervisor", null).statusCode()).isEqualTo(403);
    assertThat(http.send("POST", lockPath, null, null).statusCode()).isEqualTo(401);
    HttpResponse<String> locked = http.send("POST", lockPath, "admin", null);
    assertThat(locked.statusCode()).as(locked.body()).isEqualTo(200);
    assertThat(json.readTree(locked.body()).get("status").asText()).isEqualTo("LOCKED");

    // and the register changes afterwards
    fixture.received("NATURAL_PERSON", "2025-05-05").replied("2025-05-09", "DISCLOSE").insert();

    // then the report still shows the locked figures, marked as locked
    JsonNode report = report(2025, fixture);
    assertThat(report.get("status").asText()).isEqualTo("LOCKED");
    assertThat(report.get("lockedBy").asText()).isEqualTo("admin");
    assertThat(report.get("lockedAt").asText()).endsWith("+08:00");
    assertThat(report.get("tableThree").get("1").get("NATURAL_PERSON").asLong()).isEqualTo(11);
    assertThat(report.get("tableThree").get("3.1").get("TOTAL").asLong()).isEqualTo(8);
    assertTableFour(report.get("tableFour"), Register2025.TABLE_FOUR_2025);
    assertThat(report.get("olderFormat").get("feesCollected").decimalValue()).isEqualByComparingTo("400.00");
    HttpResponse<String> html =
        http.send("GET", "/api/reports/annual/2025.html?agency=" + fixture.agencyCode, "supervisor", null);
    assertThat(html.body()).contains("已锁定", "由 admin 锁定").doesNotContain("草稿");
    // while an unlocked year stays a draft computed now
    assertThat(report(2024, fixture).get("status").asText()).isEqualTo("DRAFT");

    // and it cannot be locked twice, nor can the current year be locked
    HttpResponse<String> again = http.send("POST", lockPath, "admin", null);
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(json.readTree(again.body()).get("message").asText()).contains("已于", "由 admin 锁定，不能重复锁定");
    int thisYear = ReportYear.today().getYear();
    HttpResponse<String> current = http.send("POST",
        "/api/reports/annual/" + thisYear + "/lock?agency=" + fixture.agencyCode, "admin", null);
    assertThat(current.statusCode()).isEqualTo(409);
    assertThat(json.readTree(current.body()).get("message").asText()).isEqualTo(thisYear + " 年度尚未结束，不能锁定");
  }

  @Test
  void letsOnlySupervisorsAndAdministratorsReadTheReport() throws Exception {
    // given the installation's own agency
    agencies.defaultAgency();
    for (String path : List.of("/api/reports/annual/2025", "/api/reports/annual/2025.xlsx",
        "/api/reports/annual/2025.html")) {
      // then
      assertThat(http.send("GET", path, "supervisor", null).statusCode()).as(path).isEqualTo(200);
      assertThat(http.send("GET", path, "admin", null).statusCode()).as(path).isEqualTo(200);
      HttpResponse<String> handler = http.send("GET", path, "handler", null);
      assertThat(handler.statusCode()).as(path).isEqualTo(403);
      assertThat(json.readTree(handler.body()).get("message").asText()).contains("无权访问");
      assertThat(http.send("GET", path, "legal", null).statusCode()).as(path).isEqualTo(403);
      assertThat(http.send("GET", path, null, null).statusCode()).as(path).isEqualTo(401);
    }
    JsonNode report = json.readTree(http.send("GET", "/api/reports/annual/2025", "supervisor", null).body());
    assertThat(report.get("agency").get("code").asText()).isEqualTo(agencies.defaultAgency().code());
    assertThat(http.send("GET", "/api/reports/annual/2025?agency=nowhere", "supervisor", null).statusCode())
        .isEqualTo(404);
  }

  @Test
  void refusesABadYearInChinese() throws Exception {
    for (String year : List.of("0", "99999", "abc", "2025x", "0.xlsx", "abc.html", "2007", "2999", "2999.xlsx")) {
      HttpResponse<String> response = http.send("GET", "/api/reports/annual/" + year, "supervisor", null);
      assertThat(response.statusCode()).as(year).isEqualTo(400);
      JsonNode error = json.readTree(response.body()).get("errors").get(0);
      assertThat(error.get("field").asText()).isEqualTo("year");
      assertThat(error.get("message").asText()).as(year).containsAnyOf("年度格式不正确", "不能早于", "不能晚于");
    }
    assertThat(http.send("POST", "/api/reports/annual/abc/lock", "admin", null).statusCode()).isEqualTo(400);
  }

  private static Map<String, String> htmlFigures(String html) {
    Map<String, String> figures = new HashMap<>();
    Matcher three = Pattern.compile("data-row=\"([^\"]+)\" data-col=\"([^\"]+)\">([^<]*)<").matcher(html);
    while (three.find()) {
      figures.put("3:" + three.group(1) + "/" + three.group(2), three.group(3));
    }
    Matcher four = Pattern.compile("data-kind=\"([^\"]+)\" data-result=\"([^\"]+)\">([^<]*)<").matcher(html);
    while (four.find()) {
      figures.put("4:" + four.group(1) + "/" + four.group(2), four.group(3));
    }
    Matcher older = Pattern.compile("data-figure=\"([^\"]+)\">([^<]*)<").matcher(html);
    while (older.find()) {
      figures.put("older:" + older.group(1), older.group(2));
    }
    return figures;
  }

  private static String text(Sheet sheet, int row, int column) {
    Row r = sheet.getRow(row);
    Cell cell = r == null ? null : r.getCell(column);
    return cell == null || cell.getCellType() != CellType.STRING ? "" : cell.getStringCellValue();
  }

  private static long number(Sheet sheet, int row, int column) {
    Cell cell = sheet.getRow(row).getCell(column);
    assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
    return (long) cell.getNumericCellValue();
  }

  private static <T> Iterable<T> iterable(Iterator<T> iterator) {
    return () -> iterator;
  }
}

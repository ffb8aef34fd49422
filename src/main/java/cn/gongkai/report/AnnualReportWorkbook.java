package cn.gongkai.report;

import cn.gongkai.report.AnnualReport.Label;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The annual report as an .xlsx workbook in the official layout (国办公开办函〔2021〕30号): sheet 1 table
 * 三 with its merged header (申请人情况 / 自然人 / 法人或其他组织 and five sub-columns / 总计) and row labels,
 * sheet 2 table 四, sheet 3 the older format's figures. Each sheet starts with the title and whether the
 * figures are a draft or locked.
 */
final class AnnualReportWorkbook {

  static final String SHEET_THREE = "表三 收到和处理申请情况";
  static final String SHEET_FOUR = "表四 行政复议行政诉讼";
  static final String SHEET_OLDER = "其他统计";
  /** First data row of table 三 (0-based): title, status, heading and three header rows come before. */
  static final int THREE_FIRST_ROW = 6;
  /** Label columns A-C, then one column per {@link ReportColumn} from D. */
  static final int THREE_FIRST_NUMBER_COLUMN = 3;
  /** The row of table 四's numbers (0-based). */
  static final int FOUR_NUMBER_ROW = 6;
  /** Widths (characters) of the label columns A-C of table 三, and of every number column. */
  private static final int[] LABEL_WIDTHS = {12, 16, 50};
  private static final int NUMBER_WIDTH = 10;

  private AnnualReportWorkbook() {}

  static byte[] write(AnnualReport report) {
    try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Styles styles = new Styles(workbook);
      tableThree(workbook.createSheet(SHEET_THREE), report, styles);
      tableFour(workbook.createSheet(SHEET_FOUR), report, styles);
      olderFormat(workbook.createSheet(SHEET_OLDER), report, styles);
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void tableThree(Sheet sheet, AnnualReport report, Styles styles) {
    int lastColumn = THREE_FIRST_NUMBER_COLUMN + ReportColumn.values().length - 1;
    heading(sheet, report, styles, lastColumn, "三、收到和处理政府信息公开申请情况");
    grid(sheet, 3, THREE_FIRST_ROW + TableThreeRow.values().length - 1, 0, lastColumn, styles.cell);

    merged(sheet, 3, 5, 0, 2, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", styles.header);
    merged(sheet, 3, 3, THREE_FIRST_NUMBER_COLUMN, lastColumn, "申请人情况", styles.header);
    int naturalPerson = THREE_FIRST_NUMBER_COLUMN + ReportColumn.NATURAL_PERSON.ordinal();
    merged(sheet, 4, 5, naturalPerson, naturalPerson, ReportColumn.NATURAL_PERSON.label(), styles.header);
    int firstLegal = THREE_FIRST_NUMBER_COLUMN + ReportColumn.COMMERCIAL.ordinal();
    int lastLegal = THREE_FIRST_NUMBER_COLUMN + ReportColumn.OTHER_ORG.ordinal();
    merged(sheet, 4, 4, firstLegal, lastLegal, AnnualReport.LEGAL_PERSONS_GROUP, styles.header);
    for (ReportColumn c : ReportColumn.LEGAL_PERSONS) {
      set(sheet, 5, THREE_FIRST_NUMBER_COLUMN + c.ordinal(), c.label(), styles.header);
    }
    merged(sheet, 4, 5, lastColumn, lastColumn, ReportColumn.TOTAL.label(), styles.header);

    TableThreeRow[] rows = TableThreeRow.values();
    int firstResult = THREE_FIRST_ROW + TableThreeRow.DISCLOSED.ordinal();
    int lastResult = THREE_FIRST_ROW + TableThreeRow.RESULT_TOTAL.ordinal();
    merged(sheet, firstResult, lastResult, 0, 0, TableThreeRow.RESULTS_SECTION, styles.header);
    for (int i = 0; i < rows.length; i++) {
      TableThreeRow row = rows[i];
      int r = THREE_FIRST_ROW + i;
      switch (row.group()) {
        case NONE -> {
          merged(sheet, r, r, 0, 2, row.label(), styles.label);
          fitHeight(sheet, r, row.label(), LABEL_WIDTHS[0] + LABEL_WIDTHS[1] + LABEL_WIDTHS[2]);
        }
        case RESULT -> {
          merged(sheet, r, r, 1, 2, row.label(), styles.label);
          fitHeight(sheet, r, row.label(), LABEL_WIDTHS[1] + LABEL_WIDTHS[2]);
        }
        default -> {
          if (i == 0 || rows[i - 1].group() != row.group()) {
            int last = i;
            while (last + 1 < rows.length && rows[last + 1].group() == row.group()) {
              last++;
            }
            merged(sheet, r, THREE_FIRST_ROW + last, 1, 1, row.group().label(), styles.header);
          }
          set(sheet, r, 2, row.label(), styles.label);
          fitHeight(sheet, r, row.label(), LABEL_WIDTHS[2]);
        }
      }
      for (ReportColumn c : ReportColumn.values()) {
        number(sheet, r, THREE_FIRST_NUMBER_COLUMN + c.ordinal(), report.tableThree().get(row.code()).get(c.name()),
            styles.number);
      }
    }
    int checkRow = THREE_FIRST_ROW + rows.length + 1;
    List<String> lines = report.crossCheck().passed()
        ? List.of("表内核对：通过（各列 一 + 二 = 三(七) + 四）")
        : report.crossCheck().failures().stream().map(f -> "表内核对未通过：" + f.message()).toList();
    for (String line : lines) {
      merged(sheet, checkRow, checkRow, 0, lastColumn, line, styles.note);
      checkRow++;
    }
    for (int c = 0; c < LABEL_WIDTHS.length; c++) {
      sheet.setColumnWidth(c, LABEL_WIDTHS[c] * 256);
    }
    for (int c = THREE_FIRST_NUMBER_COLUMN; c <= lastColumn; c++) {
      sheet.setColumnWidth(c, NUMBER_WIDTH * 256);
    }
    fitHeight(sheet, 5, "社会公益组织", NUMBER_WIDTH);
    printOnePageWide(sheet, false);
  }

  private static void tableFour(Sheet sheet, AnnualReport report, Styles styles) {
    int perKind = report.tableFourResults().size();
    int lastColumn = perKind * RemedyKind.values().length - 1;
    heading(sheet, report, styles, lastColumn, "四、政府信息公开行政复议、行政诉讼情况");
    grid(sheet, 3, FOUR_NUMBER_ROW, 0, lastColumn, styles.cell);
    merged(sheet, 3, 4, 0, perKind - 1, "行政复议", styles.header);
    merged(sheet, 3, 3, perKind, lastColumn, "行政诉讼", styles.header);
    merged(sheet, 4, 4, perKind, 2 * perKind - 1, "未经复议直接起诉", styles.header);
    merged(sheet, 4, 4, 2 * perKind, lastColumn, "复议后起诉", styles.header);
    int column = 0;
    for (RemedyKind kind : RemedyKind.values()) {
      for (Label result : report.tableFourResults()) {
        set(sheet, 5, column, result.label(), styles.header);
        number(sheet, FOUR_NUMBER_ROW, column, report.tableFour().get(kind.name()).get(result.code()), styles.number);
        sheet.setColumnWidth(column, NUMBER_WIDTH * 256);
        column++;
      }
    }
    printOnePageWide(sheet, true);
  }

  private static void olderFormat(Sheet sheet, AnnualReport report, Styles styles) {
    heading(sheet, report, styles, 2, "其他统计（往年报告格式）");
    OlderFormat older = report.olderFormat();
    AnnualReport.OlderFormatLabels labels = report.olderFormatLabels();
    int r = 3;
    set(sheet, r, 0, "项目", styles.header);
    set(sheet, r, 1, "分项", styles.header);
    set(sheet, r, 2, "数量", styles.header);
    r++;
    r = block(sheet, r, "本年新收申请（按收件渠道）", labels.channels(), older.receivedByChannel(), styles);
    r = block(sheet, r, "本年答复（按是否按期）", labels.timeliness(), older.replied(), styles);
    merged(sheet, r, r + 1, 0, 0, "信息处理费", styles.header);
    set(sheet, r, 1, labels.feesCollected(), styles.label);
    Cell fees = sheet.getRow(r).createCell(2);
    fees.setCellValue(older.feesCollected().doubleValue());
    fees.setCellStyle(styles.money);
    set(sheet, r + 1, 1, labels.feeCases(), styles.label);
    number(sheet, r + 1, 2, older.feeCases(), styles.number);
    sheet.setColumnWidth(0, 28 * 256);
    sheet.setColumnWidth(1, 22 * 256);
    sheet.setColumnWidth(2, 14 * 256);
    printOnePageWide(sheet, false);
  }

  /**
   * Row heights are not fitted by every spreadsheet program when a file is opened: set them for wrapped
   * labels, counting a CJK character as two width units.
   */
  private static void fitHeight(Sheet sheet, int r, String text, int widthChars) {
    int units = text.codePoints().map(c -> c < 0x2E80 ? 1 : 2).sum();
    int lines = Math.max(1, (units + widthChars - 3) / (widthChars - 2));
    float height = Math.max(18f, lines * 15f + 3f);
    Row row = row(sheet, r);
    row.setHeightInPoints(Math.max(height, row.getHeightInPoints()));
  }

  /** A4, scaled to the page width, as the published report is printed. */
  private static void printOnePageWide(Sheet sheet, boolean landscape) {
    sheet.setFitToPage(true);
    PrintSetup print = sheet.getPrintSetup();
    print.setPaperSize(PrintSetup.A4_PAPERSIZE);
    print.setLandscape(landscape);
    print.setFitWidth((short) 1);
    print.setFitHeight((short) 0);
  }

  private static int block(Sheet sheet, int first, String title, List<Label> items, Map<String, Long> values,
      Styles styles) {
    merged(sheet, first, first + items.size() - 1, 0, 0, title, styles.header);
    int r = first;
    for (Label item : items) {
      set(sheet, r, 1, item.label(), styles.label);
      number(sheet, r, 2, values.get(item.code()), styles.number);
      r++;
    }
    return r;
  }

  private static void heading(Sheet sheet, AnnualReport report, Styles styles, int lastColumn, String section) {
    merged(sheet, 0, 0, 0, lastColumn, report.title(), styles.title);
    sheet.getRow(0).setHeightInPoints(28);
    merged(sheet, 1, 1, 0, lastColumn, AnnualReportPage.statusLine(report), styles.note);
    merged(sheet, 2, 2, 0, lastColumn, section, styles.section);
  }

  private static void grid(Sheet sheet, int firstRow, int lastRow, int firstColumn, int lastColumn, CellStyle style) {
    for (int r = firstRow; r <= lastRow; r++) {
      Row row = row(sheet, r);
      for (int c = firstColumn; c <= lastColumn; c++) {
        if (row.getCell(c) == null) {
          row.createCell(c).setCellStyle(style);
        }
      }
    }
  }

  private static void merged(Sheet sheet, int firstRow, int lastRow, int firstColumn, int lastColumn, String text,
      CellStyle style) {
    for (int r = firstRow; r <= lastRow; r++) {
      for (int c = firstColumn; c <= lastColumn; c++) {
        Cell cell = row(sheet, r).getCell(c);
        (cell == null ? row(sheet, r).createCell(c) : cell).setCellStyle(style);
      }
    }
    set(sheet, firstRow, firstColumn, text, style);
    if (firstRow != lastRow || firstColumn != lastColumn) {
      sheet.addMergedRegion(new CellRangeAddress(firstRow, lastRow, firstColumn, lastColumn));
    }
  }

  private static void set(Sheet sheet, int r, int c, String text, CellStyle style) {
    Cell cell = row(sheet, r).getCell(c);
    if (cell == null) {
      cell = row(sheet, r).createCell(c);
    }
    cell.setCellValue(text);
    cell.setCellStyle(style);
  }

  private static void number(Sheet sheet, int r, int c, long value, CellStyle style) {
    Cell cell = row(sheet, r).getCell(c);
    if (cell == null) {
      cell = row(sheet, r).createCell(c);
    }
    cell.setCellValue(value);
    cell.setCellStyle(style);
  }

  private static Row row(Sheet sheet, int r) {
    Row row = sheet.getRow(r);
    return row == null ? sheet.createRow(r) : row;
  }

  /** The few cell styles of the official tables: 宋体, thin borders, centred headers. */
  private static final class Styles {
    final CellStyle title;
    final CellStyle section;
    final CellStyle note;
    final CellStyle header;
    final CellStyle label;
    final CellStyle cell;
    final CellStyle number;
    final CellStyle money;

    Styles(Workbook workbook) {
      Font plain = font(workbook, false, 11);
      title = workbook.createCellStyle();
      title.setFont(font(workbook, true, 16));
      title.setAlignment(HorizontalAlignment.CENTER);
      title.setVerticalAlignment(VerticalAlignment.CENTER);
      section = workbook.createCellStyle();
      section.setFont(font(workbook, true, 12));
      note = workbook.createCellStyle();
      note.setFont(plain);
      note.setWrapText(true);
      header = bordered(workbook, plain, HorizontalAlignment.CENTER);
      label = bordered(workbook, plain, HorizontalAlignment.LEFT);
      cell = bordered(workbook, plain, HorizontalAlignment.CENTER);
      number = bordered(workbook, plain, HorizontalAlignment.CENTER);
      number.setDataFormat(workbook.createDataFormat().getFormat("0"));
      money = bordered(workbook, plain, HorizontalAlignment.CENTER);
      money.setDataFormat(workbook.createDataFormat().getFormat("0.00"));
    }

    private static Font font(Workbook workbook, boolean bold, int points) {
      Font font = workbook.createFont();
      font.setFontName("宋体");
      font.setBold(bold);
      font.setFontHeightInPoints((short) points);
      return font;
    }

    private static CellStyle bordered(Workbook workbook, Font font, HorizontalAlignment alignment) {
      CellStyle style = workbook.createCellStyle();
      style.setFont(font);
      style.setAlignment(alignment);
      style.setVerticalAlignment(VerticalAlignment.CENTER);
      style.setWrapText(true);
      style.setBorderTop(BorderStyle.THIN);
      style.setBorderBottom(BorderStyle.THIN);
      style.setBorderLeft(BorderStyle.THIN);
      style.setBorderRight(BorderStyle.THIN);
      return style;
    }
  }
}

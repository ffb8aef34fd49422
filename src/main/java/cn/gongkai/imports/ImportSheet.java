package cn.gongkai.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * Reads an import file into rows: an Excel workbook (.xlsx; the sheet named {@value #SHEET}, else the first)
 * or CSV (UTF-8 with or without BOM; GB18030, as Excel saves "CSV" on Chinese Windows, when the bytes are not
 * UTF-8). Row 1 holds the headers; empty rows are skipped.
 */
final class ImportSheet {

  static final String SHEET = "案件";
  static final int MAX_ROWS = 5000;

  private final List<ImportRow> rows = new ArrayList<>();
  private final List<ImportProblem> problems = new ArrayList<>();

  private ImportSheet() {}

  /** The rows of the file; {@link #problems()} says what made rows or the whole file unreadable. */
  static ImportSheet read(byte[] content) {
    ImportSheet sheet = new ImportSheet();
    if (content.length == 0) {
      sheet.problems.add(ImportProblem.ofFile("上传的文件是空的"));
    } else if (isZip(content) || isOle2(content)) {
      sheet.readWorkbook(content);
    } else {
      sheet.readCsv(content);
    }
    if (sheet.problems.isEmpty() && sheet.rows.isEmpty()) {
      sheet.problems.add(ImportProblem.ofFile("文件中没有案件（第1行为表头，案件从第2行起逐行填写）"));
    }
    return sheet;
  }

  List<ImportRow> rows() {
    return rows;
  }

  List<ImportProblem> problems() {
    return problems;
  }

  private static boolean isZip(byte[] b) {
    return b.length > 3 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4;
  }

  private static boolean isOle2(byte[] b) {
    return b.length > 3 && (b[0] & 0xff) == 0xD0 && (b[1] & 0xff) == 0xCF && (b[2] & 0xff) == 0x11
        && (b[3] & 0xff) == 0xE0;
  }

  private void readWorkbook(byte[] content) {
    try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(content))) {
      Sheet sheet = workbook.getSheet(SHEET) != null ? workbook.getSheet(SHEET) : workbook.getSheetAt(0);
      Map<Integer, ImportColumn> columns = null;
      for (Row row : sheet) {
        List<String> texts = new ArrayList<>();
        Map<Integer, String> numericIds = new HashMap<>();
        for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
          Cell cell = row.getCell(c);
          texts.add(cell == null ? null : text(cell));
          if (cell != null && columns != null && columns.get(c) == ImportColumn.ID_NUMBER && isNumeric(cell)) {
            numericIds.put(c, texts.get(c));
          }
        }
        if (columns == null) {
          if (row.getRowNum() != 0) {
            problems.add(ImportProblem.ofFile("第1行必须是表头（各列名称，见导入模板）"));
            return;
          }
          columns = header(texts);
          if (columns == null) {
            return;
          }
          continue;
        }
        if (!addRow(row.getRowNum() + 1, texts, columns)) {
          return;
        }
        numericIds.keySet().forEach(c -> problems.add(new ImportProblem(row.getRowNum() + 1, ImportColumn.ID_NUMBER,
            "证件号码须以文本格式填写（Excel 按数字保存会丢失末几位和X），请将该列设为文本后重新填写")));
      }
      if (columns == null) {
        problems.add(ImportProblem.ofFile("第1行必须是表头（各列名称，见导入模板）"));
      }
    } catch (IOException | RuntimeException e) {
      // POI throws assorted runtime exceptions on damaged, encrypted or oversized workbooks
      problems.add(ImportProblem.ofFile("无法读取 Excel 文件（文件已损坏、加密或不是 .xlsx 格式），请用导入模板另存为 .xlsx 后重试"));
    }
  }

  private static boolean isNumeric(Cell cell) {
    CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
    return type == CellType.NUMERIC;
  }

  /** A cell as text: dates as 2026-03-05, numbers without exponent or trailing zeros. */
  private static String text(Cell cell) {
    CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
    return switch (type) {
      case STRING -> cell.getStringCellValue();
      case NUMERIC -> DateUtil.isCellDateFormatted(cell)
          ? cell.getLocalDateTimeCellValue().toLocalDate().toString()
          : BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
      case BOOLEAN -> cell.getBooleanCellValue() ? "是" : "否";
      default -> null;
    };
  }

  private void readCsv(byte[] content) {
    String text = decode(content);
    List<List<String>> records = CsvRecords.parse(text);
    if (records.isEmpty()) {
      problems.add(ImportProblem.ofFile("文件中没有内容"));
      return;
    }
    Map<Integer, ImportColumn> columns = header(records.get(0));
    if (columns == null) {
      return;
    }
    for (int i = 1; i < records.size(); i++) {
      if (!addRow(i + 1, records.get(i), columns)) {
        return;
      }
    }
  }

  /** UTF-8 (a BOM dropped); else GB18030, which every byte sequence Excel writes on Chinese Windows decodes. */
  private static String decode(byte[] content) {
    int start = content.length >= 3 && (content[0] & 0xff) == 0xEF && (content[1] & 0xff) == 0xBB
        && (content[2] & 0xff) == 0xBF ? 3 : 0;
    ByteBuffer bytes = ByteBuffer.wrap(content, start, content.length - start);
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(bytes)
          .toString();
    } catch (CharacterCodingException notUtf8) {
      return new String(content, Charset.forName("GB18030"));
    }
  }

  /** The column of each position, or null with the problems noted (unknown, repeated or missing columns). */
  private Map<Integer, ImportColumn> header(List<String> texts) {
    Map<Integer, ImportColumn> columns = new HashMap<>();
    Map<ImportColumn, Integer> seen = new EnumMap<>(ImportColumn.class);
    List<ImportProblem> headerProblems = new ArrayList<>();
    for (int c = 0; c < texts.size(); c++) {
      String text = texts.get(c);
      if (text == null || text.isBlank()) {
        continue;
      }
      var column = ImportColumn.ofHeader(text);
      if (column.isEmpty()) {
        headerProblems.add(new ImportProblem(1, null, "无法识别的列“" + text.strip() + "”（列名须与导入模板一致）"));
      } else if (seen.containsKey(column.get())) {
        headerProblems.add(new ImportProblem(1, null, "列“" + column.get().header() + "”重复"));
      } else {
        seen.put(column.get(), c);
        columns.put(c, column.get());
      }
    }
    for (ImportColumn column : ImportColumn.values()) {
      if (column.required() && !seen.containsKey(column)) {
        headerProblems.add(new ImportProblem(1, null, "缺少必填列“" + column.header() + "”"));
      }
    }
    problems.addAll(headerProblems);
    return headerProblems.isEmpty() ? columns : null;
  }

  /** Adds a non-empty row; false (with a problem) once the file holds more rows than one import takes. */
  private boolean addRow(int number, List<String> texts, Map<Integer, ImportColumn> columns) {
    Map<ImportColumn, String> cells = new EnumMap<>(ImportColumn.class);
    boolean outside = false;
    for (int c = 0; c < texts.size(); c++) {
      String text = texts.get(c) == null ? null : texts.get(c).strip();
      if (text == null || text.isEmpty()) {
        continue;
      }
      ImportColumn column = columns.get(c);
      if (column == null) {
        outside = true;
      } else {
        cells.put(column, text);
      }
    }
    if (cells.isEmpty() && !outside) {
      return true;
    }
    if (rows.size() == MAX_ROWS) {
      problems.add(ImportProblem.ofFile("一次最多导入" + MAX_ROWS + "件案件，请分批导入"));
      return false;
    }
    if (outside) {
      problems.add(new ImportProblem(number, null, "有内容填在没有列名的列中"));
    }
    rows.add(new ImportRow(number, cells));
    return true;
  }
}

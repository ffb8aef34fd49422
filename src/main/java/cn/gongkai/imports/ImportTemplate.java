package cn.gongkai.imports;

import cn.gongkai.request.ApplicantType;
import cn.gongkai.request.Channel;
import cn.gongkai.request.ExemptionCode;
import cn.gongkai.request.IdType;
import cn.gongkai.request.Labelled;
import cn.gongkai.request.Outcome;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The import template ({@code GET /api/imports/cases/template.xlsx}): the sheet {@value ImportSheet#SHEET} with
 * the headers, text and date formats and drop-down lists, the instructions with an example row, and the lists
 * of allowed values. docs/import-template.md describes the same columns.
 */
final class ImportTemplate {

  /** One case as it would be entered (the instructions' example; it is not in the sheet to be imported). */
  static final Map<ImportColumn, String> EXAMPLE = example();

  private ImportTemplate() {}

  private static Map<ImportColumn, String> example() {
    Map<ImportColumn, String> row = new LinkedHashMap<>();
    row.put(ImportColumn.SOURCE_NUMBER, "楚政办依申请〔2026〕12号");
    row.put(ImportColumn.APPLICANT_TYPE, "自然人");
    row.put(ImportColumn.APPLICANT_NAME, "张三");
    row.put(ImportColumn.ID_TYPE, "居民身份证");
    row.put(ImportColumn.ID_NUMBER, "11010519491231002X");
    row.put(ImportColumn.PHONE, "13800000000");
    row.put(ImportColumn.ADDRESS, "云南省楚雄市鹿城南路1号");
    row.put(ImportColumn.EMAIL, "");
    row.put(ImportColumn.CHANNEL, "网络");
    row.put(ImportColumn.RECEIVED_ON, "2026-03-02");
    row.put(ImportColumn.DESCRIPTION, "2025年本市老旧小区改造项目清单");
    row.put(ImportColumn.OUTCOME, "不予公开");
    row.put(ImportColumn.EXEMPTION, "属于四类过程性信息");
    row.put(ImportColumn.EXTENSION_DAYS, "10");
    row.put(ImportColumn.OVERDUE, "否");
    row.put(ImportColumn.FEE_AMOUNT, "");
    row.put(ImportColumn.FEE_PAID_ON, "");
    row.put(ImportColumn.REPLIED_ON, "2026-04-10");
    row.put(ImportColumn.CLOSED_ON, "");
    row.put(ImportColumn.REPLY_DUE_ON, "");
    return row;
  }

  static byte[] workbook() {
    try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet cases = wb.createSheet(ImportSheet.SHEET);
      Sheet help = wb.createSheet("填写说明");
      Sheet lists = wb.createSheet("取值");

      Font bold = wb.createFont();
      bold.setBold(true);
      CellStyle header = wb.createCellStyle();
      header.setFont(bold);
      CellStyle text = wb.createCellStyle();
      text.setDataFormat(wb.createDataFormat().getFormat("@"));
      CellStyle date = wb.createCellStyle();
      date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));

      Map<ImportColumn, List<String>> choices = new LinkedHashMap<>();
      choices.put(ImportColumn.APPLICANT_TYPE, labels(ApplicantType.class));
      choices.put(ImportColumn.ID_TYPE, labels(IdType.class));
      choices.put(ImportColumn.CHANNEL, labels(Channel.class));
      choices.put(ImportColumn.OUTCOME, labels(Outcome.class));
      choices.put(ImportColumn.EXEMPTION, labels(ExemptionCode.class));
      choices.put(ImportColumn.OVERDUE, List.of("否", "是"));

      Row headers = cases.createRow(0);
      for (ImportColumn column : ImportColumn.values()) {
        int c = column.ordinal();
        headers.createCell(c).setCellValue(column.header());
        headers.getCell(c).setCellStyle(header);
        cases.setColumnWidth(c, (column == ImportColumn.DESCRIPTION ? 40 : 16) * 256);
        boolean isDate = column.header().endsWith("日期");
        boolean isNumber = column == ImportColumn.EXTENSION_DAYS || column == ImportColumn.FEE_AMOUNT;
        if (isDate) {
          cases.setDefaultColumnStyle(c, date);
        } else if (!isNumber) {
          // ID numbers and numbers with leading zeros stay text (Excel would round an 18-digit number)
          cases.setDefaultColumnStyle(c, text);
        }
      }
      cases.createFreezePane(0, 1);

      DataValidationHelper validations = cases.getDataValidationHelper();
      int listColumn = 0;
      for (Map.Entry<ImportColumn, List<String>> entry : choices.entrySet()) {
        Row title = lists.getRow(0) == null ? lists.createRow(0) : lists.getRow(0);
        title.createCell(listColumn).setCellValue(entry.getKey().header());
        for (int i = 0; i < entry.getValue().size(); i++) {
          Row row = lists.getRow(i + 1) == null ? lists.createRow(i + 1) : lists.getRow(i + 1);
          row.createCell(listColumn).setCellValue(entry.getValue().get(i));
        }
        String letter = CellReference.convertNumToColString(listColumn);
        String range = "'取值'!$" + letter + "$2:$" + letter + "$" + (entry.getValue().size() + 1);
        DataValidation validation = validations.createValidation(validations.createFormulaListConstraint(range),
            new CellRangeAddressList(1, ImportSheet.MAX_ROWS, entry.getKey().ordinal(), entry.getKey().ordinal()));
        validation.setShowErrorBox(true);
        validation.createErrorBox("取值无效", "请从下拉列表中选择");
        cases.addValidationData(validation);
        lists.setColumnWidth(listColumn, 40 * 256);
        listColumn++;
      }
      wb.setSheetHidden(wb.getSheetIndex(lists), true);

      Row helpHeader = help.createRow(0);
      String[] titles = {"列名", "是否必填", "填写要求", "示例"};
      for (int i = 0; i < titles.length; i++) {
        helpHeader.createCell(i).setCellValue(titles[i]);
        helpHeader.getCell(i).setCellStyle(header);
      }
      for (ImportColumn column : ImportColumn.values()) {
        Row row = help.createRow(column.ordinal() + 1);
        row.createCell(0).setCellValue(column.header());
        row.createCell(1).setCellValue(column.required() ? "必填" : "视情况");
        row.createCell(2).setCellValue(column.hint());
        row.createCell(3).setCellValue(EXAMPLE.getOrDefault(column, ""));
      }
      int r = ImportColumn.values().length + 2;
      help.createRow(r++).createCell(0).setCellValue("办理结果可填中文名称或代码：");
      for (Outcome outcome : Outcome.values()) {
        Row row = help.createRow(r++);
        row.createCell(0).setCellValue(outcome.label());
        row.createCell(1).setCellValue(outcome.name());
      }
      r++;
      for (String line : List.of(
          "第1行为表头，案件从第2行起每行一件；请勿修改列名，可以删除不用的选填列。",
          "整个文件一并检查：任何一处错误都不导入任何案件，并列出所有错误所在的行和列。",
          "导入的案件为已办结案件，按收到申请日期所在年度统一编号，计入年度报告，案件页面标注“导入的历史案件”。")) {
        help.createRow(r++).createCell(0).setCellValue(line);
      }
      help.setColumnWidth(0, 30 * 256);
      help.setColumnWidth(1, 14 * 256);
      help.setColumnWidth(2, 70 * 256);
      help.setColumnWidth(3, 30 * 256);

      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static <E extends Enum<E> & Labelled> List<String> labels(Class<E> type) {
    return Arrays.stream(type.getEnumConstants()).map(Labelled::label).toList();
  }
}

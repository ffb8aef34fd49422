package cn.gongkai.report;

import cn.gongkai.report.AnnualReport.Label;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.web.util.HtmlUtils;

/**
 * The annual report as an HTML page in Chinese, in the layout of the official tables. Every figure cell
 * carries its keys ({@code data-row}/{@code data-col}, {@code data-kind}/{@code data-result},
 * {@code data-figure}) so that the page can be checked against the JSON.
 */
final class AnnualReportPage {

  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private AnnualReportPage() {}

  /** Draft or locked, and as of when: the line under the title on the page and in the workbook. */
  static String statusLine(AnnualReport report) {
    if (report.status() == AnnualReport.Status.LOCKED) {
      return "已锁定：" + report.lockedAt().atZoneSameInstant(ReportYear.BEIJING).format(MINUTE) + " 由 "
          + report.lockedBy() + " 锁定，数据为锁定时的登记簿数据";
    }
    return "草稿（未锁定）：根据 " + report.computedAt().atZoneSameInstant(ReportYear.BEIJING).format(MINUTE)
        + " 的登记簿数据生成，数据可能变化";
  }

  static String render(AnnualReport report) {
    StringBuilder h = new StringBuilder(16_384);
    h.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"UTF-8\">\n<title>")
        .append(e(report.title())).append("</title>\n<style>\n")
        .append("body{font-family:\"SimSun\",\"宋体\",\"Noto Serif CJK SC\",serif;margin:2em;}\n")
        .append("h1{font-size:1.5em;text-align:center;}h2{font-size:1.15em;margin-top:1.6em;}\n")
        .append("table{border-collapse:collapse;}th,td{border:1px solid #000;padding:4px 8px;}\n")
        .append("th{font-weight:normal;text-align:center;}td.n{text-align:center;min-width:4em;}\n")
        .append("td.l{text-align:left;}.status{text-align:center;color:#555;}")
        .append(".draft{color:#b00;}.failed{color:#b00;}\n</style>\n</head>\n<body>\n");
    h.append("<h1>").append(e(report.title())).append("</h1>\n");
    h.append("<p class=\"status").append(report.status() == AnnualReport.Status.DRAFT ? " draft" : "")
        .append("\" data-status=\"").append(report.status()).append("\">").append(e(statusLine(report)))
        .append("</p>\n");
    tableThree(h, report);
    tableFour(h, report);
    olderFormat(h, report);
    crossCheck(h, report);
    h.append("</body>\n</html>\n");
    return h.toString();
  }

  private static void tableThree(StringBuilder h, AnnualReport report) {
    h.append("<h2>三、收到和处理政府信息公开申请情况</h2>\n<table id=\"table-three\">\n<thead>\n");
    h.append("<tr><th colspan=\"3\" rowspan=\"3\">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</th>")
        .append("<th colspan=\"").append(ReportColumn.values().length).append("\">申请人情况</th></tr>\n");
    h.append("<tr><th rowspan=\"2\">").append(ReportColumn.NATURAL_PERSON.label()).append("</th><th colspan=\"")
        .append(ReportColumn.LEGAL_PERSONS.size()).append("\">").append(AnnualReport.LEGAL_PERSONS_GROUP)
        .append("</th><th rowspan=\"2\">").append(ReportColumn.TOTAL.label()).append("</th></tr>\n<tr>");
    for (ReportColumn c : ReportColumn.LEGAL_PERSONS) {
      h.append("<th>").append(c.label()).append("</th>");
    }
    h.append("</tr>\n</thead>\n<tbody>\n");
    TableThreeRow[] rows = TableThreeRow.values();
    int results = (int) Arrays.stream(rows).filter(TableThreeRow::isResult).count();
    for (int i = 0; i < rows.length; i++) {
      TableThreeRow row = rows[i];
      h.append("<tr>");
      if (row == TableThreeRow.DISCLOSED) {
        h.append("<th rowspan=\"").append(results).append("\">").append(TableThreeRow.RESULTS_SECTION).append("</th>");
      }
      switch (row.group()) {
        case NONE -> h.append("<td class=\"l\" colspan=\"3\">").append(e(row.label())).append("</td>");
        case RESULT -> h.append("<td class=\"l\" colspan=\"2\">").append(e(row.label())).append("</td>");
        default -> {
          if (rows[i - 1].group() != row.group()) {
            long size = Arrays.stream(rows).filter(r -> r.group() == row.group()).count();
            h.append("<th rowspan=\"").append(size).append("\">").append(e(row.group().label())).append("</th>");
          }
          h.append("<td class=\"l\">").append(e(row.label())).append("</td>");
        }
      }
      Map<String, Long> cells = report.tableThree().get(row.code());
      for (ReportColumn c : ReportColumn.values()) {
        h.append("<td class=\"n\" data-row=\"").append(row.code()).append("\" data-col=\"").append(c.name())
            .append("\">").append(cells.get(c.name())).append("</td>");
      }
      h.append("</tr>\n");
    }
    h.append("</tbody>\n</table>\n");
  }

  private static void tableFour(StringBuilder h, AnnualReport report) {
    List<Label> results = report.tableFourResults();
    h.append("<h2>四、政府信息公开行政复议、行政诉讼情况</h2>\n<table id=\"table-four\">\n<thead>\n");
    h.append("<tr><th colspan=\"").append(results.size()).append("\" rowspan=\"2\">行政复议</th><th colspan=\"")
        .append(2 * results.size()).append("\">行政诉讼</th></tr>\n");
    h.append("<tr><th colspan=\"").append(results.size()).append("\">未经复议直接起诉</th><th colspan=\"")
        .append(results.size()).append("\">复议后起诉</th></tr>\n<tr>");
    for (int k = 0; k < RemedyKind.values().length; k++) {
      for (Label result : results) {
        h.append("<th>").append(e(result.label())).append("</th>");
      }
    }
    h.append("</tr>\n</thead>\n<tbody>\n<tr>");
    for (RemedyKind kind : RemedyKind.values()) {
      for (Label result : results) {
        h.append("<td class=\"n\" data-kind=\"").append(kind.name()).append("\" data-result=\"").append(result.code())
            .append("\">").append(report.tableFour().get(kind.name()).get(result.code())).append("</td>");
      }
    }
    h.append("</tr>\n</tbody>\n</table>\n");
  }

  private static void olderFormat(StringBuilder h, AnnualReport report) {
    OlderFormat older = report.olderFormat();
    AnnualReport.OlderFormatLabels labels = report.olderFormatLabels();
    h.append("<h2>其他统计（往年报告格式）</h2>\n<table id=\"older-format\">\n")
        .append("<thead><tr><th>项目</th><th>分项</th><th>数量</th></tr></thead>\n<tbody>\n");
    block(h, "本年新收申请（按收件渠道）", "receivedByChannel", labels.channels(), older.receivedByChannel());
    block(h, "本年答复（按是否按期）", "replied", labels.timeliness(), older.replied());
    h.append("<tr><th rowspan=\"2\">信息处理费</th><td class=\"l\">").append(e(labels.feesCollected()))
        .append("</td><td class=\"n\" data-figure=\"feesCollected\">").append(older.feesCollected().toPlainString())
        .append("</td></tr>\n<tr><td class=\"l\">").append(e(labels.feeCases()))
        .append("</td><td class=\"n\" data-figure=\"feeCases\">").append(older.feeCases()).append("</td></tr>\n");
    h.append("</tbody>\n</table>\n");
  }

  private static void block(StringBuilder h, String title, String key, List<Label> items, Map<String, Long> values) {
    for (int i = 0; i < items.size(); i++) {
      h.append("<tr>");
      if (i == 0) {
        h.append("<th rowspan=\"").append(items.size()).append("\">").append(e(title)).append("</th>");
      }
      Label item = items.get(i);
      h.append("<td class=\"l\">").append(e(item.label())).append("</td><td class=\"n\" data-figure=\"").append(key)
          .append('.').append(item.code()).append("\">").append(values.get(item.code())).append("</td></tr>\n");
    }
  }

  private static void crossCheck(StringBuilder h, AnnualReport report) {
    h.append("<h2>表内核对</h2>\n");
    if (report.crossCheck().passed()) {
      h.append("<p id=\"cross-check\" data-passed=\"true\">通过：各列 一 + 二 = 三(七) + 四。</p>\n");
      return;
    }
    h.append("<p id=\"cross-check\" data-passed=\"false\" class=\"failed\">未通过：</p>\n<ul class=\"failed\">\n");
    for (CrossCheck.Failure f : report.crossCheck().failures()) {
      h.append("<li data-column=\"").append(f.column()).append("\">").append(e(f.message())).append("</li>\n");
    }
    h.append("</ul>\n");
  }

  private static String e(String text) {
    return HtmlUtils.htmlEscape(text, "UTF-8");
  }
}

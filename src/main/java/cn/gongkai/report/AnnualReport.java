package cn.gongkai.report;

import cn.gongkai.report.OlderFormat.ChannelGroup;
import cn.gongkai.report.OlderFormat.Timeliness;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * An agency's annual report for a year as served by the API, the .xlsx and the HTML page: the figures
 * (live, or frozen when the year is locked), whether it is a draft, and the Chinese labels of every row
 * and column.
 */
public record AnnualReport(
    int year,
    AgencyRef agency,
    String title,
    Status status,
    String lockedBy,
    OffsetDateTime lockedAt,
    OffsetDateTime computedAt,
    Map<String, Map<String, Long>> tableThree,
    List<RowLabel> tableThreeRows,
    List<ColumnLabel> tableThreeColumns,
    Map<String, Map<String, Long>> tableFour,
    List<Label> tableFourKinds,
    List<Label> tableFourResults,
    OlderFormat olderFormat,
    OlderFormatLabels olderFormatLabels,
    CrossCheck crossCheck) {

  /** DRAFT: computed from the register now; LOCKED: the figures frozen when the year was locked. */
  public enum Status {
    DRAFT,
    LOCKED
  }

  /** The agency the report belongs to. */
  public record AgencyRef(String code, String name) {}

  /** A code and its Chinese label. */
  public record Label(String code, String label) {}

  /** A row of table 三: its own label, the group label it sits under (if any), and both together. */
  public record RowLabel(String code, String label, String group, String fullLabel) {}

  /** A column of table 三; {@code group} is 法人或其他组织 for its five sub-columns. */
  public record ColumnLabel(String code, String label, String group) {}

  /** Labels of the older-format figures. */
  public record OlderFormatLabels(List<Label> channels, List<Label> timeliness, String feesCollected,
      String feeCases) {}

  /** The label of the column group over the five non-natural-person columns. */
  public static final String LEGAL_PERSONS_GROUP = "法人或其他组织";

  static AnnualReport of(AgencyRef agency, AnnualFigures figures, Status status, String lockedBy,
      OffsetDateTime lockedAt) {
    return new AnnualReport(figures.year(), agency,
        agency.name() + figures.year() + "年政府信息公开工作年度报告", status, lockedBy, lockedAt,
        figures.computedAt(), figures.tableThree(), ROWS, COLUMNS, figures.tableFour(), KINDS, RESULTS,
        figures.olderFormat(), OLDER_FORMAT_LABELS, figures.crossCheck());
  }

  private static final List<RowLabel> ROWS = Arrays.stream(TableThreeRow.values())
      .map(r -> new RowLabel(r.code(), r.label(), r.group().label(),
          (r.isResult() ? TableThreeRow.RESULTS_SECTION : "")
              + (r.group().label() == null ? "" : r.group().label()) + r.label()))
      .toList();

  private static final List<ColumnLabel> COLUMNS = Arrays.stream(ReportColumn.values())
      .map(c -> new ColumnLabel(c.name(), c.label(),
          ReportColumn.LEGAL_PERSONS.contains(c) ? LEGAL_PERSONS_GROUP : null))
      .toList();

  private static final List<Label> KINDS =
      Arrays.stream(RemedyKind.values()).map(k -> new Label(k.name(), k.label())).toList();

  private static final List<Label> RESULTS = Stream.concat(
          Arrays.stream(RemedyResult.values()).map(r -> new Label(r.name(), r.label())),
          Stream.of(new Label(AnnualFigures.TOTAL, "总计")))
      .toList();

  private static final OlderFormatLabels OLDER_FORMAT_LABELS = new OlderFormatLabels(
      Stream.concat(
          Arrays.stream(ChannelGroup.values()).map(g -> new Label(g.name(), g.label())),
          Stream.of(new Label(AnnualFigures.TOTAL, "合计"))).toList(),
      Stream.concat(
          Arrays.stream(Timeliness.values()).map(t -> new Label(t.name(), t.label())),
          Stream.of(new Label(AnnualFigures.TOTAL, "合计"))).toList(),
      "收取信息处理费（元）",
      "收费件数");
}

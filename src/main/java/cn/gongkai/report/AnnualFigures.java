package cn.gongkai.report;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * The figures of one agency's annual report for one year, as computed from the register, or as frozen
 * when the year was locked. Maps are keyed by codes: {@code tableThree[rowCode][ReportColumn]},
 * {@code tableFour[RemedyKind][RemedyResult or "TOTAL"]}.
 */
public record AnnualFigures(
    int year,
    String agencyCode,
    Map<String, Map<String, Long>> tableThree,
    Map<String, Map<String, Long>> tableFour,
    OlderFormat olderFormat,
    CrossCheck crossCheck,
    OffsetDateTime computedAt) {

  /** The key of the total column of table 四's blocks. */
  public static final String TOTAL = "TOTAL";

  /** One cell of table 三. */
  public long cell(TableThreeRow row, ReportColumn column) {
    return tableThree.get(row.code()).get(column.name());
  }

  /** One cell of table 四; {@code result} null means the block's total. */
  public long remedies(RemedyKind kind, RemedyResult result) {
    return tableFour.get(kind.name()).get(result == null ? TOTAL : result.name());
  }
}

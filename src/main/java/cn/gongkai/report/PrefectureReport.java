package cn.gongkai.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The prefecture's roll-up of one year (Reg. Art. 49-50; the 政务公开办 compiles its agencies' reports): tables 三
 * and 四 summed over the agencies, and per agency its own figures, cross-check and whether it has locked the year.
 *
 * @param notLocked the codes of the agencies that have not locked the year yet
 */
public record PrefectureReport(
    int year,
    String scope,
    String title,
    Map<String, Map<String, Long>> tableThree,
    List<AnnualReport.RowLabel> tableThreeRows,
    List<AnnualReport.ColumnLabel> tableThreeColumns,
    Map<String, Map<String, Long>> tableFour,
    boolean allLocked,
    List<String> notLocked,
    boolean crossChecksPassed,
    List<AgencyLine> agencies) {

  /** One agency in the roll-up: its status, its cross-check and its own tables. */
  public record AgencyLine(String code, String name, String parent, boolean locked, String lockedBy,
      java.time.OffsetDateTime lockedAt, AnnualReport.Status status, long newRequests, CrossCheck crossCheck,
      Map<String, Map<String, Long>> tableThree, Map<String, Map<String, Long>> tableFour) {}

  static PrefectureReport of(String prefectureName, int year, List<AnnualReport> reports) {
    Map<String, Map<String, Long>> three = new LinkedHashMap<>();
    Map<String, Map<String, Long>> four = new LinkedHashMap<>();
    List<AgencyLine> lines = new java.util.ArrayList<>();
    for (AnnualReport report : reports) {
      add(three, report.tableThree());
      add(four, report.tableFour());
      boolean locked = report.status() == AnnualReport.Status.LOCKED;
      long newRequests = report.tableThree().getOrDefault(TableThreeRow.values()[0].code(), Map.of())
          .getOrDefault(ReportColumn.TOTAL.name(), 0L);
      lines.add(new AgencyLine(report.agency().code(), report.agency().name(), null, locked, report.lockedBy(),
          report.lockedAt(), report.status(), newRequests, report.crossCheck(), report.tableThree(),
          report.tableFour()));
    }
    List<String> notLocked = lines.stream().filter(l -> !l.locked()).map(AgencyLine::code).toList();
    AnnualReport any = reports.isEmpty() ? null : reports.get(0);
    return new PrefectureReport(year, "prefecture", prefectureName + year + "年政府信息公开工作年度报告（全州汇总）",
        three, any == null ? List.of() : any.tableThreeRows(), any == null ? List.of() : any.tableThreeColumns(), four,
        notLocked.isEmpty(), notLocked, lines.stream().allMatch(l -> l.crossCheck().passed()), lines);
  }

  private static void add(Map<String, Map<String, Long>> sum, Map<String, Map<String, Long>> part) {
    part.forEach((row, columns) -> {
      Map<String, Long> target = sum.computeIfAbsent(row, k -> new LinkedHashMap<>());
      columns.forEach((column, value) -> target.merge(column, value, Long::sum));
    });
  }

  /** The same with each agency's parent filled in. */
  PrefectureReport withParents(Map<String, String> parents) {
    return new PrefectureReport(year, scope, title, tableThree, tableThreeRows, tableThreeColumns, tableFour,
        allLocked, notLocked, crossChecksPassed, agencies.stream()
            .map(l -> new AgencyLine(l.code(), l.name(), parents.get(l.code()), l.locked(), l.lockedBy(),
                l.lockedAt(), l.status(), l.newRequests(), l.crossCheck(), l.tableThree(), l.tableFour()))
            .toList());
  }
}

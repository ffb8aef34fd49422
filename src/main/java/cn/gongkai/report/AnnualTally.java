package cn.gongkai.report;

import cn.gongkai.report.CrossCheck.Kind;
import cn.gongkai.report.OlderFormat.ChannelGroup;
import cn.gongkai.report.OlderFormat.Timeliness;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Adds up the register scan's groups into table 三 and the older format's counts, and checks the sums.
 * Pure arithmetic: the SQL that produces the groups lives in {@link AnnualReportCalculator}.
 */
final class AnnualTally {

  /**
   * One group of the register scan: {@code count} cases sharing applicant type, outcome, exemption code,
   * channel and {@code bucket}, which says where their dates fall relative to the report year:
   * {@code received * 1000 + repliedBeforeReceived * 100 + conclusion}, with
   * <ul>
   *   <li>received: 0 before the year, 1 in it, 2 after it;
   *   <li>repliedBeforeReceived: 1 when {@code replied_on < received_on};
   *   <li>conclusion: 0 not concluded; 70 not concluded but status CLOSED; replied before the year 10,
   *       in it 21 (on time), 22 (after an extension), 23 (overdue), after it 30; closed by archiving
   *       without a reply before the year 40, in it 50, after it 60.
   * </ul>
   */
  record ScanRow(String applicantType, String outcome, String outcomeCode, String channel, int bucket, long count) {

    int received() {
      return bucket / 1000;
    }

    boolean repliedBeforeReceived() {
      return bucket / 100 % 10 == 1;
    }

    int conclusion() {
      return bucket % 100;
    }

    boolean receivedInYear() {
      return received() == 1;
    }

    boolean concludedBeforeYear() {
      return conclusion() == 10 || conclusion() == 40;
    }

    boolean concludedInYear() {
      return conclusion() > 20 && conclusion() < 30 || conclusion() == 50;
    }

    boolean concludedByYearEnd() {
      return concludedBeforeYear() || concludedInYear();
    }

    /** 二: received before the year and still open on 1 January. */
    boolean carriedIn() {
      return received() == 0 && !concludedBeforeYear();
    }

    /** 四: received by 31 December and still open at its end. */
    boolean carriedOut() {
      return received() <= 1 && !concludedByYearEnd();
    }

    /** Counts in some cell of table 三 (given a known applicant type). */
    boolean relevant() {
      return receivedInYear() || carriedIn() || concludedInYear() || carriedOut();
    }

    boolean closedWithoutDate() {
      return conclusion() == 70 && received() <= 1;
    }

    /**
     * Replied before received; or closed by archiving in an earlier year than received. (Archived
     * earlier in the same year than received needs the exact dates: the calculator checks that apart.)
     */
    boolean concludedBeforeReceived() {
      return repliedBeforeReceived() && relevant()
          || receivedInYear() && conclusion() == 40
          || received() == 2 && conclusion() == 50;
    }
  }

  /** Cases the tally could not place, or placed on doubtful data: the calculator looks up their numbers. */
  record Finding(Kind kind, ReportColumn column, long count, ScanRow group) {}

  private final long[][] three = new long[TableThreeRow.values().length][ReportColumn.values().length];
  private final Map<ChannelGroup, Long> channels = new EnumMap<>(ChannelGroup.class);
  private final Map<Timeliness, Long> replied = new EnumMap<>(Timeliness.class);
  private final List<Finding> findings = new ArrayList<>();

  AnnualTally() {
    for (ChannelGroup g : ChannelGroup.values()) {
      channels.put(g, 0L);
    }
    for (Timeliness t : Timeliness.values()) {
      replied.put(t, 0L);
    }
  }

  void add(ScanRow row) {
    long n = row.count();
    if (row.receivedInYear()) {
      Optional<ChannelGroup> channel = ChannelGroup.ofChannel(row.channel());
      if (channel.isPresent()) {
        channels.merge(channel.get(), n, Long::sum);
      } else {
        findings.add(new Finding(Kind.UNKNOWN_CHANNEL, ReportColumn.TOTAL, n, row));
      }
    }
    switch (row.conclusion()) {
      case 21 -> replied.merge(Timeliness.ON_TIME, n, Long::sum);
      case 22 -> replied.merge(Timeliness.AFTER_EXTENSION, n, Long::sum);
      case 23 -> replied.merge(Timeliness.OVERDUE, n, Long::sum);
      default -> { }
    }
    if (!row.relevant()) {
      return;
    }
    Optional<ReportColumn> type = ReportColumn.ofApplicantType(row.applicantType());
    if (type.isEmpty()) {
      findings.add(new Finding(Kind.UNKNOWN_APPLICANT_TYPE, ReportColumn.TOTAL, n, row));
      return;
    }
    ReportColumn column = type.get();
    if (row.receivedInYear()) {
      add(TableThreeRow.NEW, column, n);
    }
    if (row.carriedIn()) {
      add(TableThreeRow.CARRIED_IN, column, n);
    }
    if (row.carriedOut()) {
      add(TableThreeRow.CARRIED_OUT, column, n);
    }
    if (row.concludedInYear()) {
      Optional<TableThreeRow> result = TableThreeRow.forOutcome(row.outcome(), row.outcomeCode());
      if (result.isPresent()) {
        add(result.get(), column, n);
      } else {
        findings.add(new Finding(Kind.NO_RESULT_ROW, column, n, row));
      }
    }
    if (row.closedWithoutDate()) {
      findings.add(new Finding(Kind.CLOSED_WITHOUT_DATE, column, n, row));
    }
    if (row.concludedBeforeReceived()) {
      findings.add(new Finding(Kind.CONCLUDED_BEFORE_RECEIVED, column, n, row));
    }
  }

  private void add(TableThreeRow row, ReportColumn column, long n) {
    three[row.ordinal()][column.ordinal()] += n;
  }

  /** Table 三 with 三(七) and the total column filled in: {@code [rowCode][columnCode]}. */
  Map<String, Map<String, Long>> tableThree() {
    long[][] t = new long[three.length][];
    for (int r = 0; r < three.length; r++) {
      t[r] = three[r].clone();
    }
    int total = TableThreeRow.RESULT_TOTAL.ordinal();
    for (ReportColumn c : ReportColumn.APPLICANT_TYPES) {
      t[total][c.ordinal()] = TableThreeRow.RESULTS.stream().mapToLong(r -> t[r.ordinal()][c.ordinal()]).sum();
    }
    for (TableThreeRow r : TableThreeRow.values()) {
      t[r.ordinal()][ReportColumn.TOTAL.ordinal()] =
          ReportColumn.APPLICANT_TYPES.stream().mapToLong(c -> t[r.ordinal()][c.ordinal()]).sum();
    }
    Map<String, Map<String, Long>> table = new LinkedHashMap<>();
    for (TableThreeRow r : TableThreeRow.values()) {
      Map<String, Long> cells = new LinkedHashMap<>();
      for (ReportColumn c : ReportColumn.values()) {
        cells.put(c.name(), t[r.ordinal()][c.ordinal()]);
      }
      table.put(r.code(), cells);
    }
    return table;
  }

  /** New requests by channel group, with "TOTAL". */
  Map<String, Long> receivedByChannel() {
    Map<String, Long> map = new LinkedHashMap<>();
    channels.forEach((g, n) -> map.put(g.name(), n));
    map.put(AnnualFigures.TOTAL, channels.values().stream().mapToLong(Long::longValue).sum());
    return map;
  }

  /** Replies of the year by timeliness, with "TOTAL". */
  Map<String, Long> replied() {
    Map<String, Long> map = new LinkedHashMap<>();
    replied.forEach((t, n) -> map.put(t.name(), n));
    map.put(AnnualFigures.TOTAL, replied.values().stream().mapToLong(Long::longValue).sum());
    return map;
  }

  List<Finding> findings() {
    return List.copyOf(findings);
  }

  /** Per column, including the total: 一 + 二 must equal 三(七) + 四. */
  static List<CrossCheck.Failure> checkSums(Map<String, Map<String, Long>> table) {
    List<CrossCheck.Failure> failures = new ArrayList<>();
    for (ReportColumn c : ReportColumn.values()) {
      long received = table.get(TableThreeRow.NEW.code()).get(c.name());
      long carriedIn = table.get(TableThreeRow.CARRIED_IN.code()).get(c.name());
      long results = table.get(TableThreeRow.RESULT_TOTAL.code()).get(c.name());
      long carriedOut = table.get(TableThreeRow.CARRIED_OUT.code()).get(c.name());
      long left = received + carriedIn;
      long right = results + carriedOut;
      if (left != right) {
        String message = String.format(
            "%s列：一（本年新收）%d + 二（上年结转）%d = %d，不等于 三(七)（本年度办理结果总计）%d + 四（结转下年度）%d = %d，"
                + "%s %d 件",
            c.label(), received, carriedIn, left, results, carriedOut, right,
            left > right ? "办理结果与结转少计" : "办理结果与结转多计", Math.abs(left - right));
        failures.add(new CrossCheck.Failure(c.name(), c.label(), Kind.SUMS_DISAGREE, message, List.of()));
      }
    }
    return failures;
  }
}

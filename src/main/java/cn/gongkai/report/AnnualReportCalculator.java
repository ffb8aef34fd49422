package cn.gongkai.report;

import cn.gongkai.report.AnnualTally.Finding;
import cn.gongkai.report.AnnualTally.ScanRow;
import cn.gongkai.report.CrossCheck.Failure;
import cn.gongkai.report.CrossCheck.Kind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Computes an agency's annual report for a year from the case register with grouped SQL aggregates: one
 * scan of the register (table 三 and the older format), and small indexed queries (archive-closed cases,
 * fees, table 四).
 *
 * <p>Dates, all Beijing calendar dates (see {@link ReportYear}):
 * <ul>
 *   <li>received: {@code received_on};
 *   <li>concluded (办结): {@code replied_on} when the case was answered; otherwise, for a case closed
 *       without a reply (withdrawn, deemed withdrawn after no correction or unpaid fee), the Beijing date of
 *       {@code archived_at}; a case with neither is not concluded, whatever its status;
 *   <li>一 new: received in the year; 二 carried in: received before the year and not concluded before
 *       1 January; 三 results: concluded in the year, in the row of its outcome (§4); 四 carried out:
 *       received by 31 December and not concluded by 31 December.
 * </ul>
 */
@Component
class AnnualReportCalculator {

  /**
   * The agency filter, written so that the index on {@code agency_code} (the foreign key's) is not used:
   * the scan reads most of an agency's register anyway, and the side queries have better indexes (their
   * dates). H2 otherwise walks that index and fetches every row through it, about twice as slow as a
   * plain scan, and drives the remedies join from the cases (measured; H2 folds {@code agency_code || ''}
   * back into the column, not COALESCE).
   */
  private static final String AGENCY = "COALESCE(c.agency_code, '') = :agency";

  private static final String RECEIVED_IN_YEAR = "(c.received_on >= :ys AND c.received_on <= :ye)";
  private static final String CONCLUDED_IN_YEAR =
      "((c.replied_on IS NOT NULL AND c.replied_on >= :ys AND c.replied_on <= :ye)"
          + " OR (c.replied_on IS NULL AND c.archived_at IS NOT NULL AND c.archived_at >= :ysi"
          + " AND c.archived_at < :nysi))";
  /**
   * The agency's cases that may count in the year: a cheap filter that skips cases replied before the
   * year (most of an old register); the bucket sorts out the rest.
   */
  private static final String SCOPE = AGENCY
      + " AND (c.received_on >= :ys OR c.replied_on IS NULL OR c.replied_on >= :ys)";

  /**
   * One pass over the register: see {@link AnnualTally.ScanRow} for the bucket's code. A reply is 超期 when its
   * date is after the reply deadline (extension and pauses included), whatever a timer did.
   */
  private static final String SCAN = "SELECT c.applicant_type, c.outcome, c.outcome_code, c.channel,"
      + " CASE WHEN c.received_on < :ys THEN 0 WHEN c.received_on <= :ye THEN 1000 ELSE 2000 END"
      + " + CASE WHEN c.replied_on < c.received_on THEN 100 ELSE 0 END"
      + " + CASE WHEN c.replied_on IS NOT NULL THEN"
      + "     CASE WHEN c.replied_on < :ys THEN 10 WHEN c.replied_on > :ye THEN 30"
      + "       WHEN c.replied_on > c.reply_due_on THEN 23 WHEN c.extension_working_days IS NOT NULL THEN 22"
      + "       ELSE 21 END"
      + "   WHEN c.archived_at IS NOT NULL THEN"
      + "     CASE WHEN c.archived_at < :ysi THEN 40 WHEN c.archived_at < :nysi THEN 50 ELSE 60 END"
      + "   WHEN c.status = 'CLOSED' THEN 70 ELSE 0 END AS bucket,"
      + " COUNT(*) AS n"
      + " FROM gk_disclosure_case c WHERE " + SCOPE
      + " GROUP BY c.applicant_type, c.outcome, c.outcome_code, c.channel, bucket";

  /** The same cases as the tally's findings, to name them (only run when there are findings). */
  private static final String RELEVANT = "(" + RECEIVED_IN_YEAR + " OR " + CONCLUDED_IN_YEAR
      + " OR (c.received_on < :ys AND (c.replied_on >= :ys OR (c.replied_on IS NULL"
      + " AND (c.archived_at IS NULL OR c.archived_at >= :ysi)))))";
  private static final String CLOSED_WITHOUT_DATE = "(c.status = 'CLOSED' AND c.replied_on IS NULL"
      + " AND c.archived_at IS NULL AND c.received_on <= :ye)";
  private static final String CONCLUDED_BEFORE_RECEIVED = "((c.replied_on < c.received_on AND " + RELEVANT + ")"
      + " OR (c.replied_on IS NULL AND c.archived_at < :ysi AND " + RECEIVED_IN_YEAR + ")"
      + " OR (c.replied_on IS NULL AND c.archived_at >= :ysi AND c.archived_at < :nysi AND c.received_on > :ye))";

  /**
   * Table 四's year: a remedy counts in the year it was decided (with its result), or, when it was filed
   * in the year and not decided by 31 December, as 尚未审结 of that year. A remedy filed in one year and
   * decided in a later one thus counts twice: pending in the first, with its result in the second.
   */
  private static final String REMEDIES = "SELECT kind, cell, COUNT(*) AS n FROM ("
      + "SELECT r.kind, CASE WHEN r.decided_on IS NOT NULL AND r.decided_on <= :ye THEN r.result ELSE 'PENDING' END"
      + " AS cell FROM gk_case_remedy r JOIN gk_disclosure_case c ON c.id = r.case_id"
      + " WHERE " + AGENCY + " AND ((r.decided_on >= :ys AND r.decided_on <= :ye)"
      + " OR (r.filed_on >= :ys AND r.filed_on <= :ye AND (r.decided_on IS NULL OR r.decided_on > :ye)))) t"
      + " GROUP BY kind, cell";

  private final JdbcClient jdbc;

  AnnualReportCalculator(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The figures for the agency and year, computed now. */
  AnnualFigures compute(String agencyCode, ReportYear year) {
    Map<String, Object> params = params(agencyCode, year);
    AnnualTally tally = new AnnualTally();
    jdbc.sql(SCAN).params(params).query((rs, n) -> new ScanRow(rs.getString("applicant_type"),
            rs.getString("outcome"), rs.getString("outcome_code"), rs.getString("channel"), rs.getInt("bucket"),
            rs.getLong("n")))
        .list()
        .forEach(tally::add);

    Map<String, Map<String, Long>> tableThree = tally.tableThree();
    List<Failure> failures = new ArrayList<>(AnnualTally.checkSums(tableThree));
    failures.addAll(describe(tally.findings(), archivedBeforeReceived(params), params));
    failures.sort(Comparator.comparing((Failure f) -> ReportColumn.valueOf(f.column())).thenComparing(Failure::kind));

    Map<String, Object> fees = jdbc.sql("SELECT COUNT(*) AS n, SUM(c.fee_amount) AS amount FROM gk_disclosure_case c"
            + " WHERE " + AGENCY + " AND c.fee_paid_on >= :ys AND c.fee_paid_on <= :ye"
            + " AND c.fee_amount IS NOT NULL")
        .params(params)
        .query()
        .singleRow();
    BigDecimal amount = fees.get("amount") == null ? BigDecimal.ZERO : new BigDecimal(fees.get("amount").toString());
    OlderFormat older = new OlderFormat(tally.receivedByChannel(), tally.replied(), amount.setScale(2),
        ((Number) fees.get("n")).longValue());

    return new AnnualFigures(year.value(), agencyCode, tableThree, tableFour(params), older,
        CrossCheck.of(failures), OffsetDateTime.now(ReportYear.BEIJING));
  }

  private static Map<String, Object> params(String agencyCode, ReportYear year) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("agency", agencyCode);
    params.put("ys", year.firstDay());
    params.put("ye", year.lastDay());
    params.put("ysi", year.start());
    params.put("nysi", year.nextStart());
    return params;
  }

  private Map<String, Map<String, Long>> tableFour(Map<String, Object> params) {
    Map<String, Map<String, Long>> table = new LinkedHashMap<>();
    for (RemedyKind kind : RemedyKind.values()) {
      Map<String, Long> cells = new LinkedHashMap<>();
      for (RemedyResult result : RemedyResult.values()) {
        cells.put(result.name(), 0L);
      }
      cells.put(AnnualFigures.TOTAL, 0L);
      table.put(kind.name(), cells);
    }
    jdbc.sql(REMEDIES).params(params).query((rs, n) -> {
      Map<String, Long> cells = table.get(rs.getString("kind"));
      cells.merge(rs.getString("cell"), rs.getLong("n"), Long::sum);
      cells.merge(AnnualFigures.TOTAL, rs.getLong("n"), Long::sum);
      return null;
    }).list();
    return table;
  }

  /**
   * Cases closed by archiving in the year (no reply) whose archive date in Beijing is before their date
   * of receipt, by applicant type: grouped per receipt date first, so only suspicious dates are read.
   */
  private Map<String, List<String>> archivedBeforeReceived(Map<String, Object> params) {
    String archivedInYear = AGENCY + " AND c.replied_on IS NULL AND c.archived_at >= :ysi"
        + " AND c.archived_at < :nysi AND c.received_on >= :ys";
    Map<String, List<String>> byType = new LinkedHashMap<>();
    jdbc.sql("SELECT c.applicant_type, c.received_on, MIN(c.archived_at) AS first_archived"
            + " FROM gk_disclosure_case c WHERE " + archivedInYear + " GROUP BY c.applicant_type, c.received_on")
        .params(params)
        .query((rs, n) -> new Object[] {
            rs.getString(1), rs.getObject(2, LocalDate.class), rs.getObject(3, OffsetDateTime.class)})
        .list()
        .forEach(row -> {
          LocalDate received = (LocalDate) row[1];
          OffsetDateTime firstArchived = (OffsetDateTime) row[2];
          if (firstArchived.atZoneSameInstant(ReportYear.BEIJING).toLocalDate().isBefore(received)) {
            List<String> numbers = jdbc.sql("SELECT c.case_number FROM gk_disclosure_case c WHERE " + archivedInYear
                    + " AND c.applicant_type = :type AND c.received_on = :received AND c.archived_at < :receivedStart"
                    + " ORDER BY c.case_number")
                .params(params)
                .param("type", row[0])
                .param("received", received)
                .param("receivedStart", received.atStartOfDay(ReportYear.BEIJING).toOffsetDateTime())
                .query(String.class)
                .list();
            byType.computeIfAbsent((String) row[0], t -> new ArrayList<>()).addAll(numbers);
          }
        });
    return byType;
  }

  /** One failure per kind and column, with the case numbers behind it. */
  private List<Failure> describe(
      List<Finding> findings, Map<String, List<String>> archivedBeforeReceived, Map<String, Object> params) {
    Map<String, Long> counts = new LinkedHashMap<>();
    Map<String, Set<String>> numbers = new LinkedHashMap<>();
    Map<String, Set<String>> details = new LinkedHashMap<>();
    // a finding is one scan group: several groups (channels, buckets) share one case-number query
    Map<String, List<String>> asked = new LinkedHashMap<>();
    for (Finding f : findings) {
      String key = f.kind() + "/" + f.column();
      counts.merge(key, f.count(), Long::sum);
      numbers.computeIfAbsent(key, k -> new TreeSet<>()).addAll(caseNumbers(f, params, asked));
      String detail = detail(f);
      if (detail != null) {
        details.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(detail);
      }
    }
    archivedBeforeReceived.forEach((type, list) -> {
      ReportColumn column = ReportColumn.ofApplicantType(type).orElse(ReportColumn.TOTAL);
      String key = Kind.CONCLUDED_BEFORE_RECEIVED + "/" + column;
      counts.merge(key, (long) list.size(), Long::sum);
      numbers.computeIfAbsent(key, k -> new TreeSet<>()).addAll(list);
    });
    List<Failure> failures = new ArrayList<>();
    counts.forEach((key, count) -> {
      Kind kind = Kind.valueOf(key.substring(0, key.indexOf('/')));
      ReportColumn column = ReportColumn.valueOf(key.substring(key.indexOf('/') + 1));
      List<String> named = numbers.getOrDefault(key, Set.of()).stream().limit(CrossCheck.CASES_NAMED).toList();
      String detail = details.containsKey(key) ? String.join("；", details.get(key)) : null;
      failures.add(new Failure(column.name(), column.label(), kind,
          message(kind, column, count, detail, named), named));
    });
    return failures;
  }

  private static String detail(Finding f) {
    ScanRow g = f.group();
    return switch (f.kind()) {
      case NO_RESULT_ROW -> {
        if (g.outcome() == null) {
          yield "未填写办理结果";
        }
        if ("REFUSE".equals(g.outcome())) {
          yield "不予公开但理由类别" + (g.outcomeCode() == null ? "未填写" : "无法识别（" + g.outcomeCode() + "）");
        }
        yield "办理结果无法识别（" + g.outcome() + "）";
      }
      case UNKNOWN_APPLICANT_TYPE -> g.applicantType();
      case UNKNOWN_CHANNEL -> g.channel();
      default -> null;
    };
  }

  private static String message(Kind kind, ReportColumn column, long count, String detail, List<String> named) {
    String text = switch (kind) {
      case NO_RESULT_ROW -> count + " 件本年度已办结的申请无法归入三(一)至三(六)（" + detail + "），未计入三(七)";
      case CLOSED_WITHOUT_DATE ->
          count + " 件申请状态为已办结，但既无答复日期也无归档时间，无法确定办结日期，只能按未办结计入结转";
      case CONCLUDED_BEFORE_RECEIVED -> count + " 件申请的办结日期（答复日期或归档日期）早于收到日期";
      case UNKNOWN_APPLICANT_TYPE -> count + " 件申请的申请人类型无法识别（" + detail + "），未计入任何一列";
      case UNKNOWN_CHANNEL -> count + " 件本年新收申请的收件渠道无法识别（" + detail + "），未计入按渠道统计";
      case SUMS_DISAGREE -> throw new IllegalArgumentException("sums are checked by AnnualTally");
    };
    String cases = named.isEmpty() ? "" : "：案号 " + String.join("、", named) + (count > named.size() ? " 等" : "");
    return column.label() + "列：" + text + cases;
  }

  /** The (first) numbers of the finding's cases; {@code asked} remembers queries already run. */
  private List<String> caseNumbers(Finding f, Map<String, Object> params, Map<String, List<String>> asked) {
    ScanRow g = f.group();
    StringBuilder where = new StringBuilder(SCOPE);
    Map<String, Object> p = new LinkedHashMap<>(params);
    switch (f.kind()) {
      case NO_RESULT_ROW -> {
        where.append(" AND ").append(CONCLUDED_IN_YEAR).append(" AND c.applicant_type = :type")
            .append(g.outcome() == null ? " AND c.outcome IS NULL" : " AND c.outcome = :outcome")
            .append(g.outcomeCode() == null ? " AND c.outcome_code IS NULL" : " AND c.outcome_code = :code");
        p.put("type", g.applicantType());
        if (g.outcome() != null) {
          p.put("outcome", g.outcome());
        }
        if (g.outcomeCode() != null) {
          p.put("code", g.outcomeCode());
        }
      }
      case UNKNOWN_APPLICANT_TYPE -> {
        where.append(" AND ").append(RELEVANT).append(" AND c.applicant_type = :type");
        p.put("type", g.applicantType());
      }
      case UNKNOWN_CHANNEL -> {
        where.append(" AND ").append(RECEIVED_IN_YEAR).append(" AND c.channel = :channel");
        p.put("channel", g.channel());
      }
      case CLOSED_WITHOUT_DATE, CONCLUDED_BEFORE_RECEIVED -> {
        where.append(" AND ").append(f.kind() == Kind.CLOSED_WITHOUT_DATE ? CLOSED_WITHOUT_DATE : CONCLUDED_BEFORE_RECEIVED)
            .append(" AND c.applicant_type = :type");
        p.put("type", g.applicantType());
      }
      default -> {
        return List.of();
      }
    }
    return asked.computeIfAbsent(where + " " + p, k -> jdbc.sql("SELECT c.case_number FROM gk_disclosure_case c"
            + " WHERE " + where + " ORDER BY c.case_number FETCH FIRST " + CrossCheck.CASES_NAMED + " ROWS ONLY")
        .params(p)
        .query(String.class)
        .list());
  }
}

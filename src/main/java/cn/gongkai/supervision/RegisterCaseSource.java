package cn.gongkai.supervision;

import cn.gongkai.request.CaseView;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Open cases of one register table whose clock columns the process module keeps. Counts are one
 * aggregate query; each state is a range predicate served by an index on (status, due column), in the
 * precedence of {@link SupervisionState#of}. A register without a pause column is never paused.
 */
abstract class RegisterCaseSource implements SupervisedCaseSource {

  private final JdbcClient jdbc;
  private final String processKey;
  private final String processName;
  private final String table;
  private final String receivedColumn;
  private final String dueColumn;
  private final String provisionalColumn;
  private final String doneColumn;
  private final boolean pausable;
  private final String state;
  private final Map<SupervisionState, String> where = new EnumMap<>(SupervisionState.class);

  /**
   * @param doneColumn the day the awaited act happened (reply, interpretation published): done after the
   *     deadline day is overdue, done by then is not, whatever a timer did
   */
  RegisterCaseSource(JdbcClient jdbc, String processKey, String processName, String table, String receivedColumn,
      String dueColumn, String provisionalColumn, String doneColumn, boolean pausable) {
    this.jdbc = jdbc;
    this.processKey = processKey;
    this.processName = processName;
    this.table = table;
    this.receivedColumn = receivedColumn;
    this.dueColumn = dueColumn;
    this.provisionalColumn = provisionalColumn;
    this.doneColumn = doneColumn;
    this.pausable = pausable;
    String running = pausable ? "paused_since IS NULL" : "1 = 1";
    String paused = pausable ? "paused_since IS NOT NULL" : "1 = 0";
    // SupervisionState#of in SQL, two-valued (no NULL reaches NOT): overdue from the dates alone, a clock
    // stopped after the deadline day does not undo the delay, one stopped within it does
    String stoppedInTime = pausable ? "paused_since IS NOT NULL AND paused_since <= " + dueColumn : "1 = 0";
    String overdue = "(" + dueColumn + " IS NOT NULL AND ((" + doneColumn + " IS NOT NULL AND " + doneColumn + " > "
        + dueColumn + ") OR (" + doneColumn + " IS NULL AND " + dueColumn + " < :today AND NOT (" + stoppedInTime
        + "))))";
    String notOverdue = "NOT " + overdue;
    this.state = "CASE WHEN " + overdue + " THEN 'OVERDUE'"
        + " WHEN " + paused + " THEN 'PAUSED'"
        + " WHEN " + dueColumn + " <= :soon THEN 'DUE_SOON'"
        + " WHEN " + provisionalColumn + " = TRUE THEN 'PROVISIONAL'"
        + " ELSE 'NORMAL' END";
    String notDueSoon = "(" + dueColumn + " IS NULL OR " + dueColumn + " > :soon)";
    where.put(SupervisionState.OVERDUE, overdue);
    where.put(SupervisionState.PAUSED, notOverdue + " AND " + paused);
    where.put(SupervisionState.DUE_SOON, notOverdue + " AND " + running + " AND " + dueColumn + " <= :soon");
    where.put(SupervisionState.PROVISIONAL, notOverdue + " AND " + running + " AND " + notDueSoon + " AND "
        + provisionalColumn + " = TRUE");
    where.put(SupervisionState.NORMAL, notOverdue + " AND " + running + " AND " + notDueSoon + " AND "
        + provisionalColumn + " = FALSE");
  }

  @Override
  public String processKey() {
    return processKey;
  }

  @Override
  public String processName() {
    return processName;
  }

  /** " AND agency_code IN (:agencies)" when restricted; an empty set matches nothing. */
  private static String agencyFilter(java.util.Collection<String> agencies) {
    return agencies == null ? "" : agencies.isEmpty() ? " AND 1 = 0" : " AND agency_code IN (:agencies)";
  }

  private static JdbcClient.StatementSpec withAgencies(JdbcClient.StatementSpec spec,
      java.util.Collection<String> agencies) {
    return agencies == null || agencies.isEmpty() ? spec : spec.param("agencies", List.copyOf(agencies));
  }

  @Override
  public List<AgencyStateCount> countByAgency(SupervisionWindow window, java.util.Collection<String> agencies) {
    return withAgencies(jdbc.sql("SELECT agency_code, state, COUNT(*) FROM (SELECT agency_code, " + state
            + " AS state FROM " + table + " WHERE status = 'OPEN'" + agencyFilter(agencies)
            + ") s GROUP BY agency_code, state"), agencies)
        .param("today", window.today())
        .param("soon", window.dueSoonUntil())
        .query((rs, n) -> new AgencyStateCount(rs.getString(1), SupervisionState.valueOf(rs.getString(2)),
            rs.getLong(3)))
        .list();
  }

  @Override
  public List<StateCount> count(SupervisionWindow window, java.util.Collection<String> agencies) {
    String reason = pausable ? "pause_reason" : "CAST(NULL AS VARCHAR(64))";
    return withAgencies(jdbc.sql("SELECT state, CASE WHEN state = 'PAUSED' THEN pause_reason END AS reason, COUNT(*) FROM"
            + " (SELECT " + state + " AS state, " + reason + " AS pause_reason FROM " + table
            + " WHERE status = 'OPEN'" + agencyFilter(agencies) + ") s GROUP BY state, reason"), agencies)
        .param("today", window.today())
        .param("soon", window.dueSoonUntil())
        .query((rs, n) -> new StateCount(SupervisionState.valueOf(rs.getString(1)), rs.getString(2),
            CaseView.pauseLabel(rs.getString(2)), rs.getLong(3)))
        .list();
  }

  @Override
  public List<SupervisedCase> list(SupervisionState state, SupervisionWindow window,
      java.util.Collection<String> agencies, long offset, int limit) {
    String pauseColumns = pausable ? "paused_since, pause_reason" : "CAST(NULL AS DATE), CAST(NULL AS VARCHAR(64))";
    return withAgencies(jdbc.sql("SELECT case_number, process_instance_id, current_step_name, " + receivedColumn
            + ", " + dueColumn + ", " + provisionalColumn + ", " + pauseColumns + ", " + doneColumn + " FROM " + table
            + " WHERE status = 'OPEN' AND " + where.get(state) + agencyFilter(agencies)
            + " ORDER BY " + dueColumn + " ASC NULLS LAST, id ASC OFFSET :offset ROWS FETCH NEXT :limit ROWS ONLY"),
            agencies)
        .param("today", window.today())
        .param("soon", window.dueSoonUntil())
        .param("offset", offset)
        .param("limit", limit)
        .query((rs, n) -> new SupervisedCase(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class), rs.getBoolean(6),
            rs.getObject(7, LocalDate.class), rs.getString(8), CaseView.pauseLabel(rs.getString(8)),
            rs.getObject(9, LocalDate.class)))
        .list();
  }
}

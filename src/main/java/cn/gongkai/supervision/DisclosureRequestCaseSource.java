package cn.gongkai.supervision;

import cn.gongkai.request.CaseView;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Open disclosure requests (依申请公开) from the case register, whose clock columns the request module
 * keeps (reply_due_on, paused_since, overdue, ...). Counts are one aggregate query; each state is a
 * range predicate that the index on (status, reply_due_on) serves.
 */
@Component
class DisclosureRequestCaseSource implements SupervisedCaseSource {

  static final String PROCESS_KEY = "disclosure-request";

  /** The state of a register row, in the precedence of {@link SupervisionState#of}. */
  private static final String STATE = """
      CASE WHEN overdue = TRUE OR (paused_since IS NULL AND reply_due_on < :today) THEN 'OVERDUE'
           WHEN paused_since IS NOT NULL THEN 'PAUSED'
           WHEN reply_due_on <= :soon THEN 'DUE_SOON'
           WHEN reply_due_provisional = TRUE THEN 'PROVISIONAL'
           ELSE 'NORMAL' END""";

  /** The same rule as one predicate per state, so that a page reads only that state's rows. */
  private static final Map<SupervisionState, String> WHERE = new EnumMap<>(Map.of(
      SupervisionState.OVERDUE,
      "(overdue = TRUE OR (paused_since IS NULL AND reply_due_on < :today))",
      SupervisionState.PAUSED,
      "overdue = FALSE AND paused_since IS NOT NULL",
      SupervisionState.DUE_SOON,
      "overdue = FALSE AND paused_since IS NULL AND reply_due_on >= :today AND reply_due_on <= :soon",
      SupervisionState.PROVISIONAL,
      "overdue = FALSE AND paused_since IS NULL AND (reply_due_on IS NULL OR reply_due_on > :soon)"
          + " AND reply_due_provisional = TRUE",
      SupervisionState.NORMAL,
      "overdue = FALSE AND paused_since IS NULL AND (reply_due_on IS NULL OR reply_due_on > :soon)"
          + " AND reply_due_provisional = FALSE"));

  private final JdbcClient jdbc;

  DisclosureRequestCaseSource(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public String processKey() {
    return PROCESS_KEY;
  }

  @Override
  public String processName() {
    return "政府信息公开申请办理";
  }

  @Override
  public List<StateCount> count(SupervisionWindow window) {
    return jdbc.sql("SELECT state, pause_reason, COUNT(*) FROM (SELECT " + STATE + " AS state,"
            + " CASE WHEN overdue = FALSE AND paused_since IS NOT NULL THEN pause_reason END AS pause_reason"
            + " FROM gk_disclosure_case WHERE status = 'OPEN') s GROUP BY state, pause_reason")
        .param("today", window.today())
        .param("soon", window.dueSoonUntil())
        .query((rs, n) -> new StateCount(SupervisionState.valueOf(rs.getString(1)), rs.getString(2),
            CaseView.pauseLabel(rs.getString(2)), rs.getLong(3)))
        .list();
  }

  @Override
  public List<SupervisedCase> list(SupervisionState state, SupervisionWindow window, long offset, int limit) {
    return jdbc.sql("SELECT case_number, process_instance_id, current_step_name, received_on, reply_due_on,"
            + " reply_due_provisional, paused_since, pause_reason, overdue FROM gk_disclosure_case"
            + " WHERE status = 'OPEN' AND " + WHERE.get(state)
            + " ORDER BY reply_due_on ASC NULLS LAST, id ASC OFFSET :offset ROWS FETCH NEXT :limit ROWS ONLY")
        .param("today", window.today())
        .param("soon", window.dueSoonUntil())
        .param("offset", offset)
        .param("limit", limit)
        .query((rs, n) -> new SupervisedCase(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class), rs.getBoolean(6),
            rs.getObject(7, LocalDate.class), rs.getString(8), CaseView.pauseLabel(rs.getString(8)),
            rs.getBoolean(9)))
        .list();
  }
}

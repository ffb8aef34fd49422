package cn.gongkai.supervision;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Open 三同步 cases: their one clock is the interpretation's publication deadline, which starts when the
 * policy is published (no due date before that: NORMAL). Never paused. Same precedence as
 * {@link SupervisionState#of}.
 */
@Component
class PolicyInterpretationCaseSource implements SupervisedCaseSource {

  static final String PROCESS_KEY = "policy-interpretation";

  private static final String STATE = """
      CASE WHEN overdue = TRUE OR interpretation_due_on < :today THEN 'OVERDUE'
           WHEN interpretation_due_on <= :soon THEN 'DUE_SOON'
           WHEN interpretation_due_provisional = TRUE THEN 'PROVISIONAL'
           ELSE 'NORMAL' END""";

  private static final Map<SupervisionState, String> WHERE = new EnumMap<>(Map.of(
      SupervisionState.OVERDUE, "(overdue = TRUE OR interpretation_due_on < :today)",
      SupervisionState.PAUSED, "1 = 0",
      SupervisionState.DUE_SOON,
      "overdue = FALSE AND interpretation_due_on >= :today AND interpretation_due_on <= :soon",
      SupervisionState.PROVISIONAL,
      "overdue = FALSE AND (interpretation_due_on IS NULL OR interpretation_due_on > :soon)"
          + " AND interpretation_due_provisional = TRUE",
      SupervisionState.NORMAL,
      "overdue = FALSE AND (interpretation_due_on IS NULL OR interpretation_due_on > :soon)"
          + " AND interpretation_due_provisional = FALSE"));

  private final JdbcClient jdbc;

  PolicyInterpretationCaseSource(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public String processKey() {
    return PROCESS_KEY;
  }

  @Override
  public String processName() {
    return "政策文件与解读三同步审批";
  }

  @Override
  public List<StateCount> count(SupervisionWindow window) {
    return jdbc.sql("SELECT state, COUNT(*) FROM (SELECT " + STATE + " AS state FROM gk_policy_case"
            + " WHERE status = 'OPEN') s GROUP BY state")
        .param("today", window.today())
        .param("soon", window.dueSoonUntil())
        .query((rs, n) -> new StateCount(SupervisionState.valueOf(rs.getString(1)), null, null, rs.getLong(2)))
        .list();
  }

  @Override
  public List<SupervisedCase> list(SupervisionState state, SupervisionWindow window, long offset, int limit) {
    return jdbc.sql("SELECT case_number, process_instance_id, current_step_name, submitted_on,"
            + " interpretation_due_on, interpretation_due_provisional, overdue FROM gk_policy_case"
            + " WHERE status = 'OPEN' AND " + WHERE.get(state)
            + " ORDER BY interpretation_due_on ASC NULLS LAST, id ASC OFFSET :offset ROWS FETCH NEXT :limit ROWS ONLY")
        .param("today", window.today())
        .param("soon", window.dueSoonUntil())
        .param("offset", offset)
        .param("limit", limit)
        .query((rs, n) -> new SupervisedCase(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class), rs.getBoolean(6),
            null, null, null, rs.getBoolean(7)))
        .list();
  }
}

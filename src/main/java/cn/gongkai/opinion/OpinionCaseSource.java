package cn.gongkai.opinion;

import cn.gongkai.supervision.SupervisedCase;
import cn.gongkai.supervision.SupervisedCaseSource;
import cn.gongkai.supervision.SupervisionState;
import cn.gongkai.supervision.SupervisionWindow;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Open 舆情 cases in the 督办 overview. Their clocks count hours, so overdue is decided by the moments (a first
 * response at 04:00 against a 03:00 limit is late although it is the same day), in SQL aggregates; the clock
 * shown is the first one still running (the response, then the press conference). Never paused, never
 * provisional (no holiday calendar is involved). Due soon: the running limit falls within the overview's window.
 */
@Component
class OpinionCaseSource implements SupervisedCaseSource {

  private static final String LATE = "((response_due_at IS NOT NULL AND ((first_response_at IS NOT NULL"
      + " AND first_response_at > response_due_at) OR (first_response_at IS NULL AND response_due_at <= :now)))"
      + " OR (press_conference_due_at IS NOT NULL AND ((press_conference_at IS NOT NULL"
      + " AND press_conference_at > press_conference_due_at) OR (press_conference_at IS NULL"
      + " AND press_conference_due_at <= :now))))";
  private static final String DUE = "(CASE WHEN first_response_at IS NULL THEN response_due_at"
      + " WHEN press_conference_at IS NULL THEN press_conference_due_at END)";
  private static final String STATE = "CASE WHEN " + LATE + " THEN 'OVERDUE' WHEN " + DUE + " < :soonEnd"
      + " THEN 'DUE_SOON' ELSE 'NORMAL' END";
  private static final Map<SupervisionState, String> WHERE = new EnumMap<>(Map.of(
      SupervisionState.OVERDUE, LATE,
      SupervisionState.DUE_SOON, "NOT " + LATE + " AND " + DUE + " < :soonEnd",
      SupervisionState.NORMAL, "NOT " + LATE + " AND (" + DUE + " IS NULL OR " + DUE + " >= :soonEnd)",
      SupervisionState.PAUSED, "1 = 0",
      SupervisionState.PROVISIONAL, "1 = 0"));

  private final JdbcClient jdbc;

  OpinionCaseSource(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public String processKey() {
    return OpinionVariables.PROCESS_KEY;
  }

  @Override
  public String processName() {
    return "政务舆情回应";
  }

  private static String agencyFilter(Collection<String> agencies) {
    return agencies == null ? "" : agencies.isEmpty() ? " AND 1 = 0" : " AND agency_code IN (:agencies)";
  }

  private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, SupervisionWindow window,
      Collection<String> agencies) {
    spec = spec.param("now", OpinionClock.now())
        .param("soonEnd", window.dueSoonUntil().plusDays(1).atStartOfDay(OpinionClock.BEIJING).toOffsetDateTime());
    return agencies == null || agencies.isEmpty() ? spec : spec.param("agencies", List.copyOf(agencies));
  }

  @Override
  public List<StateCount> count(SupervisionWindow window, Collection<String> agencies) {
    return bind(jdbc.sql("SELECT state, COUNT(*) FROM (SELECT " + STATE + " AS state FROM gk_opinion_event"
        + " WHERE status = 'OPEN'" + agencyFilter(agencies) + ") s GROUP BY state"), window, agencies)
        .query((rs, n) -> new StateCount(SupervisionState.valueOf(rs.getString(1)), null, null, rs.getLong(2)))
        .list();
  }

  @Override
  public List<AgencyStateCount> countByAgency(SupervisionWindow window, Collection<String> agencies) {
    return bind(jdbc.sql("SELECT agency_code, state, COUNT(*) FROM (SELECT agency_code, " + STATE
        + " AS state FROM gk_opinion_event WHERE status = 'OPEN'" + agencyFilter(agencies)
        + ") s GROUP BY agency_code, state"), window, agencies)
        .query((rs, n) -> new AgencyStateCount(rs.getString(1), SupervisionState.valueOf(rs.getString(2)),
            rs.getLong(3)))
        .list();
  }

  @Override
  public List<SupervisedCase> list(SupervisionState state, SupervisionWindow window, Collection<String> agencies,
      long offset, int limit) {
    return bind(jdbc.sql("SELECT case_number, process_instance_id, current_step_name, first_seen_at, " + DUE
        + " AS due_at, CASE WHEN " + LATE + " THEN TRUE ELSE FALSE END AS late FROM gk_opinion_event"
        + " WHERE status = 'OPEN' AND " + WHERE.get(state) + agencyFilter(agencies)
        + " ORDER BY due_at ASC NULLS LAST, id ASC OFFSET :offset ROWS FETCH NEXT :limit ROWS ONLY"), window, agencies)
        .param("offset", offset)
        .param("limit", limit)
        .query((rs, n) -> new SupervisedCase(rs.getString(1), rs.getString(2), rs.getString(3),
            day(rs.getObject(4, OffsetDateTime.class)), day(rs.getObject(5, OffsetDateTime.class)), false, null, null,
            null, null, rs.getBoolean(6)))
        .list();
  }

  private static LocalDate day(OffsetDateTime at) {
    return at == null ? null : at.atZoneSameInstant(OpinionClock.BEIJING).toLocalDate();
  }
}

package cn.gongkai.opinion;

import cn.gongkai.agency.Agency;
import cn.gongkai.numbering.NumberSequence;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The 舆情 register: every event found, its level, its clocks, the responses and the evaluation. */
@Repository
public class OpinionRegister {

  static final String CASE_NUMBER_KIND = "OPINION";

  private final JdbcClient jdbc;
  private final NumberSequence numbers;
  private final OpinionSettings settings;

  OpinionRegister(JdbcClient jdbc, NumberSequence numbers, OpinionSettings settings) {
    this.jdbc = jdbc;
    this.numbers = numbers;
    this.settings = settings;
  }

  public record Registered(long id, String caseNumber) {}

  /** One step of an event's history: who recorded it when, and the moment of the fact it records. */
  public record Step(String stepKey, String stepName, String actor, OffsetDateTime occurredAt,
      OffsetDateTime factAt, String decision, String comment) {}

  /** Numbers and stores a new event (in the engine's transaction); the year is the year it was first seen. */
  public Registered register(Agency agency, String source, String link, String summary, OffsetDateTime firstSeenAt,
      OffsetDateTime now, String user) {
    int year = firstSeenAt.atZoneSameInstant(OpinionClock.BEIJING).getYear();
    long seq = numbers.next(agency.code(), CASE_NUMBER_KIND, year);
    String caseNumber = settings.caseNumberPattern().replace("YYYY", Integer.toString(year))
        .replace("N", Long.toString(seq)).replace("{agency}", agency.shortName());
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("""
            INSERT INTO gk_opinion_event (agency_code, case_number, case_year, case_seq, source, link, summary,
              first_seen_at, registered_at, registered_by, status)
            VALUES (:agency, :number, :year, :seq, :source, :link, :summary, :seen, :now, :user, 'OPEN')""")
        .param("agency", agency.code()).param("number", caseNumber).param("year", year).param("seq", seq)
        .param("source", source).param("link", link).param("summary", summary).param("seen", firstSeenAt)
        .param("now", now).param("user", user)
        .update(keys, "id");
    return new Registered(keys.getKeyAs(Number.class).longValue(), caseNumber);
  }

  public void linkProcessInstance(long id, String processInstanceId) {
    jdbc.sql("UPDATE gk_opinion_event SET process_instance_id = ? WHERE id = ?").params(processInstanceId, id)
        .update();
  }

  public void assess(long id, OpinionLevel level, String unit, OpinionClock.Deadlines d, OffsetDateTime now,
      String user) {
    jdbc.sql("""
            UPDATE gk_opinion_event SET event_level = :level, responsible_unit = :unit, assessed_at = :now,
              assessed_by = :user, response_target_at = :target, response_due_at = :due,
              press_conference_due_at = :pressDue WHERE id = :id""")
        .param("level", level.name()).param("unit", unit).param("now", now).param("user", user)
        .param("target", d.responseTarget()).param("due", d.responseDue()).param("pressDue", d.pressConferenceDue())
        .param("id", id).update();
  }

  public void recordFirstResponse(long id, OffsetDateTime at, String url, OffsetDateTime now, String user) {
    jdbc.sql("""
            UPDATE gk_opinion_event SET first_response_at = :at, first_response_url = :url,
              first_response_recorded_at = :now, first_response_recorded_by = :user WHERE id = :id""")
        .param("at", at).param("url", url).param("now", now).param("user", user).param("id", id).update();
  }

  public void recordPressConference(long id, OffsetDateTime at, OffsetDateTime now, String user) {
    jdbc.sql("""
            UPDATE gk_opinion_event SET press_conference_at = :at, press_conference_recorded_at = :now,
              press_conference_recorded_by = :user WHERE id = :id""")
        .param("at", at).param("now", now).param("user", user).param("id", id).update();
  }

  public void recordRelease(long id, OffsetDateTime at) {
    jdbc.sql("UPDATE gk_opinion_event SET release_count = release_count + 1, last_release_at = :at WHERE id = :id")
        .param("at", at).param("id", id).update();
  }

  public void reminded(long id) {
    jdbc.sql("UPDATE gk_opinion_event SET reminder_count = reminder_count + 1 WHERE id = ?").param(id).update();
  }

  public void supervised(long id) {
    jdbc.sql("UPDATE gk_opinion_event SET supervised = TRUE WHERE id = ?").param(id).update();
  }

  public void evaluate(long id, String rating, boolean adequate, String comment, OffsetDateTime now, String user) {
    jdbc.sql("""
            UPDATE gk_opinion_event SET effect_rating = :rating, response_adequate = :adequate,
              evaluation_comment = :comment, evaluated_at = :now, evaluated_by = :user WHERE id = :id""")
        .param("rating", rating).param("adequate", adequate).param("comment", comment).param("now", now)
        .param("user", user).param("id", id).update();
  }

  public void recordAccountability(long id, String measure, String unit, String reason, LocalDate on,
      OffsetDateTime now, String user) {
    jdbc.sql("""
            UPDATE gk_opinion_event SET accountability_measure = :measure, accountable_unit = :unit,
              accountability_reason = :reason, accountability_on = :on, accountability_recorded_at = :now,
              accountability_recorded_by = :user WHERE id = :id""")
        .param("measure", measure).param("unit", unit).param("reason", reason).param("on", on).param("now", now)
        .param("user", user).param("id", id).update();
  }

  public void enterStep(long id, String step, String stepName, String group) {
    jdbc.sql("UPDATE gk_opinion_event SET current_step = ?, current_step_name = ?, current_group = ? WHERE id = ?")
        .params(step, stepName, group, id).update();
  }

  public void close(long id, OffsetDateTime now) {
    jdbc.sql("""
            UPDATE gk_opinion_event SET status = 'CLOSED', closed_at = ?, current_step = NULL,
              current_step_name = NULL, current_group = NULL WHERE id = ?""").params(now, id).update();
  }

  public void recordStep(long id, Step s) {
    jdbc.sql("""
            INSERT INTO gk_opinion_step (event_id, step_key, step_name, actor, occurred_at, fact_at, decision, comment)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(id, s.stepKey(), s.stepName(), s.actor(), s.occurredAt(), s.factAt(), s.decision(),
            s.comment() == null ? null : s.comment().length() > 2000 ? s.comment().substring(0, 2000) : s.comment())
        .update();
  }

  public List<Step> steps(long id) {
    return jdbc.sql("""
            SELECT step_key, step_name, actor, occurred_at, fact_at, decision, comment FROM gk_opinion_step
            WHERE event_id = ? ORDER BY id""").param(id)
        .query((rs, n) -> new Step(rs.getString(1), rs.getString(2), rs.getString(3), at(rs, 4), at(rs, 5),
            rs.getString(6), rs.getString(7)))
        .list();
  }

  public OpinionEvent get(long id) {
    return jdbc.sql("SELECT * FROM gk_opinion_event WHERE id = ?").param(id).query(ROW).single();
  }

  /** The event an engine execution belongs to: found by its process instance, never by a variable. */
  public Optional<OpinionEvent> findByProcessInstance(String processInstanceId) {
    if (processInstanceId == null) {
      return Optional.empty();
    }
    return jdbc.sql("SELECT * FROM gk_opinion_event WHERE process_instance_id = ?").param(processInstanceId)
        .query(ROW).optional();
  }

  public Optional<OpinionEvent> findByNumber(String caseNumber) {
    return jdbc.sql("SELECT * FROM gk_opinion_event WHERE case_number = ? ORDER BY id").param(caseNumber)
        .query(ROW).optional();
  }

  /** The events of the agencies named (null: all) first seen in that year, in order of first seen. */
  public List<OpinionEvent> ofYear(int year, java.util.Collection<String> agencies) {
    if (agencies != null && agencies.isEmpty()) {
      return List.of();
    }
    String filter = agencies == null ? "" : " AND agency_code IN (:agencies)";
    JdbcClient.StatementSpec spec = jdbc.sql("SELECT * FROM gk_opinion_event WHERE case_year = :year" + filter
        + " ORDER BY first_seen_at, id").param("year", year);
    if (agencies != null) {
      spec = spec.param("agencies", List.copyOf(agencies));
    }
    return spec.query(ROW).list();
  }

  private static OffsetDateTime at(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.atZoneSameInstant(OpinionClock.BEIJING).toOffsetDateTime();
  }

  private static OffsetDateTime at(ResultSet rs, int column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.atZoneSameInstant(OpinionClock.BEIJING).toOffsetDateTime();
  }

  private static final RowMapper<OpinionEvent> ROW = (rs, n) -> new OpinionEvent(
      rs.getLong("id"), rs.getString("agency_code"), rs.getString("case_number"), rs.getInt("case_year"),
      rs.getString("process_instance_id"), rs.getString("source"), rs.getString("link"), rs.getString("summary"),
      at(rs, "first_seen_at"), at(rs, "registered_at"), rs.getString("registered_by"),
      rs.getString("event_level") == null ? null : OpinionLevel.valueOf(rs.getString("event_level")),
      rs.getString("responsible_unit"), at(rs, "response_target_at"), at(rs, "response_due_at"),
      at(rs, "press_conference_due_at"), at(rs, "first_response_at"), rs.getString("first_response_url"),
      at(rs, "first_response_recorded_at"), rs.getString("first_response_recorded_by"),
      at(rs, "press_conference_at"), rs.getInt("release_count"), at(rs, "last_release_at"),
      rs.getInt("reminder_count"), rs.getBoolean("supervised"), rs.getString("effect_rating"),
      (Boolean) rs.getObject("response_adequate"), rs.getString("evaluation_comment"),
      rs.getString("accountability_measure"), rs.getString("accountable_unit"),
      rs.getString("accountability_reason"), rs.getObject("accountability_on", LocalDate.class),
      rs.getString("status"), rs.getString("current_step"), rs.getString("current_step_name"),
      rs.getString("current_group"));
}

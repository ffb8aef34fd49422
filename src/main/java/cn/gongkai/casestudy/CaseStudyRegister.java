package cn.gongkai.casestudy;

import cn.gongkai.agency.Agency;
import cn.gongkai.numbering.NumberSequence;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * The case-study register (案例登记簿) and the case library: every write runs in the caller's (the engine's)
 * transaction. Only de-identified texts reach it: callers check them with {@link PersonalDataScreen} first.
 */
@Component
public class CaseStudyRegister {

  static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
  static final String CASE_NUMBER_KIND = "CASE_STUDY";

  private final JdbcClient jdbc;
  private final NumberSequence numbers;
  private final CaseStudySettings settings;

  CaseStudyRegister(JdbcClient jdbc, NumberSequence numbers, CaseStudySettings settings) {
    this.jdbc = jdbc;
    this.numbers = numbers;
    this.settings = settings;
  }

  /** A registered proposal's key and number. */
  public record Registered(long id, String caseNumber) {}

  /** A step of a case study's history. */
  public record Event(String stepKey, String stepName, String actor, OffsetDateTime occurredAt, String decision,
      String comment) {}

  /** Numbers and stores a proposal drawn from a closed disclosure case (its decision copied, nothing personal). */
  public Registered register(Agency agency, long sourceCaseId, String sourceCaseNumber, String outcome,
      String exemptionCode, OffsetDateTime now, String proposedBy) {
    int year = now.atZoneSameInstant(BEIJING).getYear();
    long seq = numbers.next(agency.code(), CASE_NUMBER_KIND, year);
    String caseNumber = settings.caseNumberPattern().replace("YYYY", Integer.toString(year))
        .replace("N", Long.toString(seq)).replace("{agency}", agency.shortName());
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("""
            INSERT INTO gk_case_study (agency_code, case_number, case_year, case_seq, source_case_id,
              source_case_number, outcome, exemption_code, proposed_on, proposed_at, proposed_by, status)
            VALUES (:agency, :number, :year, :seq, :source, :sourceNumber, :outcome, :exemption, :today, :now, :user,
              'OPEN')""")
        .param("agency", agency.code())
        .param("number", caseNumber)
        .param("year", year)
        .param("seq", seq)
        .param("source", sourceCaseId)
        .param("sourceNumber", sourceCaseNumber)
        .param("outcome", outcome)
        .param("exemption", exemptionCode)
        .param("today", now.atZoneSameInstant(BEIJING).toLocalDate())
        .param("now", now)
        .param("user", proposedBy)
        .update(keys, "id");
    return new Registered(keys.getKeyAs(Number.class).longValue(), caseNumber);
  }

  public void linkProcessInstance(long id, String processInstanceId) {
    jdbc.sql("UPDATE gk_case_study SET process_instance_id = ? WHERE id = ?").params(processInstanceId, id).update();
  }

  /** The case study an engine execution belongs to: found by its process instance, never by a variable. */
  public Optional<CaseStudy> findByProcessInstance(String processInstanceId) {
    if (processInstanceId == null) {
      return Optional.empty();
    }
    return jdbc.sql("SELECT * FROM gk_case_study WHERE process_instance_id = ?").param(processInstanceId)
        .query(ROW).optional();
  }

  public Optional<CaseStudy> findByNumber(String agencyCode, String caseNumber) {
    return jdbc.sql("SELECT * FROM gk_case_study WHERE agency_code = ? AND case_number = ?")
        .params(agencyCode, caseNumber).query(ROW).optional();
  }

  public CaseStudy get(long id) {
    return jdbc.sql("SELECT * FROM gk_case_study WHERE id = ?").param(id).query(ROW).single();
  }

  /** Case studies already drawn from that disclosure case and not refused (one per source case). */
  public long countFromSource(long sourceCaseId) {
    return jdbc.sql("SELECT COUNT(*) FROM gk_case_study WHERE source_case_id = ?").param(sourceCaseId)
        .query(Long.class).single();
  }

  public void enterStep(long id, String stepKey, String stepName, String group) {
    jdbc.sql("UPDATE gk_case_study SET current_step = ?, current_step_name = ?, current_group = ?,"
            + " current_assignee = NULL WHERE id = ?")
        .params(stepKey, stepName, group, id).update();
  }

  public void assign(long id, String stepKey, String assignee) {
    jdbc.sql("UPDATE gk_case_study SET current_assignee = ? WHERE id = ? AND current_step = ?")
        .params(assignee, id, stepKey).update();
  }

  public void recordEvent(long id, Event e) {
    jdbc.sql("INSERT INTO gk_case_study_event (case_study_id, step_key, step_name, actor, occurred_at, decision,"
            + " comment) VALUES (?, ?, ?, ?, ?, ?, ?)")
        .params(id, e.stepKey(), e.stepName(), e.actor(), e.occurredAt(), truncate(e.decision(), 200),
            truncate(e.comment(), 2000))
        .update();
  }

  public List<Event> events(long id) {
    return jdbc.sql("SELECT step_key, step_name, actor, occurred_at, decision, comment FROM gk_case_study_event"
            + " WHERE case_study_id = ? ORDER BY id")
        .param(id)
        .query((rs, n) -> new Event(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getObject(4, OffsetDateTime.class), rs.getString(5), rs.getString(6)))
        .list();
  }

  /** The de-identified texts as submitted for review (first draft or revision). */
  public record Texts(String questionType, String requestSummary, String decisionSummary, String decisionReason,
      String legalBasis, String lessons, boolean proactiveReleaseProposed, String proactiveReleaseReason) {}

  /** A (re)submission for review on that day, with the review deadline it starts. */
  public void submit(long id, Texts t, LocalDate submittedOn, int limit, LocalDate dueOn, boolean provisional) {
    jdbc.sql("""
            UPDATE gk_case_study SET question_type = :type, request_summary = :request,
              decision_summary = :decision, decision_reason = :reason, legal_basis = :basis, lessons = :lessons,
              proactive_release_proposed = :proposed, proactive_release_reason = :proactiveReason,
              submitted_on = :submittedOn, submission_count = submission_count + 1,
              review_within_working_days = :limit, review_due_on = :due, review_due_provisional = :provisional,
              reviewed_on = NULL, review_result = NULL, review_comment = NULL, reviewed_by = NULL,
              overdue = FALSE, overdue_since = NULL
            WHERE id = :id""")
        .param("type", t.questionType())
        .param("request", t.requestSummary())
        .param("decision", t.decisionSummary())
        .param("reason", t.decisionReason())
        .param("basis", t.legalBasis())
        .param("lessons", t.lessons())
        .param("proposed", t.proactiveReleaseProposed())
        .param("proactiveReason", t.proactiveReleaseReason())
        .param("submittedOn", submittedOn)
        .param("limit", limit)
        .param("due", dueOn)
        .param("provisional", provisional)
        .param("id", id)
        .update();
  }

  /**
   * The office's review on that day. A return ends this round's clock (the proposer's revision has none) and
   * keeps the reasons; the next submission starts a new round.
   */
  public void recordReview(long id, String result, String comment, LocalDate reviewedOn, String reviewedBy) {
    boolean returned = "RETURNED".equals(result);
    jdbc.sql("""
            UPDATE gk_case_study SET review_result = :result, review_comment = :comment, reviewed_on = :on,
              reviewed_by = :by, return_count = return_count + :returned, review_due_on = :due
            WHERE id = :id""")
        .param("on", returned ? null : reviewedOn)
        .param("due", returned ? null : get(id).reviewDueOn())
        .param("result", result)
        .param("comment", comment)
        .param("by", reviewedBy)
        .param("returned", returned ? 1 : 0)
        .param("id", id)
        .update();
  }

  /** Case studies waiting for their review, with a running review clock. */
  public List<CaseStudy> underReview() {
    return jdbc.sql("SELECT * FROM gk_case_study WHERE status = 'OPEN' AND review_due_on IS NOT NULL"
            + " AND reviewed_on IS NULL ORDER BY id").query(ROW).list();
  }

  /** The review deadline computed again (a calendar year was loaded). */
  public void moveReviewDue(long id, LocalDate dueOn, boolean provisional) {
    jdbc.sql("UPDATE gk_case_study SET review_due_on = ?, review_due_provisional = ? WHERE id = ?")
        .params(dueOn, provisional, id).update();
  }

  public void recordReminder(long id, OffsetDateTime at) {
    jdbc.sql("UPDATE gk_case_study SET reminded_at = ? WHERE id = ?").params(at, id).update();
  }

  public void setOverdue(long id, boolean overdue, LocalDate since) {
    jdbc.sql("UPDATE gk_case_study SET overdue = ?, overdue_since = ? WHERE id = ?").params(overdue, since, id)
        .update();
  }

  public void publish(long id, LocalDate publishedOn, String publishedBy) {
    jdbc.sql("UPDATE gk_case_study SET status = 'PUBLISHED', published_on = ?, published_by = ? WHERE id = ?")
        .params(publishedOn, publishedBy, id).update();
  }

  public void close(long id, String stepName) {
    jdbc.sql("UPDATE gk_case_study SET current_step = NULL, current_step_name = ?, current_group = NULL,"
            + " current_assignee = NULL WHERE id = ?").params(stepName, id).update();
  }

  /** 转主动公开 (条例第四十四条): ADOPTED with the day and where it was released, or NOT_ADOPTED with reasons. */
  public void recordProactiveRelease(long id, String decision, String comment, LocalDate releasedOn, String url) {
    jdbc.sql("UPDATE gk_case_study SET proactive_release_decision = ?, proactive_release_comment = ?,"
            + " proactive_released_on = ?, proactive_release_url = ? WHERE id = ?")
        .params(decision, comment, releasedOn, url, id).update();
  }

  /**
   * The case library: published case studies of the agencies named (null: every agency), filtered by outcome,
   * exemption code and a keyword in any text (each filter optional), most recently published first.
   */
  public List<CaseStudy> library(Collection<String> agencies, String outcome, String exemptionCode, String keyword,
      int limit) {
    StringBuilder sql = new StringBuilder("SELECT * FROM gk_case_study WHERE status = 'PUBLISHED'");
    List<Object> params = new ArrayList<>();
    if (agencies != null) {
      if (agencies.isEmpty()) {
        return List.of();
      }
      sql.append(" AND agency_code IN (").append(String.join(", ", agencies.stream().map(a -> "?").toList()))
          .append(")");
      params.addAll(agencies);
    }
    if (outcome != null) {
      sql.append(" AND outcome = ?");
      params.add(outcome);
    }
    if (exemptionCode != null) {
      sql.append(" AND exemption_code = ?");
      params.add(exemptionCode);
    }
    if (keyword != null) {
      String like = "%" + keyword.toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
          .replace("_", "\\_") + "%";
      sql.append(" AND (");
      List<String> columns = List.of("request_summary", "decision_summary", "decision_reason", "legal_basis",
          "lessons", "case_number");
      sql.append(String.join(" OR ", columns.stream().map(c -> "LOWER(" + c + ") LIKE ? ESCAPE '\\'").toList()));
      sql.append(")");
      columns.forEach(c -> params.add(like));
    }
    sql.append(" ORDER BY published_on DESC, id DESC FETCH FIRST ").append(limit).append(" ROWS ONLY");
    return jdbc.sql(sql.toString()).params(params).query(ROW).list();
  }

  private static String truncate(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }

  static final RowMapper<CaseStudy> ROW = CaseStudyRegister::map;

  private static CaseStudy map(ResultSet rs, int n) throws SQLException {
    return new CaseStudy(rs.getLong("id"), rs.getString("agency_code"), rs.getString("case_number"),
        rs.getString("process_instance_id"), rs.getLong("source_case_id"), rs.getString("source_case_number"),
        rs.getString("outcome"), rs.getString("exemption_code"), rs.getString("question_type"),
        rs.getString("request_summary"), rs.getString("decision_summary"), rs.getString("decision_reason"),
        rs.getString("legal_basis"), rs.getString("lessons"), rs.getBoolean("proactive_release_proposed"),
        rs.getString("proactive_release_reason"), rs.getString("proactive_release_decision"),
        rs.getString("proactive_release_comment"), rs.getObject("proactive_released_on", LocalDate.class),
        rs.getString("proactive_release_url"), rs.getObject("proposed_on", LocalDate.class),
        rs.getObject("proposed_at", OffsetDateTime.class), rs.getString("proposed_by"),
        rs.getObject("submitted_on", LocalDate.class), rs.getInt("submission_count"),
        (Integer) rs.getObject("review_within_working_days", Integer.class),
        rs.getObject("review_due_on", LocalDate.class), rs.getBoolean("review_due_provisional"),
        rs.getObject("reviewed_on", LocalDate.class), rs.getString("review_result"), rs.getString("review_comment"),
        rs.getString("reviewed_by"), rs.getInt("return_count"), rs.getObject("reminded_at", OffsetDateTime.class),
        rs.getBoolean("overdue"), rs.getObject("overdue_since", LocalDate.class),
        rs.getObject("published_on", LocalDate.class), rs.getString("published_by"), rs.getString("status"),
        rs.getString("current_step"), rs.getString("current_step_name"), rs.getString("current_group"),
        rs.getString("current_assignee"));
  }
}

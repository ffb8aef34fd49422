package cn.gongkai.proposal;

import cn.gongkai.interpretation.DisclosureAttribute;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The proposal-reply register: every suggestion and proposal with its assignment, reply, review and publication. */
@Repository
public class ProposalRegister {

  private final JdbcClient jdbc;

  ProposalRegister(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** What the office registers from the 登记 form. */
  public record Registration(ProposalKind kind, String proposalNumber, String sessionName, String submitter,
      String title, LocalDate receivedOn) {

    /** 建议〔2026〕第12号: kind, year received, the number the 人大/政协 gave it. */
    public String caseNumber() {
      return kind.shortLabel() + "〔" + receivedOn.getYear() + "〕第" + proposalNumber + "号";
    }
  }

  /** Whether the agency already registered that number of that kind in that session (or that case number). */
  public boolean exists(String agencyCode, Registration r) {
    return jdbc.sql("""
            SELECT COUNT(*) FROM gk_proposal_case WHERE agency_code = :agency
              AND ((kind = :kind AND session_name = :session AND proposal_number = :number) OR case_number = :caseNumber)""")
        .param("agency", agencyCode).param("kind", r.kind().name()).param("session", r.sessionName())
        .param("number", r.proposalNumber()).param("caseNumber", r.caseNumber())
        .query(Long.class).single() > 0;
  }

  /** Stores a new case; runs in the caller's (the engine's) transaction. Returns its id. */
  public long register(String agencyCode, Registration r, OffsetDateTime now, String user) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("""
            INSERT INTO gk_proposal_case (agency_code, case_number, status, kind, proposal_number, session_name,
              submitter, title, received_on, registered_at, registered_by)
            VALUES (:agency, :caseNumber, 'OPEN', :kind, :number, :session, :submitter, :title, :receivedOn, :now,
              :user)""")
        .param("agency", agencyCode).param("caseNumber", r.caseNumber()).param("kind", r.kind().name())
        .param("number", r.proposalNumber()).param("session", r.sessionName()).param("submitter", r.submitter())
        .param("title", r.title()).param("receivedOn", r.receivedOn()).param("now", now).param("user", user)
        .update(keys, "id");
    return keys.getKeyAs(Number.class).longValue();
  }

  public void linkProcessInstance(long id, String processInstanceId) {
    jdbc.sql("UPDATE gk_proposal_case SET process_instance_id = :pi WHERE id = :id")
        .param("pi", processInstanceId).param("id", id).update();
  }

  public Optional<ProposalCase> findByProcessInstance(String processInstanceId) {
    return jdbc.sql("SELECT * FROM gk_proposal_case WHERE process_instance_id = :pi").param("pi", processInstanceId)
        .query(ProposalRegister::row).optional();
  }

  public Optional<ProposalCase> findByNumber(String agencyCode, String caseNumber) {
    return jdbc.sql("SELECT * FROM gk_proposal_case WHERE agency_code = :agency AND case_number = :n")
        .param("agency", agencyCode).param("n", caseNumber).query(ProposalRegister::row).optional();
  }

  public ProposalCase get(long id) {
    return jdbc.sql("SELECT * FROM gk_proposal_case WHERE id = :id").param("id", id).query(ProposalRegister::row)
        .single();
  }

  public void enterStep(long id, String step, String stepName, String group) {
    jdbc.sql("""
            UPDATE gk_proposal_case SET current_step = :step, current_step_name = :name, current_group = :grp
            WHERE id = :id""")
        .param("step", step).param("name", stepName).param("grp", group).param("id", id).update();
  }

  public void recordAssignment(long id, String leadUnit, String jointUnits, LocalDate assignedOn, int months,
      LocalDate dueOn) {
    jdbc.sql("""
            UPDATE gk_proposal_case SET lead_unit = :lead, joint_units = :joint, assigned_on = :assignedOn,
              answer_within_months = :months, answer_due_on = :due WHERE id = :id""")
        .param("lead", leadUnit).param("joint", jointUnits).param("assignedOn", assignedOn).param("months", months)
        .param("due", dueOn).param("id", id).update();
  }

  public void recordReminder(long id, LocalDate remindedOn) {
    jdbc.sql("UPDATE gk_proposal_case SET reminded_on = :on WHERE id = :id").param("on", remindedOn)
        .param("id", id).update();
  }

  public void markOverdue(long id) {
    jdbc.sql("UPDATE gk_proposal_case SET overdue = TRUE WHERE id = :id").param("id", id).update();
  }

  public void recordReply(long id, String documentNumber, String summary, HandlingResult result, LocalDate repliedOn,
      String draftedBy) {
    jdbc.sql("""
            UPDATE gk_proposal_case SET reply_document_number = :doc, reply_summary = :summary,
              handling_result = :result, replied_on = :repliedOn, reply_drafted_by = :user WHERE id = :id""")
        .param("doc", documentNumber).param("summary", summary).param("result", result.name())
        .param("repliedOn", repliedOn).param("user", draftedBy).param("id", id).update();
  }

  /**
   * The review of the reply: APPROVED fixes the 公开属性 and makes the reply's day the day the case was answered;
   * RETURNED sends it back to the handling unit (the clock keeps running).
   */
  public void recordReview(long id, String result, String comment, DisclosureAttribute attribute, String reason,
      OffsetDateTime at, String reviewer) {
    boolean approved = "APPROVED".equals(result);
    jdbc.sql("""
            UPDATE gk_proposal_case SET review_result = :result, review_comment = :comment, reviewed_at = :at,
              reviewed_by = :reviewer, disclosure_attribute = :attribute, disclosure_reason = :reason,
              answered_on = CASE WHEN :approved THEN replied_on ELSE NULL END,
              return_count = return_count + CASE WHEN :approved THEN 0 ELSE 1 END
            WHERE id = :id""")
        .param("result", result).param("comment", comment).param("at", at).param("reviewer", reviewer)
        .param("attribute", attribute == null ? null : attribute.name()).param("reason", reason)
        .param("approved", approved).param("id", id).update();
  }

  public void recordPublication(long id, LocalDate publishedOn, String url) {
    jdbc.sql("UPDATE gk_proposal_case SET published_on = :on, published_url = :url WHERE id = :id")
        .param("on", publishedOn).param("url", url).param("id", id).update();
  }

  public void close(long id, OffsetDateTime at) {
    jdbc.sql("""
            UPDATE gk_proposal_case SET status = 'CLOSED', closed_at = :at, current_step = NULL,
              current_step_name = '已办结', current_group = NULL WHERE id = :id""")
        .param("at", at).param("id", id).update();
  }

  public void recordEvent(long caseId, ProposalEvent e) {
    jdbc.sql("""
            INSERT INTO gk_proposal_event (case_id, step_key, step_name, actor, recorded_at, fact_on, decision, comment)
            VALUES (:caseId, :key, :name, :actor, :at, :factOn, :decision, :comment)""")
        .param("caseId", caseId).param("key", e.stepKey()).param("name", e.stepName()).param("actor", e.actor())
        .param("at", e.recordedAt()).param("factOn", e.factOn()).param("decision", e.decision())
        .param("comment", e.comment()).update();
  }

  public List<ProposalEvent> events(long caseId) {
    return jdbc.sql("""
            SELECT step_key, step_name, actor, recorded_at, fact_on, decision, comment FROM gk_proposal_event
            WHERE case_id = :id ORDER BY id""")
        .param("id", caseId)
        .query((rs, n) -> new ProposalEvent(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getObject(4, OffsetDateTime.class), rs.getObject(5, LocalDate.class), rs.getString(6),
            rs.getString(7)))
        .list();
  }

  /** Every case the agencies named (null: all) received in that year, in order of receipt. */
  public List<ProposalCase> receivedIn(int year, java.util.Collection<String> agencies) {
    if (agencies != null && agencies.isEmpty()) {
      return List.of();
    }
    var spec = jdbc.sql("SELECT * FROM gk_proposal_case WHERE received_on >= :from AND received_on < :to"
            + (agencies == null ? "" : " AND agency_code IN (:agencies)") + " ORDER BY received_on, id")
        .param("from", LocalDate.of(year, 1, 1)).param("to", LocalDate.of(year + 1, 1, 1));
    if (agencies != null) {
      spec = spec.param("agencies", List.copyOf(agencies));
    }
    return spec.query(ProposalRegister::row).list();
  }

  static ProposalCase row(ResultSet rs, int n) throws SQLException {
    String result = rs.getString("handling_result");
    String attribute = rs.getString("disclosure_attribute");
    return new ProposalCase(rs.getLong("id"), rs.getString("agency_code"), rs.getString("case_number"),
        rs.getString("process_instance_id"), rs.getString("status"), ProposalKind.valueOf(rs.getString("kind")),
        rs.getString("proposal_number"), rs.getString("session_name"), rs.getString("submitter"),
        rs.getString("title"), rs.getObject("received_on", LocalDate.class), rs.getString("current_step"),
        rs.getString("current_step_name"), rs.getString("current_group"), rs.getString("lead_unit"),
        rs.getString("joint_units"), rs.getObject("assigned_on", LocalDate.class),
        (Integer) rs.getObject("answer_within_months"), rs.getObject("answer_due_on", LocalDate.class),
        rs.getObject("reminded_on", LocalDate.class), rs.getBoolean("overdue"),
        rs.getString("reply_document_number"), rs.getString("reply_summary"),
        result == null ? null : HandlingResult.valueOf(result), rs.getObject("replied_on", LocalDate.class),
        rs.getInt("return_count"), rs.getString("review_result"), rs.getString("review_comment"),
        rs.getString("reviewed_by"), attribute == null ? null : DisclosureAttribute.valueOf(attribute),
        rs.getString("disclosure_reason"), rs.getObject("answered_on", LocalDate.class),
        rs.getObject("published_on", LocalDate.class), rs.getString("published_url"));
  }
}

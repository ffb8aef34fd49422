package cn.gongkai.interpretation;

import cn.gongkai.agency.Agency;
import cn.gongkai.numbering.NumberSequence;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The policy-interpretation register: every submitted pair with its reviews, publication dates and history. */
@Repository
public class PolicyRegister {

  static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
  static final String CASE_NUMBER_KIND = "POLICY";

  private final JdbcClient jdbc;
  private final NumberSequence numbers;
  private final InterpretationSettings settings;

  PolicyRegister(JdbcClient jdbc, NumberSequence numbers, InterpretationSettings settings) {
    this.jdbc = jdbc;
    this.numbers = numbers;
    this.settings = settings;
  }

  /** The registered case's key and number. */
  public record RegisteredPolicy(long id, String caseNumber) {}

  /** Numbers and stores a new submission; runs in the caller's (the engine's) transaction. */
  public RegisteredPolicy register(Agency agency, PolicySubmission s, OffsetDateTime now, String submittedBy) {
    int year = now.atZoneSameInstant(BEIJING).getYear();
    long seq = numbers.next(agency.code(), CASE_NUMBER_KIND, year);
    String caseNumber = settings.caseNumberPattern().replace("YYYY", Integer.toString(year))
        .replace("N", Long.toString(seq))
        .replace("{agency}", agency.shortName());
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("""
            INSERT INTO gk_policy_case (agency_code, case_number, case_year, case_seq, title, document_number,
              drafting_department, first_interpreter, disclosure_attribute, disclosure_reason, interpretation_plan,
              interpretation_materials, interpretation_forms, public_interest, submitted_on, submitted_at,
              submitted_by, status)
            VALUES (:agency, :number, :year, :seq, :title, :documentNumber, :department, :interpreter, :attribute,
              :reason, :plan, :materials, :forms, :publicInterest, :today, :now, :user, 'OPEN')""")
        .param("agency", agency.code())
        .param("number", caseNumber)
        .param("year", year)
        .param("seq", seq)
        .param("title", s.title())
        .param("documentNumber", s.documentNumber())
        .param("department", s.draftingDepartment())
        .param("interpreter", s.firstInterpreter())
        .param("attribute", s.attribute() == null ? null : s.attribute().name())
        .param("reason", s.disclosureReason())
        .param("plan", s.interpretationPlan())
        .param("materials", s.interpretationMaterials())
        .param("forms", s.formsLabel())
        .param("publicInterest", s.publicInterest())
        .param("today", now.atZoneSameInstant(BEIJING).toLocalDate())
        .param("now", now)
        .param("user", submittedBy)
        .update(keys, "id");
    return new RegisteredPolicy(keys.getKeyAs(Number.class).longValue(), caseNumber);
  }

  /**
   * A revised submission after a return replaces the stored one (only the drafter's revision step writes the
   * submission); {@code resubmittedOn} is the day the drafter resubmitted it.
   */
  public void resubmit(long caseId, PolicySubmission s, LocalDate resubmittedOn) {
    jdbc.sql("""
            UPDATE gk_policy_case SET title = :title, document_number = :documentNumber,
              drafting_department = :department, first_interpreter = :interpreter, disclosure_attribute = :attribute,
              disclosure_reason = :reason, interpretation_plan = :plan, interpretation_materials = :materials,
              interpretation_forms = :forms, public_interest = :publicInterest,
              submission_count = submission_count + 1, resubmitted_on = :resubmittedOn
            WHERE id = :id""")
        .param("title", s.title())
        .param("documentNumber", s.documentNumber())
        .param("department", s.draftingDepartment())
        .param("interpreter", s.firstInterpreter())
        .param("attribute", s.attribute() == null ? null : s.attribute().name())
        .param("reason", s.disclosureReason())
        .param("plan", s.interpretationPlan())
        .param("materials", s.interpretationMaterials())
        .param("forms", s.formsLabel())
        .param("publicInterest", s.publicInterest())
        .param("resubmittedOn", resubmittedOn)
        .param("id", caseId)
        .update();
  }

  public void linkProcessInstance(long caseId, String processInstanceId) {
    jdbc.sql("UPDATE gk_policy_case SET process_instance_id = ? WHERE id = ?").params(processInstanceId, caseId)
        .update();
  }

  public Optional<PolicyCase> findByNumber(String caseNumber) {
    return jdbc.sql("SELECT * FROM gk_policy_case WHERE case_number = ? ORDER BY id").param(caseNumber).query(ROW)
        .optional();
  }

  /** The case an engine execution belongs to: found by its process instance, never by a variable. */
  public Optional<PolicyCase> findByProcessInstance(String processInstanceId) {
    if (processInstanceId == null) {
      return Optional.empty();
    }
    return jdbc.sql("SELECT * FROM gk_policy_case WHERE process_instance_id = ?").param(processInstanceId)
        .query(ROW).optional();
  }

  public PolicyCase get(long caseId) {
    return jdbc.sql("SELECT * FROM gk_policy_case WHERE id = ?").param(caseId).query(ROW).single();
  }

  /** Cases not yet archived, oldest submission first. */
  public List<PolicyCase> open() {
    return jdbc.sql("SELECT * FROM gk_policy_case WHERE status = 'OPEN' ORDER BY submitted_at, id").query(ROW).list();
  }

  /** Cases whose interpretation is published, most recent policy first. */
  public List<PolicyCase> published() {
    return jdbc.sql("SELECT * FROM gk_policy_case WHERE interpretation_published_on IS NOT NULL"
            + " ORDER BY policy_published_on DESC, id DESC")
        .query(ROW)
        .list();
  }

  /** The step the case now waits in, and who may work it. */
  public void enterStep(long caseId, String stepKey, String stepName, String candidateGroup) {
    jdbc.sql("UPDATE gk_policy_case SET current_step = ?, current_step_name = ?, current_group = ?,"
            + " current_assignee = NULL WHERE id = ?")
        .params(stepKey, stepName, candidateGroup, caseId)
        .update();
  }

  public void assign(long caseId, String stepKey, String assignee) {
    jdbc.sql("UPDATE gk_policy_case SET current_assignee = ? WHERE id = ? AND current_step = ?")
        .params(assignee, caseId, stepKey)
        .update();
  }

  public void recordEvent(long caseId, PolicyEvent event) {
    jdbc.sql("INSERT INTO gk_policy_event (case_id, step_key, step_name, actor, occurred_at, fact_on, decision,"
            + " comment) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(caseId, event.stepKey(), event.stepName(), event.actor(), event.recordedAt(), event.factOn(),
            truncate(event.decision(), 200), truncate(event.comment(), 2000))
        .update();
  }

  /** The whole history of the case, in order. */
  public List<PolicyEvent> events(long caseId) {
    return jdbc.sql("SELECT step_key, step_name, actor, occurred_at, fact_on, decision, comment"
            + " FROM gk_policy_event WHERE case_id = ? ORDER BY occurred_at, id")
        .param(caseId)
        .query((rs, n) -> new PolicyEvent(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getObject(4, OffsetDateTime.class), rs.getObject(5, LocalDate.class), rs.getString(6),
            rs.getString(7)))
        .list();
  }

  /** 收文: the general office received the submission on {@code receivedOn}; recorded by {@code by} {@code at}. */
  public void recordReceipt(long caseId, LocalDate receivedOn, OffsetDateTime at, String by) {
    jdbc.sql("UPDATE gk_policy_case SET received_on = ?, received_at = ?, received_by = ? WHERE id = ?")
        .params(receivedOn, at, by, caseId)
        .update();
  }

  /** 退文 or a return from a review: back to the drafting department, with the reason. */
  public void recordReturn(long caseId, String stepName, String reason, OffsetDateTime at) {
    jdbc.sql("UPDATE gk_policy_case SET return_count = return_count + 1, last_returned_at = ?,"
            + " last_returned_step = ?, last_return_reason = ? WHERE id = ?")
        .params(at, stepName, truncate(reason, 2000), caseId)
        .update();
  }

  public void recordPublicComment(long caseId, LocalDate startOn, LocalDate endOn, int count, String adoption) {
    jdbc.sql("UPDATE gk_policy_case SET comment_start_on = ?, comment_end_on = ?, comment_count = ?,"
            + " comment_adoption = ? WHERE id = ?")
        .params(startOn, endOn, count, truncate(adoption, 4000), caseId)
        .update();
  }

  /** The review steps and their columns (whitelist: never a column name from outside). */
  public enum Review {
    LEGAL("legal_review_result", "legal_review_comment", "legal_reviewed_at", "legal_reviewed_by"),
    SECRECY("secrecy_review_result", "secrecy_review_comment", "secrecy_reviewed_at", "secrecy_reviewed_by"),
    /** One decision for the policy and its interpretation together (同步审批). */
    JOINT_APPROVAL("joint_approval_result", "joint_approval_comment", "joint_approved_at", "joint_approved_by");

    private final String result;
    private final String comment;
    private final String at;
    private final String by;

    Review(String result, String comment, String at, String by) {
      this.result = result;
      this.comment = comment;
      this.at = at;
      this.by = by;
    }
  }

  public void recordReview(long caseId, Review review, String result, String comment, OffsetDateTime at,
      String by) {
    jdbc.sql("UPDATE gk_policy_case SET " + review.result + " = ?, " + review.comment + " = ?, " + review.at
            + " = ?, " + review.by + " = ? WHERE id = ?")
        .params(result, truncate(comment, 2000), at, by, caseId)
        .update();
  }

  /**
   * 同步审批: the leader decided on the pair on {@code decidedOn}; recorded by {@code by} {@code at}. One decision
   * for the policy and its interpretation together.
   */
  public void recordJointApproval(long caseId, String result, String comment, LocalDate decidedOn,
      OffsetDateTime at, String by) {
    recordReview(caseId, Review.JOINT_APPROVAL, result, comment, at, by);
    jdbc.sql("UPDATE gk_policy_case SET joint_approved_on = ? WHERE id = ?").params(decidedOn, caseId).update();
  }

  /** The policy is published; its interpretation is due by {@code dueOn} ({@code limit} working days later). */
  public void recordPolicyPublication(long caseId, LocalDate publishedOn, String url, String gazette, int limit,
      LocalDate dueOn, boolean provisional) {
    jdbc.sql("UPDATE gk_policy_case SET policy_published_on = ?, policy_url = ?, policy_gazette = ?,"
            + " publish_within_working_days = ?, interpretation_due_on = ?, interpretation_due_provisional = ?"
            + " WHERE id = ?")
        .params(publishedOn, url, gazette, limit, dueOn, provisional, caseId)
        .update();
  }

  /** A recomputed interpretation deadline (a calendar year was loaded). */
  public void moveInterpretationDue(long caseId, LocalDate dueOn, boolean provisional) {
    jdbc.sql("UPDATE gk_policy_case SET interpretation_due_on = ?, interpretation_due_provisional = ? WHERE id = ?")
        .params(dueOn, provisional, caseId)
        .update();
  }

  /** The interpretation is published on the interpretation column, linked both ways. */
  public void recordInterpretationPublication(long caseId, LocalDate publishedOn, String url,
      boolean policyLinksInterpretation, boolean interpretationLinksPolicy) {
    jdbc.sql("UPDATE gk_policy_case SET interpretation_published_on = ?, interpretation_url = ?,"
            + " policy_links_interpretation = ?, interpretation_links_policy = ? WHERE id = ?")
        .params(publishedOn, url, policyLinksInterpretation, interpretationLinksPolicy, caseId)
        .update();
  }



  /** Archives the case: status CLOSED, no current step. */
  public void close(long caseId, OffsetDateTime at) {
    jdbc.sql("UPDATE gk_policy_case SET status = 'CLOSED', archived_at = ?, current_step = NULL,"
            + " current_step_name = '已归档', current_group = NULL, current_assignee = NULL WHERE id = ?")
        .params(at, caseId)
        .update();
  }

  private static String truncate(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }

  private static final RowMapper<PolicyCase> ROW = PolicyRegister::map;

  private static PolicyCase map(ResultSet rs, int row) throws SQLException {
    String attribute = rs.getString("disclosure_attribute");
    return new PolicyCase(
        rs.getLong("id"),
        rs.getString("agency_code"),
        rs.getString("case_number"),
        rs.getString("process_instance_id"),
        rs.getString("title"),
        rs.getString("document_number"),
        rs.getString("drafting_department"),
        rs.getString("first_interpreter"),
        attribute == null ? null : DisclosureAttribute.valueOf(attribute),
        rs.getString("disclosure_reason"),
        rs.getString("interpretation_plan"),
        rs.getString("interpretation_materials"),
        rs.getString("interpretation_forms"),
        rs.getBoolean("public_interest"),
        rs.getObject("submitted_on", LocalDate.class),
        rs.getObject("submitted_at", OffsetDateTime.class),
        rs.getString("submitted_by"),
        rs.getInt("submission_count"),
        rs.getObject("resubmitted_on", LocalDate.class),
        rs.getObject("received_on", LocalDate.class),
        rs.getObject("received_at", OffsetDateTime.class),
        rs.getString("received_by"),
        rs.getInt("return_count"),
        rs.getObject("last_returned_at", OffsetDateTime.class),
        rs.getString("last_returned_step"),
        rs.getString("last_return_reason"),
        rs.getObject("comment_start_on", LocalDate.class),
        rs.getObject("comment_end_on", LocalDate.class),
        rs.getObject("comment_count", Integer.class),
        rs.getString("comment_adoption"),
        rs.getString("legal_review_result"),
        rs.getString("legal_review_comment"),
        rs.getObject("legal_reviewed_at", OffsetDateTime.class),
        rs.getString("legal_reviewed_by"),
        rs.getString("secrecy_review_result"),
        rs.getString("secrecy_review_comment"),
        rs.getObject("secrecy_reviewed_at", OffsetDateTime.class),
        rs.getString("secrecy_reviewed_by"),
        rs.getString("joint_approval_result"),
        rs.getString("joint_approval_comment"),
        rs.getObject("joint_approved_on", LocalDate.class),
        rs.getObject("joint_approved_at", OffsetDateTime.class),
        rs.getString("joint_approved_by"),
        rs.getObject("policy_published_on", LocalDate.class),
        rs.getString("policy_url"),
        rs.getString("policy_gazette"),
        rs.getObject("publish_within_working_days", Integer.class),
        rs.getObject("interpretation_due_on", LocalDate.class),
        rs.getBoolean("interpretation_due_provisional"),
        rs.getObject("interpretation_published_on", LocalDate.class),
        rs.getString("interpretation_url"),
        rs.getObject("policy_links_interpretation", Boolean.class),
        rs.getObject("interpretation_links_policy", Boolean.class),
        PolicyCaseStatus.valueOf(rs.getString("status")),
        rs.getString("current_step"),
        rs.getString("current_step_name"),
        rs.getString("current_group"),
        rs.getString("current_assignee"),
        rs.getBoolean("overdue"),
        rs.getObject("overdue_since", LocalDate.class),
        rs.getObject("archived_at", OffsetDateTime.class));
  }
}

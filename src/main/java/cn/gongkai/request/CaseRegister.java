package cn.gongkai.request;

import cn.gongkai.agency.Agency;
import cn.gongkai.numbering.NumberSequence;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The case register (案件登记簿): every disclosure request with its applicant, dates, status and outcome. */
@Repository
public class CaseRegister {

  static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
  static final String CASE_NUMBER_KIND = "CASE";

  private final JdbcClient jdbc;
  private final NumberSequence numbers;
  private final String numberPattern;
  private final ApplicationEventPublisher events;

  CaseRegister(JdbcClient jdbc, NumberSequence numbers,
      @Value("${gongkai.case-number.pattern:〔YYYY〕第N号}") String numberPattern, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.numbers = numbers;
    this.numberPattern = numberPattern;
    this.events = events;
  }

  /** The registered case's key and number. */
  public record RegisteredCase(long id, String caseNumber) {}

  /** Numbers and stores a new request; runs in the caller's (the engine's) transaction. */
  public RegisteredCase register(Agency agency, RequestRegistration r, OffsetDateTime now, String registeredBy) {
    int year = now.atZoneSameInstant(BEIJING).getYear();
    long seq = numbers.next(agency.code(), CASE_NUMBER_KIND, year);
    String caseNumber = formatNumber(patternOf(agency), agency, year, seq);
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("""
            INSERT INTO gk_disclosure_case (agency_code, case_number, case_year, case_seq, applicant_type,
              applicant_name, id_type, id_number, phone, address, email, channel, received_on, description,
              purpose, provision_form, delivery_method, status, registered_at, registered_by)
            VALUES (:agency, :number, :year, :seq, :applicantType, :applicantName, :idType, :idNumber, :phone,
              :address, :email, :channel, :receivedOn, :description, :purpose, :provisionForm, :deliveryMethod,
              'OPEN', :now, :user)""")
        .param("agency", agency.code())
        .param("number", caseNumber)
        .param("year", year)
        .param("seq", seq)
        .param("applicantType", r.applicantType().name())
        .param("applicantName", r.applicantName())
        .param("idType", r.idType().name())
        .param("idNumber", r.idNumber())
        .param("phone", r.phone())
        .param("address", r.address())
        .param("email", r.email())
        .param("channel", r.channel().name())
        .param("receivedOn", r.receivedOn())
        .param("description", r.description())
        .param("purpose", r.purpose())
        .param("provisionForm", r.provisionForm() == null ? null : r.provisionForm().name())
        .param("deliveryMethod", r.deliveryMethod() == null ? null : r.deliveryMethod().name())
        .param("now", now)
        .param("user", registeredBy)
        .update(keys, "id");
    return new RegisteredCase(keys.getKeyAs(Number.class).longValue(), caseNumber);
  }

  /** A case number from the normal numbering: year, sequence and the formatted number. */
  public record NumberedCase(int year, long seq, String caseNumber) {}

  /** The agency's next case number of that year (cases entered without a process: imports); caller's transaction. */
  public NumberedCase number(Agency agency, int year) {
    long seq = numbers.next(agency.code(), CASE_NUMBER_KIND, year);
    return new NumberedCase(year, seq, formatNumber(patternOf(agency), agency, year, seq));
  }

  /** The agency's own pattern, else the installation's (the prefecture office keeps the numbers it had). */
  private String patternOf(Agency agency) {
    return agency.caseNumberPattern() != null ? agency.caseNumberPattern() : numberPattern;
  }

  /** {@code 〔YYYY〕第N号}: YYYY the year, N the sequence number, {agency} the agency's short name. */
  static String formatNumber(String pattern, Agency agency, int year, long seq) {
    return pattern.replace("YYYY", Integer.toString(year))
        .replace("N", Long.toString(seq))
        .replace("{agency}", agency.shortName());
  }

  public void linkProcessInstance(long caseId, String processInstanceId) {
    update(caseId, "process_instance_id = ?", processInstanceId);
  }

  public Optional<DisclosureCase> findByNumber(String caseNumber) {
    return jdbc.sql("SELECT * FROM gk_disclosure_case WHERE case_number = ? ORDER BY id")
        .param(caseNumber)
        .query(ROW)
        .optional();
  }

  public Optional<DisclosureCase> findByProcessInstance(String processInstanceId) {
    return jdbc.sql("SELECT * FROM gk_disclosure_case WHERE process_instance_id = ?")
        .param(processInstanceId)
        .query(ROW)
        .optional();
  }

  public DisclosureCase get(long caseId) {
    return jdbc.sql("SELECT * FROM gk_disclosure_case WHERE id = ?").param(caseId).query(ROW).single();
  }

  public long count() {
    return jdbc.sql("SELECT COUNT(*) FROM gk_disclosure_case").query(Long.class).single();
  }

  /** The step the case now waits in (shown on lists and the case page). */
  public void enterStep(long caseId, String stepKey, String stepName) {
    jdbc.sql("UPDATE gk_disclosure_case SET current_step = ?, current_step_name = ? WHERE id = ?")
        .params(stepKey, stepName, caseId)
        .update();
  }

  /** Records a step: the day of its fact (if any) and, separately, who recorded it when. */
  public void recordEvent(long caseId, CaseEvent event) {
    jdbc.sql("INSERT INTO gk_case_event (case_id, step_key, step_name, actor, occurred_at, decision, comment,"
            + " fact_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(caseId, event.stepKey(), event.stepName(), event.actor(), event.occurredAt(), event.decision(),
            truncate(event.comment(), 2000), event.factOn())
        .update();
  }

  /** A referral (转办) of a case to another agency on the platform, and the case it became there once confirmed. */
  public record Referral(long id, long fromCaseId, String toAgencyCode, String processInstanceId, Long toCaseId,
      LocalDate confirmedOn, String confirmedBy) {}

  private static final String REFERRAL_COLUMNS = "id, from_case_id, to_agency_code, process_instance_id, to_case_id,"
      + " confirmed_on, confirmed_by";

  private static Referral referral(ResultSet rs, int n) throws SQLException {
    long to = rs.getLong("to_case_id");
    return new Referral(rs.getLong("id"), rs.getLong("from_case_id"), rs.getString("to_agency_code"),
        rs.getString("process_instance_id"), rs.wasNull() ? null : to, rs.getObject("confirmed_on", LocalDate.class),
        rs.getString("confirmed_by"));
  }

  /** Records that the case is transferred to that agency; caller's (the engine's) transaction. */
  public long referCase(long fromCaseId, String toAgencyCode, OffsetDateTime now) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("INSERT INTO gk_referral (from_case_id, to_agency_code, created_at) VALUES (?, ?, ?)")
        .params(fromCaseId, toAgencyCode, now)
        .update(keys, "id");
    return keys.getKeyAs(Number.class).longValue();
  }

  public void linkReferralProcess(long referralId, String processInstanceId) {
    jdbc.sql("UPDATE gk_referral SET process_instance_id = ? WHERE id = ?").params(processInstanceId, referralId)
        .update();
  }

  /** The referral a {@code request-referral} instance confirms. */
  public Optional<Referral> referralOfProcess(String processInstanceId) {
    return jdbc.sql("SELECT " + REFERRAL_COLUMNS + " FROM gk_referral WHERE process_instance_id = ?")
        .param(processInstanceId).query(CaseRegister::referral).optional();
  }

  /** The referral that took this case to another agency, if any. */
  public Optional<Referral> referralFrom(long caseId) {
    return jdbc.sql("SELECT " + REFERRAL_COLUMNS + " FROM gk_referral WHERE from_case_id = ?")
        .param(caseId).query(CaseRegister::referral).optional();
  }

  /** The referral this case was registered from, if any. */
  public Optional<Referral> referralTo(long caseId) {
    return jdbc.sql("SELECT " + REFERRAL_COLUMNS + " FROM gk_referral WHERE to_case_id = ?")
        .param(caseId).query(CaseRegister::referral).optional();
  }

  /** The receiving agency confirmed the referral on that day: the new case is linked to the old one. */
  public void confirmReferral(long referralId, long toCaseId, LocalDate confirmedOn, String confirmedBy) {
    jdbc.sql("UPDATE gk_referral SET to_case_id = ?, confirmed_on = ?, confirmed_by = ? WHERE id = ?")
        .params(toCaseId, confirmedOn, confirmedBy, referralId).update();
    jdbc.sql("UPDATE gk_disclosure_case SET referred_from_case_id = (SELECT from_case_id FROM gk_referral WHERE id = ?)"
        + " WHERE id = ?").params(referralId, toCaseId).update();
  }

  public List<CaseEvent> events(long caseId) {
    return jdbc.sql("SELECT step_key, step_name, actor, occurred_at, decision, comment, fact_on FROM gk_case_event"
            + " WHERE case_id = ? ORDER BY occurred_at, id")
        .param(caseId)
        .query((rs, n) -> new CaseEvent(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getObject(4, OffsetDateTime.class), rs.getString(5), rs.getString(6),
            rs.getObject(7, LocalDate.class)))
        .list();
  }

  /** The reply was signed off on that day (签发日期): the reply letter's date, and no delivery before it. */
  public void recordSignOff(long caseId, LocalDate signedOn) {
    update(caseId, "signed_off_on = ?", signedOn);
  }

  /** The date columns a finished stage fills in (whitelist: never a column name from outside). */
  public enum Stage {
    SCREENED("screened_at"),
    CORRECTION_NOTICED("correction_noticed_at"),
    HANDLED("handled_at"),
    SECRECY_REVIEWED("secrecy_reviewed_at"),
    LEGAL_REVIEWED("legal_reviewed_at"),
    SIGNED_OFF("signed_off_at"),
    ARCHIVED("archived_at");

    private final String column;

    Stage(String column) {
      this.column = column;
    }
  }

  public void stamp(long caseId, Stage stage, OffsetDateTime at) {
    update(caseId, stage.column + " = ?", at);
  }

  public void recordHandling(long caseId, Outcome outcome, String outcomeCode, String competentAgency,
      String handledBy) {
    jdbc.sql("UPDATE gk_disclosure_case SET outcome = ?, outcome_code = ?, competent_agency = ?, handled_by = ?"
            + " WHERE id = ?")
        .params(outcome == null ? null : outcome.name(), outcomeCode, competentAgency, handledBy, caseId)
        .update();
  }

  public void recordOutcome(long caseId, Outcome outcome) {
    update(caseId, "outcome = ?", outcome.name());
  }

  public void recordCorrection(long caseId, LocalDate correctedOn, String correctedDescription) {
    jdbc.sql("UPDATE gk_disclosure_case SET corrected_on = ?, correction_count = correction_count + 1,"
            + " description = COALESCE(?, description) WHERE id = ?")
        .params(correctedOn, truncate(correctedDescription, 4000), caseId)
        .update();
  }

  /** Records the reply; listeners re-derive whether the case is overdue (synchronously, same transaction). */
  public void recordReply(long caseId, LocalDate repliedOn, ReplyDeliveryMethod method, LocalDate postedOn) {
    recordReply(caseId, repliedOn, method, postedOn, null);
  }

  /** Records the reply with the post's tracking number (挂号信/EMS 单号) when it went by post. */
  public void recordReply(long caseId, LocalDate repliedOn, ReplyDeliveryMethod method, LocalDate postedOn,
      String trackingNumber) {
    jdbc.sql("UPDATE gk_disclosure_case SET replied_on = ?, reply_delivery_method = ?, reply_posted_on = ?,"
            + " reply_tracking_number = ? WHERE id = ?")
        .params(repliedOn, method == null ? null : method.name(), postedOn, trackingNumber, caseId)
        .update();
    events.publishEvent(new ReplyRecorded(caseId, repliedOn));
  }

  /** A reply was recorded for the case, dated the day it happened. */
  public record ReplyRecorded(long caseId, LocalDate repliedOn) {}

  /** Closes the case: status CLOSED, archived now, no current step. */
  public void close(long caseId, OffsetDateTime at) {
    jdbc.sql("UPDATE gk_disclosure_case SET status = 'CLOSED', archived_at = ?, current_step = NULL,"
            + " current_step_name = '已归档' WHERE id = ?")
        .params(at, caseId)
        .update();
  }

  /** A reply deadline that moved: from what to what, why, by whom, when. */
  public record DeadlineChange(java.time.LocalDate oldDueOn, java.time.LocalDate newDueOn, String reason,
      String changedBy, OffsetDateTime changedAt) {}

  public List<DeadlineChange> deadlineChanges(long caseId) {
    return jdbc.sql("SELECT old_due_on, new_due_on, reason, changed_by, changed_at FROM gk_deadline_change"
            + " WHERE case_id = ? ORDER BY changed_at, id")
        .param(caseId)
        .query((rs, n) -> new DeadlineChange(rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class),
            rs.getString(3), rs.getString(4), rs.getObject(5, OffsetDateTime.class)))
        .list();
  }

  public void logPersonalDataAccess(long caseId, String userId, String channel, OffsetDateTime at) {
    jdbc.sql("INSERT INTO gk_personal_data_access (case_id, user_id, accessed_at, channel) VALUES (?, ?, ?, ?)")
        .params(caseId, userId, at, channel)
        .update();
  }

  /** Who saw the applicant's full personal data: user, time, where. */
  public record PersonalDataAccess(String userId, OffsetDateTime accessedAt, String channel) {}

  public List<PersonalDataAccess> personalDataAccesses(long caseId) {
    return jdbc.sql("SELECT user_id, accessed_at, channel FROM gk_personal_data_access WHERE case_id = ?"
            + " ORDER BY accessed_at, id")
        .param(caseId)
        .query((rs, n) -> new PersonalDataAccess(rs.getString(1), rs.getObject(2, OffsetDateTime.class),
            rs.getString(3)))
        .list();
  }

  private void update(long caseId, String assignment, Object value) {
    jdbc.sql("UPDATE gk_disclosure_case SET " + assignment + " WHERE id = ?").params(value, caseId).update();
  }

  private static String truncate(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }

  private static final RowMapper<DisclosureCase> ROW = CaseRegister::map;

  private static DisclosureCase map(ResultSet rs, int row) throws SQLException {
    return new DisclosureCase(
        rs.getLong("id"),
        rs.getString("agency_code"),
        rs.getString("case_number"),
        rs.getString("process_instance_id"),
        code(rs, "applicant_type", ApplicantType::valueOf),
        rs.getString("applicant_name"),
        code(rs, "id_type", IdType::valueOf),
        rs.getString("id_number"),
        rs.getString("phone"),
        rs.getString("address"),
        rs.getString("email"),
        code(rs, "channel", Channel::valueOf),
        rs.getObject("received_on", LocalDate.class),
        rs.getString("description"),
        rs.getString("purpose"),
        code(rs, "provision_form", ProvisionForm::valueOf),
        code(rs, "delivery_method", DeliveryMethod::valueOf),
        code(rs, "status", CaseStatus::valueOf),
        rs.getString("current_step"),
        rs.getString("current_step_name"),
        code(rs, "outcome", Outcome::valueOf),
        rs.getString("outcome_code"),
        rs.getString("competent_agency"),
        rs.getString("handled_by"),
        rs.getInt("correction_count"),
        rs.getObject("registered_at", OffsetDateTime.class),
        rs.getString("registered_by"),
        rs.getObject("screened_at", OffsetDateTime.class),
        rs.getObject("correction_noticed_at", OffsetDateTime.class),
        rs.getObject("corrected_on", LocalDate.class),
        rs.getObject("handled_at", OffsetDateTime.class),
        rs.getObject("secrecy_reviewed_at", OffsetDateTime.class),
        rs.getObject("legal_reviewed_at", OffsetDateTime.class),
        rs.getObject("signed_off_at", OffsetDateTime.class),
        rs.getObject("replied_on", LocalDate.class),
        code(rs, "reply_delivery_method", ReplyDeliveryMethod::valueOf),
        rs.getObject("reply_posted_on", LocalDate.class),
        rs.getObject("archived_at", OffsetDateTime.class),
        rs.getObject("reply_due_on", LocalDate.class),
        rs.getBoolean("reply_due_provisional"),
        rs.getObject("clock_started_on", LocalDate.class),
        rs.getObject("paused_since", LocalDate.class),
        rs.getString("pause_reason"),
        rs.getInt("paused_working_days"),
        (Integer) rs.getObject("extension_working_days", Integer.class),
        rs.getBigDecimal("fee_amount"),
        rs.getObject("fee_noticed_on", LocalDate.class),
        rs.getObject("fee_paid_on", LocalDate.class),
        rs.getBoolean("overdue"),
        rs.getObject("overdue_since", LocalDate.class),
        rs.getObject("delayed_reply_on", LocalDate.class),
        rs.getObject("signed_off_on", LocalDate.class),
        rs.getObject("extension_approved_on", LocalDate.class),
        rs.getString("reply_tracking_number"));
  }

  private static <T> T code(ResultSet rs, String column, Function<String, T> parse) throws SQLException {
    String value = rs.getString(column);
    return value == null ? null : parse.apply(value);
  }
}

package cn.gongkai.portal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The portal's tables: submissions, their ID proof, corrections sent online. */
@Repository
class SubmissionStore {

  private final JdbcClient jdbc;

  SubmissionStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(String number, String salt, String hash, String agencyCode, java.util.Map<String, String> f,
      OffsetDateTime at, LocalDate on) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("""
            INSERT INTO gk_portal_submission (submission_number, query_code_salt, query_code_hash, agency_code,
              applicant_type, applicant_name, id_type, id_number, phone, address, email, description, purpose,
              provision_form, delivery_method, submitted_at, submitted_on, state)
            VALUES (:number, :salt, :hash, :agency, :applicantType, :applicantName, :idType, :idNumber, :phone,
              :address, :email, :description, :purpose, :provisionForm, :deliveryMethod, :at, :on, 'SUBMITTED')""")
        .param("number", number)
        .param("salt", salt)
        .param("hash", hash)
        .param("agency", agencyCode)
        .param("applicantType", f.get("applicantType"))
        .param("applicantName", f.get("applicantName"))
        .param("idType", f.get("idType"))
        .param("idNumber", f.get("idNumber"))
        .param("phone", f.get("phone"))
        .param("address", f.get("address"))
        .param("email", f.get("email"))
        .param("description", f.get("description"))
        .param("purpose", f.get("purpose"))
        .param("provisionForm", f.get("provisionForm"))
        .param("deliveryMethod", f.get("deliveryMethod"))
        .param("at", at)
        .param("on", on)
        .update(keys, "id");
    return keys.getKeyAs(Number.class).longValue();
  }

  void linkProcessInstance(long id, String processInstanceId) {
    jdbc.sql("UPDATE gk_portal_submission SET process_instance_id = ? WHERE id = ?")
        .params(processInstanceId, id).update();
  }

  Optional<Submission> byNumber(String number) {
    return jdbc.sql("SELECT * FROM gk_portal_submission WHERE submission_number = ?").param(number)
        .query(SubmissionStore::map).optional();
  }

  Optional<Submission> byCaseNumber(String caseNumber) {
    return jdbc.sql("SELECT s.* FROM gk_portal_submission s JOIN gk_disclosure_case c ON c.id = s.case_id"
            + " WHERE c.case_number = ?").param(caseNumber)
        .query(SubmissionStore::map).optional();
  }

  Optional<Submission> byProcessInstance(String processInstanceId) {
    return jdbc.sql("SELECT * FROM gk_portal_submission WHERE process_instance_id = ?").param(processInstanceId)
        .query(SubmissionStore::map).optional();
  }

  Submission get(long id) {
    return jdbc.sql("SELECT * FROM gk_portal_submission WHERE id = ?").param(id).query(SubmissionStore::map)
        .single();
  }

  long count() {
    return jdbc.sql("SELECT COUNT(*) FROM gk_portal_submission").query(Long.class).single();
  }

  /** One more wrong code; at {@code maxFailures} tracking the submission is locked until {@code lockedUntil}. */
  void recordWrongCode(long id, int maxFailures, OffsetDateTime lockedUntil) {
    jdbc.sql("UPDATE gk_portal_submission SET failed_attempts = failed_attempts + 1 WHERE id = ?").param(id).update();
    jdbc.sql("UPDATE gk_portal_submission SET locked_until = ?, failed_attempts = 0"
            + " WHERE id = ? AND failed_attempts >= ?")
        .params(lockedUntil, id, maxFailures).update();
  }

  void resetWrongCodes(long id) {
    jdbc.sql("UPDATE gk_portal_submission SET failed_attempts = 0 WHERE id = ? AND failed_attempts > 0")
        .param(id).update();
  }

  void accepted(long id, long caseId, LocalDate receivedOn) {
    jdbc.sql("UPDATE gk_portal_submission SET state = 'ACCEPTED', case_id = ?, confirmed_on = ? WHERE id = ?")
        .params(caseId, receivedOn, id).update();
  }

  void refused(long id, String reason, LocalDate on) {
    jdbc.sql("UPDATE gk_portal_submission SET state = 'REFUSED', refusal_reason = ?, confirmed_on = ?"
            + " WHERE id = ?")
        .params(reason, on, id).update();
  }

  void insertAttachment(long submissionId, IdProof proof, OffsetDateTime at) {
    jdbc.sql("INSERT INTO gk_portal_attachment (submission_id, file_name, content_type, size_bytes, sha256, content,"
            + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
        .params(submissionId, proof.fileName(), proof.contentType(), proof.content().length, proof.sha256(),
            proof.content(), at)
        .update();
  }

  Optional<IdProof> attachment(long submissionId) {
    return jdbc.sql("SELECT file_name, content_type, content FROM gk_portal_attachment WHERE submission_id = ?"
            + " ORDER BY id")
        .param(submissionId)
        .query((rs, n) -> new IdProof(rs.getString(1), rs.getString(2), rs.getBytes(3)))
        .optional();
  }

  boolean hasAttachment(long submissionId) {
    return jdbc.sql("SELECT COUNT(*) FROM gk_portal_attachment WHERE submission_id = ?").param(submissionId)
        .query(Long.class).single() > 0;
  }

  void insertCorrection(long submissionId, LocalDate on, OffsetDateTime at, String description) {
    jdbc.sql("INSERT INTO gk_portal_correction (submission_id, received_on, received_at, description)"
            + " VALUES (?, ?, ?, ?)")
        .params(submissionId, on, at, description).update();
  }

  private static Submission map(ResultSet rs, int n) throws SQLException {
    return new Submission(
        rs.getLong("id"),
        rs.getString("submission_number"),
        rs.getString("query_code_salt"),
        rs.getString("query_code_hash"),
        rs.getString("agency_code"),
        rs.getString("applicant_type"),
        rs.getString("applicant_name"),
        rs.getString("id_type"),
        rs.getString("id_number"),
        rs.getString("phone"),
        rs.getString("address"),
        rs.getString("email"),
        rs.getString("description"),
        rs.getString("purpose"),
        rs.getString("provision_form"),
        rs.getString("delivery_method"),
        rs.getObject("submitted_at", OffsetDateTime.class),
        rs.getObject("submitted_on", LocalDate.class),
        rs.getString("process_instance_id"),
        Submission.State.valueOf(rs.getString("state")),
        (Long) rs.getObject("case_id", Long.class),
        rs.getObject("confirmed_on", LocalDate.class),
        rs.getString("refusal_reason"),
        rs.getInt("failed_attempts"),
        rs.getObject("locked_until", OffsetDateTime.class));
  }
}

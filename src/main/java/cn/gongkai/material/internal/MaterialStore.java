package cn.gongkai.material.internal;

import cn.gongkai.material.MarkState;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for materials, their versions, marks and redacted copies (tables of V160). */
@Repository
public class MaterialStore {

  private static final String MATERIAL_COLUMNS = "m.id, m.case_number, m.agency_code, m.kind, v.version, v.file_name,"
      + " v.content_type, v.size_bytes, v.sha256, v.pages, v.created_by, v.created_at,"
      + " r.mark_count, r.sha256 AS redacted_sha256, r.pages AS redacted_pages";
  private static final String LATEST = " FROM gk_material m JOIN gk_material_version v ON v.material_id = m.id"
      + " AND v.version = (SELECT MAX(x.version) FROM gk_material_version x WHERE x.material_id = m.id)"
      + " LEFT JOIN gk_material_redacted r ON r.material_id = m.id"
      + " AND r.id = (SELECT MAX(y.id) FROM gk_material_redacted y WHERE y.material_id = m.id)";
  private static final String MARK_COLUMNS = "id, material_id, page, box_x, box_y, box_w, box_h, marked_text,"
      + " exemption_code, marked_by, marked_at, state, return_reason, reviewed_by, reviewed_at";

  private final JdbcClient jdbc;

  MaterialStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A case as the register knows it. */
  public record CaseRow(String kind, long id, String caseNumber, String agencyCode, String status) {}

  /** A material's latest version and latest redacted copy. */
  public record MaterialRow(long id, String caseNumber, String agencyCode, String kind, int version, String fileName,
      String contentType, long size, String sha256, int pages, String createdBy, OffsetDateTime createdAt,
      Integer markCount, String redactedSha256, Integer redactedPages) {}

  /** A stored mark. */
  public record MarkRow(long id, long materialId, int page, float x, float y, float w, float h, String text,
      String exemptionCode, String markedBy, OffsetDateTime markedAt, MarkState state, String returnReason,
      String reviewedBy, OffsetDateTime reviewedAt) {}

  /** The disclosure cases with that number (one per agency at most). */
  public List<CaseRow> cases(String caseNumber) {
    return jdbc.sql("SELECT id, case_number, agency_code, status FROM gk_disclosure_case WHERE case_number = ?")
        .param(caseNumber)
        .query((rs, i) -> new CaseRow("DISCLOSURE", rs.getLong("id"), rs.getString("case_number"),
            rs.getString("agency_code"), rs.getString("status")))
        .list();
  }

  public long insertMaterial(CaseRow ref, String kind, OffsetDateTime at, String by) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("INSERT INTO gk_material (case_kind, case_id, case_number, agency_code, kind, created_at, created_by)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)")
        .params(ref.kind(), ref.id(), ref.caseNumber(), ref.agencyCode(), kind, at, by)
        .update(keys, "id");
    return keys.getKeyAs(Long.class);
  }

  public void insertVersion(long materialId, int version, String fileName, String contentType, byte[] content,
      byte[] pdf, int pages, OffsetDateTime at, String by) {
    jdbc.sql("INSERT INTO gk_material_version (material_id, version, file_name, content_type, size_bytes, sha256,"
            + " content, pdf_content, pdf_sha256, pages, created_at, created_by)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(materialId, version, fileName, contentType, content.length, Sha256.of(content), content, pdf,
            Sha256.of(pdf), pages, at, by)
        .update();
  }

  public void insertRedacted(long materialId, int version, int markCount, byte[] pdf, int pages, OffsetDateTime at,
      String by) {
    jdbc.sql("INSERT INTO gk_material_redacted (material_id, version, mark_count, size_bytes, sha256, content, pages,"
            + " created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(materialId, version, markCount, pdf.length, Sha256.of(pdf), pdf, pages, at, by)
        .update();
  }

  /** Locks the material row until the transaction ends, so marks and copies do not interleave. */
  public Optional<MaterialRow> lock(long id) {
    List<Long> ids = jdbc.sql("SELECT id FROM gk_material WHERE id = ? FOR UPDATE").param(id).query(Long.class).list();
    return ids.isEmpty() ? Optional.empty() : find(id);
  }

  public Optional<MaterialRow> find(long id) {
    return jdbc.sql("SELECT " + MATERIAL_COLUMNS + LATEST + " WHERE m.id = ?").param(id)
        .query(MaterialStore::material).optional();
  }

  public List<MaterialRow> ofCase(String caseKind, long caseId) {
    return jdbc.sql("SELECT " + MATERIAL_COLUMNS + LATEST + " WHERE m.case_kind = ? AND m.case_id = ? ORDER BY m.id")
        .params(caseKind, caseId).query(MaterialStore::material).list();
  }

  public byte[] original(long id, int version) {
    return jdbc.sql("SELECT content FROM gk_material_version WHERE material_id = ? AND version = ?")
        .params(id, version).query((rs, i) -> rs.getBytes(1)).single();
  }

  public byte[] pdf(long id, int version) {
    return jdbc.sql("SELECT pdf_content FROM gk_material_version WHERE material_id = ? AND version = ?")
        .params(id, version).query((rs, i) -> rs.getBytes(1)).single();
  }

  public Optional<byte[]> redacted(long id) {
    return jdbc.sql("SELECT content FROM gk_material_redacted WHERE material_id = ? ORDER BY id DESC")
        .param(id).query((rs, i) -> rs.getBytes(1)).list().stream().findFirst();
  }

  public long insertMark(long materialId, int version, int page, float x, float y, float w, float h, String text,
      String code, OffsetDateTime at, String by) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("INSERT INTO gk_material_mark (material_id, version, page, box_x, box_y, box_w, box_h, marked_text,"
            + " exemption_code, marked_by, marked_at, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PROPOSED')")
        .params(materialId, version, page, x, y, w, h, text, code, by, at)
        .update(keys, "id");
    return keys.getKeyAs(Long.class);
  }

  /** Withdraws the marks not yet approved (they stay in the log as replaced). */
  public void replaceOpenMarks(long materialId, OffsetDateTime at, String by) {
    jdbc.sql("UPDATE gk_material_mark SET replaced_at = ?, replaced_by = ? WHERE material_id = ?"
            + " AND replaced_at IS NULL AND state <> 'APPROVED'")
        .params(at, by, materialId).update();
  }

  /** The current marks of a material, in page order. */
  public List<MarkRow> marks(long materialId) {
    return jdbc.sql("SELECT " + MARK_COLUMNS + " FROM gk_material_mark WHERE material_id = ? AND replaced_at IS NULL"
            + " ORDER BY page, id")
        .param(materialId).query(MaterialStore::mark).list();
  }

  /** Every mark ever made on a material, replaced ones included (the redaction log). */
  public List<MarkRow> allMarks(long materialId) {
    return jdbc.sql("SELECT " + MARK_COLUMNS + " FROM gk_material_mark WHERE material_id = ? ORDER BY id")
        .param(materialId).query(MaterialStore::mark).list();
  }

  public void review(long markId, MarkState state, String reason, OffsetDateTime at, String by) {
    jdbc.sql("UPDATE gk_material_mark SET state = ?, return_reason = ?, reviewed_by = ?, reviewed_at = ? WHERE id = ?")
        .params(state.name(), reason, by, at, markId).update();
  }

  private static MaterialRow material(ResultSet rs, int row) throws SQLException {
    return new MaterialRow(rs.getLong("id"), rs.getString("case_number"), rs.getString("agency_code"),
        rs.getString("kind"), rs.getInt("version"), rs.getString("file_name"), rs.getString("content_type"),
        rs.getLong("size_bytes"), rs.getString("sha256"), rs.getInt("pages"), rs.getString("created_by"),
        rs.getObject("created_at", OffsetDateTime.class), (Integer) rs.getObject("mark_count", Integer.class),
        rs.getString("redacted_sha256"), rs.getObject("redacted_pages", Integer.class));
  }

  private static MarkRow mark(ResultSet rs, int row) throws SQLException {
    return new MarkRow(rs.getLong("id"), rs.getLong("material_id"), rs.getInt("page"), rs.getFloat("box_x"),
        rs.getFloat("box_y"), rs.getFloat("box_w"), rs.getFloat("box_h"), rs.getString("marked_text"),
        rs.getString("exemption_code"), rs.getString("marked_by"), rs.getObject("marked_at", OffsetDateTime.class),
        MarkState.valueOf(rs.getString("state")), rs.getString("return_reason"), rs.getString("reviewed_by"),
        rs.getObject("reviewed_at", OffsetDateTime.class));
  }
}

package cn.gongkai.letters;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for documents, versions, deliveries and archive packages (tables of V20). */
@Repository
class DocumentStore {

  private static final String DOCUMENT_COLUMNS = "d.id, d.case_kind, d.case_id, d.case_number, d.agency_code, d.kind,"
      + " d.doc_number, d.issued_on, d.frozen, v.version, v.created_at, v.created_by, v.sha256";
  private static final String LATEST = " FROM gk_document d JOIN gk_document_version v ON v.document_id = d.id"
      + " WHERE v.version = (SELECT MAX(x.version) FROM gk_document_version x WHERE x.document_id = d.id)";
  private static final String VERSION_COLUMNS =
      "document_id, version, file_name, content_type, size_bytes, sha256, created_at, created_by, note";

  private final JdbcClient jdbc;

  DocumentStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insertDocument(CaseRef ref, LetterKind kind, String number, int year, long seq, LocalDate issuedOn,
      OffsetDateTime createdAt, String createdBy) {
    return insert(ref, kind, number, year, seq, issuedOn, createdAt, createdBy);
  }

  /** An unnumbered draft (numbered at sign-off). */
  long insertDraft(CaseRef ref, LetterKind kind, int year, LocalDate issuedOn, OffsetDateTime createdAt,
      String createdBy) {
    return insert(ref, kind, null, year, null, issuedOn, createdAt, createdBy);
  }

  private long insert(CaseRef ref, LetterKind kind, String number, int year, Long seq, LocalDate issuedOn,
      OffsetDateTime createdAt, String createdBy) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("INSERT INTO gk_document (case_kind, case_id, case_number, agency_code, kind, doc_number, doc_year,"
            + " doc_seq, issued_on, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(ref.kind(), ref.id(), ref.caseNumber(), ref.agencyCode(), kind.name(), number, year, seq, issuedOn,
            createdAt, createdBy)
        .update(keys, "id");
    return keys.getKeyAs(Long.class);
  }

  void insertVersion(long documentId, int version, String fileName, String contentType, byte[] content,
      OffsetDateTime createdAt, String createdBy, String note) {
    jdbc.sql("INSERT INTO gk_document_version (document_id, version, file_name, content_type, size_bytes, sha256,"
            + " content, created_at, created_by, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(documentId, version, fileName, contentType, content.length, Sha256.of(content), content, createdAt,
            createdBy, note)
        .update();
  }

  /**
   * A generated version whose .docx is still to be rendered: committed with what it will say ({@code model}),
   * empty content and no checksum until {@link #completeRender} fills them in. Returns the version row's id.
   */
  long insertPendingVersion(long documentId, int version, String fileName, String contentType, String model,
      OffsetDateTime createdAt, String createdBy, String note) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("INSERT INTO gk_document_version (document_id, version, file_name, content_type, size_bytes, sha256,"
            + " content, created_at, created_by, note, render_model) VALUES (?, ?, ?, ?, 0, '', ?, ?, ?, ?, ?)")
        .params(documentId, version, fileName, contentType, new byte[0], createdAt, createdBy, note, model)
        .update(keys, "id");
    return keys.getKeyAs(Long.class);
  }

  /** The version rows of the document still waiting to be rendered. */
  List<Long> pendingVersions(long documentId) {
    return jdbc.sql("SELECT id FROM gk_document_version WHERE document_id = ? AND render_model IS NOT NULL")
        .param(documentId).query(Long.class).list();
  }

  /** The version rows of the case's documents still waiting to be rendered. */
  List<Long> pendingVersionsOfCase(String caseKind, long caseId) {
    return jdbc.sql("SELECT v.id FROM gk_document_version v JOIN gk_document d ON d.id = v.document_id"
            + " WHERE d.case_kind = ? AND d.case_id = ? AND v.render_model IS NOT NULL")
        .params(caseKind, caseId).query(Long.class).list();
  }

  /** Every version row still waiting to be rendered (the sweep at start-up). */
  List<Long> allPendingVersions() {
    return jdbc.sql("SELECT id FROM gk_document_version WHERE render_model IS NOT NULL ORDER BY id")
        .query(Long.class).list();
  }

  /** What the pending version will say; empty once it has been rendered. */
  /** The agency whose letter that version is (its own templates apply). */
  Optional<String> agencyOfVersion(long versionRowId) {
    return jdbc.sql("SELECT d.agency_code FROM gk_document_version v JOIN gk_document d ON d.id = v.document_id"
            + " WHERE v.id = ?")
        .param(versionRowId).query(String.class).optional();
  }

  Optional<String> renderModel(long versionRowId) {
    return jdbc.sql("SELECT render_model FROM gk_document_version WHERE id = ? AND render_model IS NOT NULL")
        .param(versionRowId).query(String.class).optional();
  }

  /** Stores the rendered content of a pending version; false when another thread stored it first. */
  boolean completeRender(long versionRowId, byte[] content) {
    return jdbc.sql("UPDATE gk_document_version SET content = ?, size_bytes = ?, sha256 = ?, render_model = NULL"
            + " WHERE id = ? AND render_model IS NOT NULL")
        .params(content, content.length, Sha256.of(content), versionRowId)
        .update() > 0;
  }

  /** Locks the document row until the transaction ends, so versions and freezing do not interleave. */
  Optional<StoredDocument> lock(long documentId) {
    List<Long> ids = jdbc.sql("SELECT id FROM gk_document WHERE id = ? FOR UPDATE").param(documentId)
        .query(Long.class).list();
    return ids.isEmpty() ? Optional.empty() : find(documentId);
  }

  Optional<StoredDocument> find(long documentId) {
    return jdbc.sql("SELECT " + DOCUMENT_COLUMNS + LATEST + " AND d.id = ?")
        .param(documentId)
        .query(DocumentStore::document)
        .optional();
  }

  List<StoredDocument> documents(String caseKind, long caseId) {
    return jdbc.sql("SELECT " + DOCUMENT_COLUMNS + LATEST + " AND d.case_kind = ? AND d.case_id = ?"
            + " ORDER BY d.created_at, d.id")
        .params(caseKind, caseId)
        .query(DocumentStore::document)
        .list();
  }

  List<DocumentVersion> versions(long documentId) {
    return jdbc.sql("SELECT " + VERSION_COLUMNS + " FROM gk_document_version WHERE document_id = ? ORDER BY version")
        .param(documentId)
        .query(DocumentStore::version)
        .list();
  }

  Optional<byte[]> content(long documentId, int version) {
    return jdbc.sql("SELECT content FROM gk_document_version WHERE document_id = ? AND version = ?")
        .params(documentId, version)
        .query((rs, i) -> rs.getBytes(1))
        .optional();
  }

  /** What an unnumbered draft says, kept so that it can be rendered again, numbered, at sign-off. */
  void saveDraftData(long documentId, String json) {
    jdbc.sql("UPDATE gk_document SET draft_data = ? WHERE id = ?").params(json, documentId).update();
  }

  Optional<String> draftData(long documentId) {
    return jdbc.sql("SELECT draft_data FROM gk_document WHERE id = ?").param(documentId).query(String.class)
        .optional();
  }

  /** Gives a draft its document number and date (at sign-off). */
  void number(long documentId, String number, int year, long seq, LocalDate issuedOn) {
    jdbc.sql("UPDATE gk_document SET doc_number = ?, doc_year = ?, doc_seq = ?, issued_on = ? WHERE id = ?")
        .params(number, year, seq, issuedOn, documentId)
        .update();
  }

  void updateIssuedOn(long documentId, LocalDate issuedOn) {
    jdbc.sql("UPDATE gk_document SET issued_on = ? WHERE id = ?").params(issuedOn, documentId).update();
  }

  void freeze(long documentId, OffsetDateTime at, String by) {
    jdbc.sql("UPDATE gk_document SET frozen = TRUE, frozen_at = ?, frozen_by = ? WHERE id = ? AND frozen = FALSE")
        .params(at, by, documentId)
        .update();
  }

  long insertDelivery(long documentId, DeliveryMethod method, LocalDate deliveredOn, LocalDate postedOn,
      OffsetDateTime at, String by) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("INSERT INTO gk_document_delivery (document_id, method, delivered_on, posted_on, recorded_at,"
            + " recorded_by) VALUES (?, ?, ?, ?, ?, ?)")
        .params(documentId, method.name(), deliveredOn, postedOn, at, by)
        .update(keys, "id");
    return keys.getKeyAs(Long.class);
  }

  List<Delivery> deliveries(long documentId) {
    return jdbc.sql("SELECT id, document_id, method, delivered_on, posted_on, recorded_at, recorded_by"
            + " FROM gk_document_delivery WHERE document_id = ? ORDER BY id")
        .param(documentId)
        .query((rs, i) -> new Delivery(rs.getLong("id"), rs.getLong("document_id"),
            DeliveryMethod.valueOf(rs.getString("method")), rs.getObject("delivered_on", LocalDate.class),
            rs.getObject("posted_on", LocalDate.class), rs.getObject("recorded_at", OffsetDateTime.class),
            rs.getString("recorded_by")))
        .list();
  }

  boolean isArchived(String caseKind, long caseId) {
    return jdbc.sql("SELECT COUNT(*) FROM gk_archive_package WHERE case_kind = ? AND case_id = ?")
        .params(caseKind, caseId)
        .query(Long.class)
        .single() > 0;
  }

  /** Whether the register has closed the case (a disclosure request's status CLOSED); other kinds: never. */
  boolean isClosed(String caseKind, long caseId) {
    if (!CaseRef.DISCLOSURE.equals(caseKind)) {
      return false;
    }
    return jdbc.sql("SELECT COUNT(*) FROM gk_disclosure_case WHERE id = ? AND status = 'CLOSED'")
        .param(caseId)
        .query(Long.class)
        .single() > 0;
  }

  private static StoredDocument document(ResultSet rs, int row) throws SQLException {
    CaseRef ref = new CaseRef(rs.getString("case_kind"), rs.getLong("case_id"), rs.getString("case_number"),
        rs.getString("agency_code"));
    return new StoredDocument(rs.getLong("id"), ref, LetterKind.valueOf(rs.getString("kind")),
        rs.getString("doc_number"), rs.getInt("version"), rs.getObject("issued_on", LocalDate.class),
        rs.getObject("created_at", OffsetDateTime.class), rs.getString("created_by"), emptyToNull(rs.getString("sha256")),
        rs.getBoolean("frozen"));
  }

  private static DocumentVersion version(ResultSet rs, int row) throws SQLException {
    return new DocumentVersion(rs.getLong("document_id"), rs.getInt("version"), rs.getString("file_name"),
        rs.getString("content_type"), rs.getLong("size_bytes"), emptyToNull(rs.getString("sha256")),
        rs.getObject("created_at", OffsetDateTime.class), rs.getString("created_by"), rs.getString("note"));
  }

  /** A pending version has no checksum yet (stored as ''). */
  private static String emptyToNull(String sha256) {
    return sha256 == null || sha256.isEmpty() ? null : sha256;
  }
}

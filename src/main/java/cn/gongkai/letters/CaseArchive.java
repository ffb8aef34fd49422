package cn.gongkai.letters;

import cn.gongkai.GongkaiApplication;
import cn.gongkai.letters.ArchiveInput.Attachment;
import cn.gongkai.letters.VerificationResult.FileCheck;
import cn.gongkai.web.BadRequestException;
import cn.gongkai.web.NotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The archive (归档, Reg. Art. 45) of a closed case: one ZIP holding register.json, history.json,
 * documents.json, every letter and notice (latest versions under documents/, earlier ones under
 * documents/earlier/), further attachments, and manifest.json with the SHA-256 of every file. Written once;
 * a second write is refused, and after archiving the case takes no new documents or versions.
 */
@Service
public class CaseArchive {

  private static final ZoneId ZONE = ZoneId.of(GongkaiApplication.ZONE);

  private final JdbcClient jdbc;
  private final DocumentStore store;
  private final LetterRendering rendering;

  CaseArchive(JdbcClient jdbc, DocumentStore store, LetterRendering rendering) {
    this.jdbc = jdbc;
    this.store = store;
    this.rendering = rendering;
  }

  /** Writes the case's archive package; refused (400) if the case already has one. */
  @Transactional
  public ArchivePackage write(ArchiveInput input) {
    CaseRef ref = input.caseRef();
    if (ref == null) {
      throw new BadRequestException("caseRef", "缺少要归档的案件");
    }
    if (input.archivedBy() == null || input.archivedBy().isBlank()) {
      throw new BadRequestException("archivedBy", "缺少归档人");
    }
    try {
      ArchiveZip.JSON.readTree(input.registerJson() == null ? "" : input.registerJson());
      if (input.registerJson() == null || input.registerJson().isBlank()) {
        throw new IOException("empty");
      }
    } catch (IOException e) {
      throw new BadRequestException("registerJson", "登记记录不是有效的 JSON");
    }
    if (store.isArchived(ref.kind(), ref.id())) {
      throw alreadyArchived(ref);
    }
    // letters still waiting for their file are rendered first: the package holds every letter's content
    rendering.renderCase(ref.kind(), ref.id());
    OffsetDateTime now = OffsetDateTime.now(ZONE);
    List<ArchiveZip.Entry> files = new ArrayList<>();
    files.add(new ArchiveZip.Entry("register.json", input.registerJson().getBytes(StandardCharsets.UTF_8)));
    files.add(new ArchiveZip.Entry("history.json", ArchiveZip.json(input.history())));
    List<Map<String, Object>> index = new ArrayList<>();
    List<ArchiveZip.Entry> documentFiles = new ArrayList<>();
    int order = 0;
    for (StoredDocument document : store.documents(ref.kind(), ref.id())) {
      order++;
      index.add(documentEntry(document, order, documentFiles));
    }
    files.add(new ArchiveZip.Entry("documents.json", ArchiveZip.json(index)));
    files.addAll(documentFiles);
    Set<String> attachmentNames = new HashSet<>();
    for (Attachment attachment : input.attachments()) {
      files.add(new ArchiveZip.Entry("attachments/" + attachmentName(attachment, attachmentNames),
          attachment.content()));
    }
    // the released information keeps its own folders (originals/, redacted/): each path segment made safe
    Set<String> materialNames = new HashSet<>();
    for (Attachment entry : input.material()) {
      String path = java.util.Arrays.stream((entry.name() == null ? "" : entry.name()).split("/"))
          .filter(segment -> !segment.isBlank() && !segment.equals(".") && !segment.equals(".."))
          .map(segment -> attachmentName(new Attachment(segment, entry.content()), new HashSet<>()))
          .collect(java.util.stream.Collectors.joining("/"));
      if (path.isEmpty() || !materialNames.add(path)) {
        throw new BadRequestException("material", "拟公开文件的归档条目名称无效或重复：" + entry.name());
      }
      files.add(new ArchiveZip.Entry("material/" + path, entry.content()));
    }
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("caseKind", ref.kind());
    header.put("caseId", ref.id());
    header.put("caseNumber", ref.caseNumber());
    header.put("agencyCode", ref.agencyCode());
    header.put("archivedAt", now.toString());
    header.put("archivedBy", input.archivedBy());
    byte[] zip = ArchiveZip.write(files, header, now);
    String fileName = "归档_" + ref.caseNumber() + ".zip";
    String sha = Sha256.of(zip);
    KeyHolder keys = new GeneratedKeyHolder();
    try {
      jdbc.sql("INSERT INTO gk_archive_package (case_kind, case_id, case_number, file_name, size_bytes, sha256,"
              + " content, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
          .params(ref.kind(), ref.id(), ref.caseNumber(), fileName, zip.length, sha, zip, now, input.archivedBy())
          .update(keys, "id");
    } catch (DuplicateKeyException e) {
      throw alreadyArchived(ref);
    }
    return new ArchivePackage(keys.getKeyAs(Long.class), ref, fileName, zip.length, sha, now, input.archivedBy());
  }

  /** The case's package, if archived. */
  public Optional<ArchivePackage> find(CaseRef ref) {
    return jdbc.sql("SELECT id, file_name, size_bytes, sha256, created_at, created_by FROM gk_archive_package"
            + " WHERE case_kind = ? AND case_id = ?")
        .params(ref.kind(), ref.id())
        .query((rs, i) -> new ArchivePackage(rs.getLong("id"), ref, rs.getString("file_name"), rs.getLong("size_bytes"),
            rs.getString("sha256"), rs.getObject("created_at", OffsetDateTime.class), rs.getString("created_by")))
        .optional();
  }

  /** The package's bytes, or 404 if the case is not archived. */
  public byte[] content(CaseRef ref) {
    return jdbc.sql("SELECT content FROM gk_archive_package WHERE case_kind = ? AND case_id = ?")
        .params(ref.kind(), ref.id())
        .query((rs, i) -> rs.getBytes(1))
        .optional()
        .orElseThrow(() -> notArchived(ref));
  }

  /** Recomputes every checksum of a package against its manifest. */
  public VerificationResult verify(byte[] packageBytes) {
    return ArchiveZip.verify(packageBytes);
  }

  /** Verifies the stored package, and its whole-file checksum recorded when it was written. */
  public VerificationResult verifyStored(CaseRef ref) {
    ArchivePackage written = find(ref).orElseThrow(() -> notArchived(ref));
    byte[] content = content(ref);
    VerificationResult files = ArchiveZip.verify(content);
    String actual = Sha256.of(content);
    FileCheck whole = new FileCheck(written.fileName(), written.sha256(), actual, written.sha256().equals(actual));
    return new VerificationResult(files.valid() && whole.ok(), files.files(), files.problems(), whole);
  }

  private Map<String, Object> documentEntry(StoredDocument document, int order, List<ArchiveZip.Entry> into) {
    String base = String.format(Locale.ROOT, "%02d-%s", order, document.kind().name());
    List<Map<String, Object>> versions = new ArrayList<>();
    for (DocumentVersion version : store.versions(document.id())) {
      boolean latest = version.version() == document.version();
      String path = latest
          ? "documents/" + base + version.extension()
          : "documents/earlier/" + base + "-v" + version.version() + version.extension();
      into.add(new ArchiveZip.Entry(path, store.content(document.id(), version.version()).orElseThrow()));
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("version", version.version());
      line.put("file", path);
      line.put("originalName", version.fileName());
      line.put("contentType", version.contentType());
      line.put("sha256", version.sha256());
      line.put("createdAt", version.createdAt().toString());
      line.put("createdBy", version.createdBy());
      line.put("note", version.note());
      versions.add(line);
    }
    List<Map<String, Object>> deliveries = new ArrayList<>();
    for (Delivery delivery : store.deliveries(document.id())) {
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("method", delivery.method().name());
      line.put("methodName", delivery.method().label());
      line.put("deliveredOn", delivery.deliveredOn() == null ? null : delivery.deliveredOn().toString());
      line.put("postedOn", delivery.postedOn() == null ? null : delivery.postedOn().toString());
      line.put("replyDate", delivery.replyDate() == null ? null : delivery.replyDate().toString());
      line.put("recordedAt", delivery.recordedAt().toString());
      line.put("recordedBy", delivery.recordedBy());
      deliveries.add(line);
    }
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("id", document.id());
    entry.put("kind", document.kind().name());
    entry.put("title", document.kind().title());
    entry.put("number", document.number());
    entry.put("issuedOn", document.issuedOn().toString());
    entry.put("frozen", document.frozen());
    entry.put("latestVersion", document.version());
    entry.put("versions", versions);
    entry.put("deliveries", deliveries);
    return entry;
  }

  private static String attachmentName(Attachment attachment, Set<String> taken) {
    String name = attachment.name() == null ? "" : attachment.name().replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
    if (name.isBlank() || name.startsWith(".")) {
      name = "attachment" + name;
    }
    String unique = name;
    for (int i = 2; !taken.add(unique); i++) {
      unique = i + "-" + name;
    }
    if (attachment.content() == null) {
      throw new BadRequestException("attachments", "附件 " + name + " 没有内容");
    }
    return unique;
  }

  private static BadRequestException alreadyArchived(CaseRef ref) {
    return new BadRequestException("case", "案件 " + ref.caseNumber() + " 已归档，归档包不可改写");
  }

  private static NotFoundException notArchived(CaseRef ref) {
    return new NotFoundException("案件 " + ref.caseNumber() + " 尚未归档");
  }
}

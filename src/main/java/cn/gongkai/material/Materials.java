package cn.gongkai.material;

import cn.gongkai.material.internal.MaterialFiles;
import cn.gongkai.material.internal.MaterialStore;
import cn.gongkai.material.internal.MaterialStore.CaseRow;
import cn.gongkai.material.internal.MaterialStore.MarkRow;
import cn.gongkai.material.internal.MaterialStore.MaterialRow;
import cn.gongkai.material.internal.PdfRedactor;
import cn.gongkai.material.internal.PersonalDataDetector;
import cn.gongkai.material.internal.Sha256;
import cn.gongkai.web.BadRequestException;
import cn.gongkai.web.ConflictException;
import cn.gongkai.web.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The files a case releases, their redaction (区分处理, 条例第三十七条) and its review. */
@Service
public class Materials {

  /** Most marks one request may make (text marks count each occurrence). */
  static final int MAX_MARKS = 2000;

  private final MaterialStore store;
  private final MaterialFiles files;
  private final PdfRedactor redactor;
  private final PersonalDataDetector detector;

  Materials(MaterialStore store, MaterialFiles files, PdfRedactor redactor, PersonalDataDetector detector) {
    this.store = store;
    this.files = files;
    this.redactor = redactor;
    this.detector = detector;
  }

  /** Attaches a file (PDF, .docx or PNG/JPEG by content) to the case; 400 on a bad type or size, 404 on no case. */
  @Transactional
  public MaterialView attach(String caseNumber, String fileName, byte[] content, String user) {
    CaseRow ref = caseRow(caseNumber);
    if ("CLOSED".equals(ref.status())) {
      throw new ConflictException("案件已办结，不能再添加材料：" + caseNumber);
    }
    if (content == null || content.length == 0) {
      throw new BadRequestException("file", "上传的文件是空的");
    }
    MaterialKind kind = files.kind(content);
    byte[] pdf = files.toPdf(kind, content);
    int pages = files.pages(pdf);
    String name = fileName == null || fileName.isBlank() ? defaultName(kind, content) : fileName.strip();
    OffsetDateTime now = now();
    long id = store.insertMaterial(ref, kind.name(), now, user);
    store.insertVersion(id, 1, name, MaterialFiles.contentType(kind, content), content, pdf, pages, now, user);
    return get(id);
  }

  /** The case's materials in the order attached; 404 when there is no such case. */
  public List<MaterialView> list(String caseNumber) {
    CaseRow ref = caseRow(caseNumber);
    return store.ofCase(ref.kind(), ref.id()).stream().map(Materials::view).toList();
  }

  /** One material; 404 when it does not exist. */
  public MaterialView get(long id) {
    return view(row(id));
  }

  /** The file as uploaded (latest version): for staff only, it never reaches the applicant. */
  public byte[] original(long id) {
    MaterialRow row = row(id);
    return store.original(id, row.version());
  }

  /** The PDF the marks apply to (the file itself or its conversion): for staff only. */
  public byte[] originalPdf(long id) {
    MaterialRow row = row(id);
    return store.pdf(id, row.version());
  }

  /** The copy that may be released: the latest redacted PDF, or the cleaned PDF when nothing is marked yet. */
  @Transactional
  public byte[] redacted(long id) {
    return store.redacted(id).orElseGet(() -> {
      MaterialRow row = store.lock(id).orElseThrow(() -> notFound(id));
      return store.redacted(id).orElseGet(() -> render(row, List.of(), row.createdBy()));
    });
  }

  /** Personal data the detector proposes to mark, with page and box. */
  public List<Suggestion> suggestions(long id) {
    return detector.suggestions(originalPdf(id));
  }

  /**
   * Replaces the marks not yet approved by these and renders the redacted copy again; a text mark becomes one mark
   * per occurrence. 400 on a bad page, box, code or a text that does not occur.
   */
  @Transactional
  public List<Mark> redact(long id, List<MarkRequest> marks, String user) {
    MaterialRow row = store.lock(id).orElseThrow(() -> notFound(id));
    if ("CLOSED".equals(caseRow(row.caseNumber(), row.agencyCode()).status())) {
      throw new ConflictException("案件已办结，不能再修改区分处理：" + row.caseNumber());
    }
    if (marks == null) {
      throw new BadRequestException("marks", "缺少区分处理的标注");
    }
    byte[] pdf = store.pdf(id, row.version());
    List<Box> pageSizes = redactor.pageSizes(pdf);
    List<Placed> placed = new ArrayList<>();
    for (int i = 0; i < marks.size(); i++) {
      placed.addAll(place(marks.get(i), i, pdf, pageSizes));
    }
    if (placed.size() > MAX_MARKS) {
      throw new BadRequestException("marks", "标注过多，一次不能超过" + MAX_MARKS + "处");
    }
    OffsetDateTime now = now();
    store.replaceOpenMarks(id, now, user);
    for (Placed p : placed) {
      store.insertMark(id, row.version(), p.box().page(), p.box().x(), p.box().y(), p.box().w(), p.box().h(),
          p.text(), p.code().name(), now, user);
    }
    render(row, store.marks(id), user);
    return marks(id);
  }

  /** The current marks of a material (replaced ones are only in the archive's log). */
  public List<Mark> marks(long id) {
    row(id);
    return store.marks(id).stream().map(Materials::mark).toList();
  }

  /** Approves marks or returns them with a reason; 400 for a mark of another material or a return without reason. */
  @Transactional
  public void review(long id, List<MarkReview> reviews, String reviewer) {
    store.lock(id).orElseThrow(() -> notFound(id));
    if (reviews == null || reviews.isEmpty()) {
      throw new BadRequestException("reviews", "缺少审查意见");
    }
    Map<Long, MarkRow> current = new LinkedHashMap<>();
    store.marks(id).forEach(m -> current.put(m.id(), m));
    for (int i = 0; i < reviews.size(); i++) {
      MarkReview review = reviews.get(i);
      String field = "reviews[" + i + "]";
      if (review == null) {
        throw new BadRequestException(field, "缺少审查意见");
      }
      if (!current.containsKey(review.markId())) {
        throw new BadRequestException(field + ".markId", "该材料没有这一标注：" + review.markId());
      }
      if (!review.approved() && (review.reason() == null || review.reason().isBlank())) {
        throw new BadRequestException(field + ".reason", "退回标注须说明理由");
      }
      if (review.reason() != null && review.reason().length() > 1000) {
        throw new BadRequestException(field + ".reason", "理由不能超过1000个字");
      }
    }
    OffsetDateTime now = now();
    for (MarkReview review : reviews) {
      store.review(review.markId(), review.approved() ? MarkState.APPROVED : MarkState.RETURNED,
          review.approved() ? null : review.reason().strip(), now, reviewer);
    }
  }

  /** What goes out with the reply: every material of the case as its redacted copy. */
  public Release release(String caseNumber) {
    CaseRow ref = caseRow(caseNumber);
    List<MaterialView> materials = new ArrayList<>();
    int pages = 0;
    boolean approved = true;
    Set<String> codes = new LinkedHashSet<>();
    for (MaterialRow row : store.ofCase(ref.kind(), ref.id())) {
      if (row.redactedSha256() == null) {
        redacted(row.id());
        row = row(row.id());
      }
      MaterialView view = view(row);
      materials.add(view);
      pages += view.redactedPages();
      for (MarkRow mark : store.marks(row.id())) {
        approved &= mark.state() == MarkState.APPROVED;
        codes.add(mark.exemptionCode());
      }
    }
    return new Release(ref.caseNumber(), List.copyOf(materials), pages, approved, List.copyOf(codes));
  }

  /** The archive's part: originals/, redacted/, redaction-log.json (every mark, replaced ones too) and checksums. */
  public List<Map.Entry<String, byte[]>> archiveEntries(String caseNumber) {
    CaseRow ref = caseRow(caseNumber);
    List<Map.Entry<String, byte[]>> entries = new ArrayList<>();
    StringBuilder log = new StringBuilder("[");
    for (MaterialRow row : store.ofCase(ref.kind(), ref.id())) {
      String base = row.id() + "-" + safe(row.fileName());
      entries.add(Map.entry("originals/" + base, store.original(row.id(), row.version())));
      entries.add(Map.entry("redacted/" + base.replaceAll("\\.[A-Za-z0-9]{1,5}$", "") + ".pdf", redacted(row.id())));
      for (MarkRow m : store.allMarks(row.id())) {
        log.append(log.length() > 1 ? ",\n" : "\n").append(logEntry(row, m));
      }
    }
    entries.add(Map.entry("redaction-log.json", log.append("\n]\n").toString().getBytes(StandardCharsets.UTF_8)));
    StringBuilder sums = new StringBuilder();
    for (Map.Entry<String, byte[]> e : entries) {
      sums.append(Sha256.of(e.getValue())).append("  ").append(e.getKey()).append('\n');
    }
    entries.add(Map.entry("checksums.sha256", sums.toString().getBytes(StandardCharsets.UTF_8)));
    return List.copyOf(entries);
  }

  /** The agency the case belongs to (for the controller's 404 on another agency's case). */
  String agencyOfCase(String caseNumber) {
    return caseRow(caseNumber).agencyCode();
  }

  /** The agency the material's case belongs to. */
  String agencyOfMaterial(long id) {
    return row(id).agencyCode();
  }

  /** A PNG of page {@code page} of the original's PDF or of the redacted copy. */
  byte[] pagePng(long id, int page, boolean redactedCopy) {
    byte[] pdf = redactedCopy ? redacted(id) : originalPdf(id);
    int pages = redactedCopy ? get(id).redactedPages() : get(id).pages();
    if (page < 1 || page > pages) {
      throw new BadRequestException("n", "页码须在1到" + pages + "之间");
    }
    return redactor.png(pdf, page);
  }

  private record Placed(Box box, String text, ExemptionCode code) {}

  private List<Placed> place(MarkRequest request, int index, byte[] pdf, List<Box> pageSizes) {
    String field = "marks[" + index + "]";
    if (request == null) {
      throw new BadRequestException(field, "缺少标注");
    }
    ExemptionCode code = ExemptionCode.of(request.exemptionCode()).orElseThrow(() -> new BadRequestException(
        field + ".exemptionCode", "不公开理由代码无效，应为 STATE_SECRET、LAW_PROHIBITS、SECURITY_STABILITY、THIRD_PARTY、"
            + "INTERNAL_AFFAIRS、PROCESS_INFO、ENFORCEMENT_FILE 或 ADMIN_QUERY"));
    boolean hasText = request.text() != null && !request.text().isBlank();
    boolean hasBox = request.box() != null || request.page() != null;
    if (hasText == hasBox) {
      throw new BadRequestException(field, "标注须给出页码和区域（page、box），或给出文字（text），二者选一");
    }
    if (hasText) {
      String text = request.text().strip();
      if (text.length() > 1000) {
        throw new BadRequestException(field + ".text", "标注文字不能超过1000个字");
      }
      List<Box> found = redactor.find(pdf, text);
      if (found.isEmpty()) {
        throw new BadRequestException(field + ".text", "材料中找不到这段文字：" + text);
      }
      return found.stream().map(b -> new Placed(b, text, code)).toList();
    }
    if (request.page() == null || request.page() < 1 || request.page() > pageSizes.size()) {
      throw new BadRequestException(field + ".page", "页码须在1到" + pageSizes.size() + "之间");
    }
    float[] b = request.box();
    if (b == null || b.length != 4) {
      throw new BadRequestException(field + ".box", "区域须为 [x, y, 宽, 高] 四个数（PDF 点）");
    }
    Box page = pageSizes.get(request.page() - 1);
    for (float v : b) {
      if (!Float.isFinite(v)) {
        throw new BadRequestException(field + ".box", "区域的数值无效");
      }
    }
    if (b[2] <= 0 || b[3] <= 0) {
      throw new BadRequestException(field + ".box", "区域的宽和高须大于0");
    }
    Box box = new Box(request.page(), b[0], b[1], b[2], b[3]);
    if (!box.intersects(page)) {
      throw new BadRequestException(field + ".box", "区域不在该页范围内");
    }
    return List.of(new Placed(box, null, code));
  }

  private byte[] render(MaterialRow row, List<MarkRow> marks, String user) {
    List<PdfRedactor.Area> areas = marks.stream()
        .map(m -> new PdfRedactor.Area(new Box(m.page(), m.x(), m.y(), m.w(), m.h()),
            ExemptionCode.of(m.exemptionCode()).map(ExemptionCode::label).orElse(m.exemptionCode())))
        .toList();
    byte[] redacted = redactor.redact(store.pdf(row.id(), row.version()), areas);
    store.insertRedacted(row.id(), row.version(), marks.size(), redacted, files.pages(redacted), now(), user);
    return redacted;
  }

  private CaseRow caseRow(String caseNumber) {
    List<CaseRow> found = caseNumber == null ? List.of() : store.cases(caseNumber);
    if (found.size() > 1) {
      throw new BadRequestException("caseNumber", "多个机关使用了同一案件编号，无法确定是哪一件：" + caseNumber);
    }
    return found.stream().findFirst().orElseThrow(() -> new NotFoundException("案件不存在：" + caseNumber));
  }

  private CaseRow caseRow(String caseNumber, String agencyCode) {
    return store.cases(caseNumber).stream().filter(c -> c.agencyCode().equals(agencyCode)).findFirst()
        .orElseThrow(() -> new NotFoundException("案件不存在：" + caseNumber));
  }

  private MaterialRow row(long id) {
    return store.find(id).orElseThrow(() -> notFound(id));
  }

  private static NotFoundException notFound(long id) {
    return new NotFoundException("材料不存在：" + id);
  }

  private static MaterialView view(MaterialRow r) {
    return new MaterialView(r.id(), r.caseNumber(), r.fileName(), MaterialKind.valueOf(r.kind()), r.version(),
        r.sha256(), r.size(), r.pages(), r.createdBy(), r.createdAt().toInstant(),
        r.markCount() != null && r.markCount() > 0, r.redactedSha256(),
        r.redactedPages() == null ? 0 : r.redactedPages());
  }

  private static Mark mark(MarkRow m) {
    return new Mark(m.id(), m.materialId(), m.page(), new float[] {m.x(), m.y(), m.w(), m.h()}, m.text(),
        m.exemptionCode(), ExemptionCode.of(m.exemptionCode()).map(ExemptionCode::label).orElse(m.exemptionCode()),
        m.markedBy(), m.markedAt().toInstant(), m.state(), m.returnReason(), m.reviewedBy(),
        m.reviewedAt() == null ? null : m.reviewedAt().toInstant());
  }

  private static String logEntry(MaterialRow row, MarkRow m) {
    return "  {\"materialId\": " + row.id() + ", \"fileName\": " + json(row.fileName()) + ", \"markId\": " + m.id()
        + ", \"page\": " + m.page() + ", \"box\": [" + m.x() + ", " + m.y() + ", " + m.w() + ", " + m.h() + "]"
        + ", \"text\": " + json(m.text()) + ", \"exemptionCode\": " + json(m.exemptionCode())
        + ", \"markedBy\": " + json(m.markedBy()) + ", \"markedAt\": " + json(String.valueOf(m.markedAt()))
        + ", \"state\": " + json(m.state().name()) + ", \"returnReason\": " + json(m.returnReason())
        + ", \"reviewedBy\": " + json(m.reviewedBy())
        + ", \"reviewedAt\": " + json(m.reviewedAt() == null ? null : m.reviewedAt().toString()) + "}";
  }

  private static String json(String s) {
    if (s == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  private static String safe(String fileName) {
    return fileName.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
  }

  private static String defaultName(MaterialKind kind, byte[] content) {
    return switch (kind) {
      case PDF -> "材料.pdf";
      case DOCX -> "材料.docx";
      case IMAGE -> content[0] == (byte) 0x89 ? "材料.png" : "材料.jpg";
    };
  }

  private static OffsetDateTime now() {
    return OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC);
  }
}

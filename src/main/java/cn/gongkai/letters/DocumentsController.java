package cn.gongkai.letters;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import static cn.gongkai.security.Roles.ADMIN;
import static cn.gongkai.security.Roles.HANDLER;
import static cn.gongkai.security.Roles.INTAKE;
import static cn.gongkai.security.Roles.LEADER;
import static cn.gongkai.security.Roles.LEGAL;
import static cn.gongkai.security.Roles.OFFICE;
import static cn.gongkai.security.Roles.REVIEWER;
import static cn.gongkai.security.Roles.SUPERVISOR;
import static cn.gongkai.security.Roles.SYSADMIN;

import cn.gongkai.security.CurrentUser;
import cn.gongkai.web.BadRequestException;
import cn.gongkai.web.ErrorResponses;
import cn.gongkai.web.NotFoundException;
import cn.gongkai.web.Uploads;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** A case's letters and notices, their versions and deliveries, and its archive package. */
@Tag(name = "文书与归档", description = "案件的答复书、告知书及其版本、送达记录和归档包")
@RestController
@RequestMapping("/api")
class DocumentsController {

  /** Staff who may read a case's documents. */
  private static final String[] READERS = {INTAKE, HANDLER, REVIEWER, LEGAL, LEADER, SUPERVISOR, ADMIN};
  /** Staff who may add a corrected version or record a delivery. */
  private static final String[] EDITORS = {INTAKE, HANDLER, REVIEWER, LEGAL, LEADER, ADMIN};

  private final Letters letters;
  private final CaseArchive archive;
  private final CaseLookup cases;
  private final LetterTemplates templates;
  private final LetterPdf pdf;

  DocumentsController(
      Letters letters, CaseArchive archive, CaseLookup cases, LetterTemplates templates, LetterPdf pdf) {
    this.letters = letters;
    this.archive = archive;
    this.cases = cases;
    this.templates = templates;
    this.pdf = pdf;
  }

  @Operation(summary = "列出案件的文书", description = "案件的全部文书，含每个版本和送达记录。")
  @GetMapping("/cases/{caseNumber}/documents")
  List<DocumentView> caseDocuments(@PathVariable String caseNumber, HttpServletRequest request) {
    CurrentUser.requireAnyRole(request, READERS);
    return letters.documents(caseRef(caseNumber, request)).stream().map(d -> view(d, request)).toList();
  }

  @Operation(summary = "查看文书", description = "一件文书及其版本和送达记录。")
  @GetMapping("/documents/{id}")
  DocumentView document(@PathVariable long id, HttpServletRequest request) {
    CurrentUser.requireAnyRole(request, READERS);
    return view(visibleDocument(id, request), request);
  }

  @Operation(summary = "下载文书（.docx）", description = "文书某一版本的 Word 文件；缺省为最新版本。")
  @GetMapping("/documents/{id}/content")
  ResponseEntity<byte[]> content(
      @PathVariable long id, @RequestParam(required = false) Integer version, HttpServletRequest request) {
    CurrentUser.requireAnyRole(request, READERS);
    visibleDocument(id, request);
    DocumentContent content = letters.content(id, version);
    String fallback = "document-" + id + (version == null ? "" : "-v" + version)
        + (DocumentContent.PDF.equals(content.contentType()) ? ".pdf" : ".docx");
    return download(content.content(), content.contentType(), content.fileName(), fallback);
  }

  /** The letter as PDF, when LibreOffice and a Chinese font are installed on the server (501 otherwise). */
  @Operation(summary = "下载文书（PDF）", description = "由 LibreOffice 转换的 PDF；服务器未安装 LibreOffice 或中文字体时应答 501。")
  @GetMapping("/documents/{id}/pdf")
  ResponseEntity<?> pdf(
      @PathVariable long id, @RequestParam(required = false) Integer version, HttpServletRequest request) {
    CurrentUser.requireAnyRole(request, READERS);
    visibleDocument(id, request);
    DocumentContent content = letters.content(id, version);
    String name = content.fileName().replaceAll("\\.(docx|pdf)$", "") + ".pdf";
    String fallback = "document-" + id + (version == null ? "" : "-v" + version) + ".pdf";
    if (DocumentContent.PDF.equals(content.contentType())) {
      return download(content.content(), DocumentContent.PDF, name, fallback);
    }
    if (!pdf.available()) {
      return ErrorResponses.answer(request, HttpStatus.NOT_IMPLEMENTED,
          "服务器未安装 LibreOffice 或中文字体，无法生成 PDF，请下载 Word 文档", List.of());
    }
    return download(pdf.convert(content.content()), DocumentContent.PDF, name, fallback);
  }

  @Operation(summary = "上传文书的修改版本", description = "multipart 字段 file 上传修改后的 .docx，保存为新版本；已冻结（已送达）的文书应答 409。")
  @PostMapping("/documents/{id}/versions")
  ResponseEntity<DocumentView> upload(
      @PathVariable long id,
      @RequestParam(name = "file", required = false) MultipartFile file,
      HttpServletRequest request) {
    String user = CurrentUser.requireAnyRole(request, EDITORS);
    visibleDocument(id, request);
    byte[] content = Uploads.content(file);
    StoredDocument stored = letters.addVersion(id, Uploads.fileName(file), content, user);
    return ResponseEntity.status(HttpStatus.CREATED).body(view(stored, request));
  }

  /** A closed case's letters are the record: a new version conflicts with it. */
  @org.springframework.web.bind.annotation.ExceptionHandler(CaseClosedException.class)
  ResponseEntity<?> closed(CaseClosedException e, HttpServletRequest request) {
    return ErrorResponses.answer(request, HttpStatus.CONFLICT, e.problems().get(0).message(), e.problems());
  }

  @Operation(summary = "登记送达", description = "登记文书的送达方式、送达日期（及邮寄日期）；成功返回 201。")
  @PostMapping("/documents/{id}/deliveries")
  ResponseEntity<Delivery> recordDelivery(
      @PathVariable long id, @RequestBody DeliveryRequest body, HttpServletRequest request) {
    String user = CurrentUser.requireAnyRole(request, EDITORS);
    visibleDocument(id, request);
    if (body == null) {
      throw new BadRequestException("body", "缺少送达信息");
    }
    Delivery delivery = letters.recordDelivery(id, body.method(), body.deliveredOn(), body.postedOn(), user);
    return ResponseEntity.status(HttpStatus.CREATED).body(delivery);
  }

  @Operation(summary = "下载归档包", description = "已办结案件的归档包（zip）。")
  @GetMapping("/cases/{caseNumber}/archive")
  ResponseEntity<byte[]> archive(@PathVariable String caseNumber, HttpServletRequest request) {
    CurrentUser.requireAnyRole(request, READERS);
    CaseRef ref = caseRef(caseNumber, request);
    ArchivePackage written = archive.find(ref).orElseThrow(() -> new NotFoundException("案件 " + caseNumber + " 尚未归档"));
    return download(archive.content(ref), "application/zip", written.fileName(), "archive-" + ref.id() + ".zip");
  }

  @Operation(summary = "校验归档包", description = "核对已保存归档包的 SHA-256 摘要，检查是否被改动。")
  @GetMapping("/cases/{caseNumber}/archive/verification")
  VerificationResult verify(@PathVariable String caseNumber, HttpServletRequest request) {
    CurrentUser.requireAnyRole(request, READERS);
    return archive.verifyStored(caseRef(caseNumber, request));
  }

  @Operation(summary = "列出文书模板", description = "每种文书使用的模板（内置或本机关覆盖的）及其状态。")
  @GetMapping("/letters/templates")
  List<LetterTemplates.TemplateStatus> templates(HttpServletRequest request) {
    CurrentUser.requireAnyRole(request, ADMIN, SYSADMIN, OFFICE);
    return templates.status();
  }

  /** Checks an edited template before an office puts it in the template folder. */
  @Operation(summary = "检查文书模板", description = "上传编辑过的 .docx 模板，返回其中的问题（未知标签、缺少的字段）。")
  @PostMapping("/letters/templates/{kind}/validation")
  List<TemplateProblem> validateTemplate(
      @PathVariable LetterKind kind, @RequestParam(name = "file", required = false) MultipartFile file,
      HttpServletRequest request) {
    CurrentUser.requireAnyRole(request, ADMIN, SYSADMIN, OFFICE);
    byte[] content = Uploads.content(file);
    String name = Uploads.fileName(file) == null ? kind.templateFile() : Uploads.fileName(file);
    return templates.validate(kind, name, content);
  }

  /** The case, or 404 when it does not exist or belongs to an agency the caller is not of. */
  private CaseRef caseRef(String caseNumber, HttpServletRequest request) {
    CaseRef ref = cases.find(caseNumber).orElseThrow(() -> new NotFoundException("案件不存在：" + caseNumber));
    CurrentUser.requireAgency(request, ref.agencyCode(), "案件不存在：" + caseNumber);
    return ref;
  }

  /** The document, or 404 as if it did not exist when its case belongs to another agency. */
  private StoredDocument visibleDocument(long id, HttpServletRequest request) {
    StoredDocument document = letters.get(id);
    CurrentUser.requireAgency(request, document.caseRef().agencyCode(), "文书不存在：" + id);
    return document;
  }

  private DocumentView view(StoredDocument document, HttpServletRequest request) {
    String base = request.getContextPath() + "/api/documents/" + document.id() + "/content";
    List<VersionView> versions = letters.versions(document.id()).stream()
        .map(v -> new VersionView(v.version(), v.fileName(), v.contentType(), v.size(), v.sha256(), v.createdAt(),
            v.createdBy(), v.note(), base + "?version=" + v.version()))
        .toList();
    String pdfUrl = pdf.available() ? request.getContextPath() + "/api/documents/" + document.id() + "/pdf" : null;
    return new DocumentView(document.id(), document.kind(), document.kind().title(), document.number(),
        document.version(), document.issuedOn(), document.createdAt(), document.createdBy(), document.frozen(), base,
        pdfUrl, versions, letters.deliveries(document.id()));
  }

  static ResponseEntity<byte[]> download(byte[] content, String contentType, String fileName, String asciiFallback) {
    String disposition = "attachment; filename=\"" + asciiFallback + "\"; filename*=UTF-8''" + rfc5987(fileName);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(contentType))
        .header(HttpHeaders.CONTENT_DISPOSITION, disposition)
        .contentLength(content.length)
        .body(content);
  }

  /** Percent-encodes a file name as an RFC 5987 ext-value (UTF-8, attr-chars kept). */
  static String rfc5987(String value) {
    StringBuilder out = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      boolean attrChar = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || "!#$&+-.^_`|~".indexOf(c) >= 0;
      if (attrChar) {
        out.append(c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
            .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
      }
    }
    return out.toString();
  }

  /** A delivery to record. */
  @Schema(description = "一次送达")
  record DeliveryRequest(
      @Schema(description = "送达方式") DeliveryMethod method,
      @Schema(description = "送达日期（事实发生之日，北京时间，不晚于今天）", example = "2026-11-25") LocalDate deliveredOn,
      @Schema(description = "交邮日期（邮寄送达时）", example = "2026-11-24") LocalDate postedOn) {}

  /** A document in a listing, with every version and delivery; {@code pdfUrl} only when PDF output is available. */
  record DocumentView(
      long id,
      LetterKind kind,
      String title,
      String number,
      int version,
      LocalDate issuedOn,
      OffsetDateTime createdAt,
      String createdBy,
      boolean frozen,
      String downloadUrl,
      String pdfUrl,
      List<VersionView> versions,
      List<Delivery> deliveries) {}

  /** One version of a document in a listing. */
  record VersionView(
      int version,
      String fileName,
      String contentType,
      long size,
      String sha256,
      OffsetDateTime createdAt,
      String createdBy,
      String note,
      String downloadUrl) {}
}

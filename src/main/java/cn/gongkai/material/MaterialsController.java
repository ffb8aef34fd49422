package cn.gongkai.material;

import static cn.gongkai.security.Roles.ADMIN;
import static cn.gongkai.security.Roles.HANDLER;
import static cn.gongkai.security.Roles.INTAKE;
import static cn.gongkai.security.Roles.LEADER;
import static cn.gongkai.security.Roles.LEGAL;
import static cn.gongkai.security.Roles.REVIEWER;
import static cn.gongkai.security.Roles.SUPERVISOR;

import cn.gongkai.security.CurrentUser;
import cn.gongkai.web.BadRequestException;
import cn.gongkai.web.Uploads;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
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

/** The files a case releases: attach, suggestions, redaction (区分处理) and its review. */
@Tag(name = "公开材料与区分处理", description = "案件拟公开的材料、个人信息提示、区分处理标注及保密审查")
@RestController
@RequestMapping("/api")
class MaterialsController {

  /** Staff who may list a case's materials and read the redacted copies. */
  private static final String[] READERS = {INTAKE, HANDLER, REVIEWER, LEGAL, LEADER, SUPERVISOR, ADMIN};
  /** Staff who may see the originals, with what the redaction removes. */
  private static final String[] ORIGINAL_READERS = {HANDLER, REVIEWER, LEGAL, LEADER, ADMIN};
  /** Secrecy review (保密审查) and legal review (法制审核). */
  private static final String[] REVIEWERS = {REVIEWER, LEGAL};

  private final Materials materials;

  MaterialsController(Materials materials) {
    this.materials = materials;
  }

  @Operation(summary = "上传拟公开的材料", description = "multipart 字段 file 上传 PDF、Word（.docx）或 PNG/JPEG 图片（按内容识别，"
      + "不超过10MB）；Word 文档由 LibreOffice 转为 PDF，图片置于一页 PDF 中。案件所属机关的承办人可用；成功返回 201。")
  @PostMapping("/cases/{caseNumber}/materials")
  ResponseEntity<MaterialView> attach(
      @PathVariable String caseNumber,
      @RequestParam(name = "file", required = false) MultipartFile file,
      HttpServletRequest request) {
    String user = CurrentUser.requireAnyRole(request, HANDLER);
    requireCase(caseNumber, request);
    byte[] content = Uploads.content(file);
    MaterialView view = materials.attach(caseNumber, Uploads.fileName(file), content, user);
    return ResponseEntity.status(HttpStatus.CREATED).body(view);
  }

  @Operation(summary = "列出案件的材料", description = "案件拟公开的全部材料，含校验和、页数及区分处理后的副本信息。")
  @GetMapping("/cases/{caseNumber}/materials")
  List<MaterialView> list(@PathVariable String caseNumber, HttpServletRequest request) {
    CurrentUser.requireAnyRole(request, READERS);
    requireCase(caseNumber, request);
    return materials.list(caseNumber);
  }

  @Operation(summary = "查看材料", description = "一件材料的信息。")
  @GetMapping("/materials/{id}")
  MaterialView material(@PathVariable long id, HttpServletRequest request) {
    CurrentUser.requireAnyRole(request, READERS);
    requireMaterial(id, request);
    return materials.get(id);
  }

  @Operation(summary = "个人信息提示", description = "检测材料中的身份证号码、手机和固定电话号码、银行卡号、电子邮箱和姓名，"
      + "给出页码和区域（PDF 点，原点在左下角），供承办人采纳或忽略。")
  @GetMapping("/materials/{id}/suggestions")
  List<Suggestion> suggestions(@PathVariable long id, HttpServletRequest request) {
    CurrentUser.requireAnyRole(request, HANDLER, REVIEWER, LEGAL);
    requireMaterial(id, request);
    return materials.suggestions(id);
  }

  @Operation(summary = "区分处理标注", description = "JSON 数组，每项为 {page, box:[x, y, 宽, 高], exemptionCode} 或 "
      + "{text, exemptionCode}（文字的每处出现各成一个标注）；取代尚未审查通过的标注，并重新生成区分处理后的副本。成功返回 201。")
  @PostMapping("/materials/{id}/redactions")
  ResponseEntity<List<Mark>> redact(
      @PathVariable long id, @RequestBody(required = false) List<MarkBody> body, HttpServletRequest request) {
    String user = CurrentUser.requireAnyRole(request, HANDLER);
    requireMaterial(id, request);
    if (body == null) {
      throw new BadRequestException("marks", "缺少区分处理的标注");
    }
    List<MarkRequest> marks = body.stream()
        .map(b -> b == null ? null : new MarkRequest(b.page(), b.box(), b.text(), b.exemptionCode())).toList();
    return ResponseEntity.status(HttpStatus.CREATED).body(materials.redact(id, marks, user));
  }

  @Operation(summary = "列出标注", description = "材料当前的区分处理标注、不公开理由及审查状态。")
  @GetMapping("/materials/{id}/marks")
  List<Mark> marks(@PathVariable long id, HttpServletRequest request) {
    CurrentUser.requireAnyRole(request, ORIGINAL_READERS);
    requireMaterial(id, request);
    return materials.marks(id);
  }

  @Operation(summary = "审查标注", description = "保密审查或法制审核：JSON 数组，每项为 {markId, approved, reason}；退回须说明理由。")
  @PostMapping("/materials/{id}/reviews")
  List<Mark> review(
      @PathVariable long id, @RequestBody(required = false) List<ReviewBody> body, HttpServletRequest request) {
    String user = CurrentUser.requireAnyRole(request, REVIEWERS);
    requireMaterial(id, request);
    if (body == null) {
      throw new BadRequestException("reviews", "缺少审查意见");
    }
    List<MarkReview> reviews = body.stream().map(b -> b == null || b.markId() == null ? null
        : new MarkReview(b.markId(), Boolean.TRUE.equals(b.approved()), b.reason())).toList();
    materials.review(id, reviews, user);
    return materials.marks(id);
  }

  @Operation(summary = "下载区分处理后的副本", description = "可以向申请人提供的 PDF：标注处的文字和图像已删除，"
      + "并去除了元数据、隐藏图层、表单、附件和脚本。")
  @GetMapping("/materials/{id}/redacted")
  ResponseEntity<byte[]> redacted(@PathVariable long id, HttpServletRequest request) {
    CurrentUser.requireAnyRole(request, READERS);
    requireMaterial(id, request);
    MaterialView view = materials.get(id);
    byte[] pdf = materials.redacted(id);
    String name = view.fileName().replaceAll("\\.[A-Za-z0-9]{1,5}$", "") + "（区分处理）.pdf";
    return download(pdf, "application/pdf", name, "material-" + id + "-redacted.pdf");
  }

  @Operation(summary = "下载原件", description = "上传的原始文件，仅供机关工作人员审查，不得提供给申请人。")
  @GetMapping("/materials/{id}/original")
  ResponseEntity<byte[]> original(@PathVariable long id, HttpServletRequest request) {
    CurrentUser.requireAnyRole(request, ORIGINAL_READERS);
    requireMaterial(id, request);
    MaterialView view = materials.get(id);
    String type = switch (view.kind()) {
      case PDF -> "application/pdf";
      case DOCX -> "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
      case IMAGE -> view.fileName().toLowerCase().endsWith(".png") ? "image/png" : "image/jpeg";
    };
    byte[] content = materials.original(id);
    if (view.kind() == MaterialKind.IMAGE) {
      type = content[0] == (byte) 0x89 ? "image/png" : "image/jpeg";
    }
    return download(content, type, view.fileName(), "material-" + id + "-original");
  }

  @Operation(summary = "页面图像", description = "材料（缺省为原件的 PDF，redacted=true 时为区分处理后的副本）第 n 页的 PNG 图像，"
      + "供标注和审查页面显示。")
  @GetMapping(value = "/materials/{id}/pages/{n}.png")
  ResponseEntity<byte[]> page(@PathVariable long id,
      @Parameter(description = "页码，从 1 开始") @PathVariable String n,
      @Parameter(description = "为 true 时显示区分处理后的副本；缺省为原件")
      @RequestParam(required = false, defaultValue = "false") boolean redacted, HttpServletRequest request) {
    CurrentUser.requireAnyRole(request, redacted ? READERS : ORIGINAL_READERS);
    requireMaterial(id, request);
    int page;
    try {
      page = Integer.parseInt(n);
    } catch (NumberFormatException e) {
      throw new BadRequestException("n", "页码须为数字");
    }
    byte[] png = materials.pagePng(id, page, redacted);
    return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).contentLength(png.length).body(png);
  }

  private void requireCase(String caseNumber, HttpServletRequest request) {
    CurrentUser.requireAgency(request, materials.agencyOfCase(caseNumber), "案件不存在：" + caseNumber);
  }

  private void requireMaterial(long id, HttpServletRequest request) {
    CurrentUser.requireAgency(request, materials.agencyOfMaterial(id), "材料不存在：" + id);
  }

  private static ResponseEntity<byte[]> download(byte[] content, String type, String fileName, String fallback) {
    String disposition = "attachment; filename=\"" + fallback + "\"; filename*=UTF-8''" + rfc5987(fileName);
    return ResponseEntity.ok().contentType(MediaType.parseMediaType(type))
        .header(HttpHeaders.CONTENT_DISPOSITION, disposition).contentLength(content.length).body(content);
  }

  private static String rfc5987(String value) {
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

  /** A mark to make: page and box, or a text. */
  @Schema(description = "一处标注：page 与 box，或 text")
  record MarkBody(
      @Schema(description = "页码，从 1 开始") Integer page,
      @Schema(description = "区域 [x, y, 宽, 高]，PDF 点，原点在左下角") float[] box,
      @Schema(description = "要删除的文字（每处出现各成一个标注）") String text,
      @Schema(description = "不公开理由代码，如 THIRD_PARTY") String exemptionCode) {}

  /** A reviewer's decision on one mark. */
  @Schema(description = "对一处标注的审查意见")
  record ReviewBody(
      @Schema(description = "标注编号") Long markId,
      @Schema(description = "是否同意") Boolean approved,
      @Schema(description = "退回理由（退回时必填）") String reason) {}
}

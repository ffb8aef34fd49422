package cn.gongkai.portal;

import cn.gongkai.letters.DocumentContent;
import cn.gongkai.web.BadRequestException;
import cn.gongkai.web.ErrorResponses;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.altcha.altcha.Altcha;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public API of the applicant portal (no login): submit a request, follow it with the 查询码, send a
 * corrected request, download the letters addressed to the applicant. Another front-end (the province's
 * platform, a mini-program) can call it the same way the portal's pages do.
 */
@RestController
@Tag(name = "申请人门户（公开接口）", description = "无需登录：网上提交政府信息公开申请、凭申请编号和查询码查询办理进度、网上补正、下载答复文书。"
    + "按客户端地址限流（超出时返回429）；查询码错误与申请编号不存在返回相同的404；同一申请连续输错查询码将暂时锁定查询。")
class PublicRequestController {

  /** Largest request body accepted: the ID proof (base64) and the text fields. */
  private static final int MAX_BODY_BYTES = 6 * 1024 * 1024;

  private final PortalRequests requests;
  private final PortalChallenge challenge;
  private final RateLimits limits;
  private final AgencyDirectory agencies;
  private final ObjectMapper json;

  PublicRequestController(PortalRequests requests, PortalChallenge challenge, RateLimits limits,
      AgencyDirectory agencies, ObjectMapper json) {
    this.requests = requests;
    this.challenge = challenge;
    this.limits = limits;
    this.agencies = agencies;
    this.json = json;
  }

  @GetMapping("/api/public/agencies")
  @Operation(summary = "可申请的机关", description = "网上申请可选的受理机关（代码和名称）；提交申请时以 agency 字段传代码，不传则为第一个机关。")
  List<AgencyDirectory.PublicAgency> agencies() {
    return agencies.list();
  }

  @GetMapping("/api/public/challenge")
  @Operation(summary = "获取人机验证题目", description = "ALTCHA 工作量证明：找到整数 number（0 至 maxnumber），使 SHA-256(salt + number) 的十六进制等于 challenge；"
      + "将 {algorithm, challenge, number, salt, signature} 的 JSON 经 Base64 编码后作为提交申请的 challenge 字段。每道题只能使用一次，有效期10分钟。"
      + "enabled 为 false 时无需验证。")
  Map<String, Object> challenge(HttpServletRequest request) {
    limits.take(RateLimits.Kind.LOOKUP, request);
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("enabled", challenge.enabled());
    if (challenge.enabled()) {
      Altcha.Challenge c = challenge.create();
      answer.put("algorithm", c.algorithm);
      answer.put("challenge", c.challenge);
      answer.put("maxnumber", c.maxnumber);
      answer.put("salt", c.salt);
      answer.put("signature", c.signature);
    }
    return answer;
  }

  @PostMapping(path = "/api/public/requests", consumes = MediaType.ALL_VALUE)
  @Operation(summary = "网上提交政府信息公开申请", description = "《政府信息公开条例》第二十九条规定的申请内容。字段与工作人员登记接口 POST /api/requests 相同"
      + "（不含 channel 和 receivedOn：网上申请以双方确认之日为收到申请之日，条例第三十一条），另加可选的 agency（受理机关代码）、"
      + "challenge（人机验证答案）和 idProof（身份证明，{fileName, content: Base64}，JPG/PNG/PDF，按内容识别类型，不超过2MB）。"
      + "成功返回201，含申请编号和查询码（查询码只显示这一次，填写了电子邮箱的同时发送邮件）；输入有误返回400，逐项列出字段（field）和中文说明（message），不保存任何内容。",
      requestBody = @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(value = """
          {"applicantType":"NATURAL_PERSON","applicantName":"张三","idType":"ID_CARD","idNumber":"11010519491231002X",
           "phone":"13800138000","email":"zhangsan@example.com","description":"2025年本州道路建设项目的批复文件",
           "purpose":"了解道路规划","provisionForm":"ELECTRONIC","deliveryMethod":"EMAIL","agency":"chuxiong",
           "challenge":"eyJhbGdvcml0aG0iOi..."}"""))))
  @ApiResponse(responseCode = "201", description = "已提交", content = @Content(schema = @Schema(example = "{\"submissionNumber\":\"WS20261126-7KQ3M9XP\",\"queryCode\":\"K7P2QW9XR4TB6MZD\"}")))
  @ApiResponse(responseCode = "400", description = "输入有误：errors 中每项含 field 和中文 message，未保存任何内容")
  @ApiResponse(responseCode = "429", description = "提交过于频繁")
  ResponseEntity<Map<String, Object>> submit(HttpServletRequest request) throws IOException {
    limits.take(RateLimits.Kind.SUBMIT, request);
    Map<String, Object> body = readObject(request);
    challenge.check(body.get(PortalChallenge.FIELD));
    PortalRequests.Submitted submitted = requests.submit(body);
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("submissionNumber", submitted.submissionNumber());
    answer.put("queryCode", submitted.queryCode());
    return ResponseEntity.status(HttpStatus.CREATED)
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(answer);
  }

  @GetMapping("/api/public/requests/{number}")
  @Operation(summary = "查询办理进度", description = "凭申请编号（或受理后的案件编号）和查询码查询：state 为办理状态（已提交、已受理、办理中、需补正、"
      + "征求意见中（期限中止）、已延期、已答复、已办结），caseNumber 为受理后的案件编号，receivedOn 为收到申请日期（双方确认之日），"
      + "replyDueOn 为答复期限，letters 为发给申请人的文书（title、issuedOn、url 下载地址），materials 为答复送达后随答复书提供的文件"
      + "（fileName、pages、url，均为经区分处理的文本）。申请编号不存在、查询码错误或已锁定均返回相同的404。")
  @ApiResponse(responseCode = "404", description = "未找到该申请，或查询码不正确（两种情况的回答完全相同）")
  Map<String, Object> track(
      @Parameter(description = "申请编号（如 WS20261126-7KQ3M9XP）或案件编号（如 〔2026〕第12号）") @PathVariable String number,
      @Parameter(description = "查询码") @RequestParam(name = "code", required = false) String code,
      @Parameter(description = "查询码（也可放在请求头中，避免出现在地址里）") @RequestHeader(name = "X-Query-Code", required = false) String header,
      HttpServletRequest request) {
    limits.take(RateLimits.Kind.LOOKUP, request);
    String given = header != null ? header : code;
    return requests.view(requests.verified(number, given), given);
  }

  @PostMapping(path = "/api/public/requests/{number}/correction", consumes = MediaType.ALL_VALUE)
  @Operation(summary = "网上提交补正", description = "收到补正告知书后提交补正后的申请内容 {\"description\": \"…\"}：记为收到补正申请，答复期限自当日起重新计算"
      + "（条例第三十条）。当前不需要补正时返回400。")
  ResponseEntity<Map<String, Object>> correct(@PathVariable String number,
      @RequestParam(name = "code", required = false) String code,
      @RequestHeader(name = "X-Query-Code", required = false) String header,
      HttpServletRequest request) throws IOException {
    limits.take(RateLimits.Kind.LOOKUP, request);
    String given = header != null ? header : code;
    Submission s = requests.verified(number, given);
    Map<String, Object> body = readObject(request);
    for (String field : body.keySet()) {
      if (!"description".equals(field)) {
        throw new BadRequestException(field, "不支持的字段：" + field);
      }
    }
    requests.correct(s, body.get("description"));
    return ResponseEntity.ok(requests.view(requests.byNumber(s.submissionNumber()).orElseThrow(), given));
  }

  @GetMapping("/api/public/requests/{number}/letters/{documentId}")
  @Operation(summary = "下载文书", description = "下载发给申请人的文书（收件回执、补正告知书、延期答复告知书、答复书等），凭查询码。")
  ResponseEntity<byte[]> letter(@PathVariable String number, @PathVariable long documentId,
      @RequestParam(name = "code", required = false) String code,
      @RequestHeader(name = "X-Query-Code", required = false) String header,
      HttpServletRequest request) {
    limits.take(RateLimits.Kind.LOOKUP, request);
    Submission s = requests.verified(number, header != null ? header : code);
    DocumentContent content = requests.letter(s, documentId);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(content.contentType()))
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(content.fileName(), StandardCharsets.UTF_8).build().toString())
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(content.content());
  }

  @GetMapping("/api/public/requests/{number}/materials/{materialId}")
  @Operation(summary = "下载随答复书提供的文件", description = "答复书送达后，下载随答复书提供的政府信息（经区分处理的文件，PDF），凭查询码。"
      + "只提供处理后文本；答复送达前、或答复未提供信息时返回404。")
  @ApiResponse(responseCode = "404", description = "未找到该文件，或答复尚未送达，或查询码不正确")
  ResponseEntity<byte[]> releasedFile(@PathVariable String number,
      @Parameter(description = "文件编号（查询结果 materials 中的下载地址所含）") @PathVariable long materialId,
      @RequestParam(name = "code", required = false) String code,
      @RequestHeader(name = "X-Query-Code", required = false) String header,
      HttpServletRequest request) {
    limits.take(RateLimits.Kind.LOOKUP, request);
    Submission s = requests.verified(number, header != null ? header : code);
    DocumentContent content = requests.releasedFile(s, materialId);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(content.contentType()))
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(content.fileName(), StandardCharsets.UTF_8).build().toString())
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(content.content());
  }

  private Map<String, Object> readObject(HttpServletRequest request) throws IOException {
    byte[] raw;
    try (InputStream in = request.getInputStream()) {
      raw = in.readNBytes(MAX_BODY_BYTES + 1);
    }
    if (raw.length > MAX_BODY_BYTES) {
      throw new BadRequestException("body", "请求内容过大（身份证明附件不超过2MB）");
    }
    if (raw.length == 0) {
      throw new BadRequestException("body", "请求内容为空，应为 JSON 对象");
    }
    try {
      Object value = json.readValue(raw, Object.class);
      if (!(value instanceof Map<?, ?> map)) {
        throw new BadRequestException("body", "请求内容应为 JSON 对象");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> object = (Map<String, Object>) map;
      return object;
    } catch (JsonProcessingException e) {
      throw new BadRequestException("body", "请求内容不是有效的 JSON");
    }
  }

  @ExceptionHandler(RateLimits.TooManyRequests.class)
  ResponseEntity<Object> tooMany(RateLimits.TooManyRequests e, HttpServletRequest request) {
    ResponseEntity<Object> answer = ErrorResponses.answer(request, HttpStatus.TOO_MANY_REQUESTS, e.getMessage(), List.of());
    return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
        .header(HttpHeaders.RETRY_AFTER, "60").body(answer.getBody());
  }
}

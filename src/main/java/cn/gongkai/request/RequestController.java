package cn.gongkai.request;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import cn.gongkai.security.CurrentUser;
import cn.gongkai.security.Roles;
import cn.gongkai.request.internal.IssuedQueryCodes;
import cn.gongkai.web.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

/** Register API: registers requests exactly as the Tasklist start form does, and reads the register. */
@Tag(name = "登记与案件", description = "依申请公开的登记（与 Tasklist 的开始表单相同）和案件登记簿")
@RestController
class RequestController {

  private final FormService formService;
  private final RepositoryService repositoryService;
  private final CaseRegister register;
  private final CaseView view;
  private final IssuedQueryCodes issued;

  RequestController(FormService formService, RepositoryService repositoryService, CaseRegister register,
      CaseView view, IssuedQueryCodes issued) {
    this.issued = issued;
    this.formService = formService;
    this.repositoryService = repositoryService;
    this.register = register;
    this.view = view;
  }

  @Operation(summary = "登记政府信息公开申请", description = "受理登记（intake）或管理员登记一件申请，校验规则与开始表单相同；成功返回 201、案件编号、流程实例 id 和申请人的查询码（queryCode，仅此一次返回，只以散列保存）。")
  @PostMapping("/api/requests")
  ResponseEntity<Map<String, Object>> register(
      @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "开始表单“收到政府信息公开申请”的字段",
          content = @Content(schema = @Schema(implementation = RegistrationFields.class)))
      @RequestBody(required = false) Map<String, Object> body,
      HttpServletRequest request) {
    String user = CurrentUser.requireAnyRole(request, Roles.INTAKE, Roles.ADMIN);
    Map<String, Object> fields = body == null ? Map.of() : body;
    // the same check the start form's registration runs; here it answers 400 before anything starts
    RequestRegistration.parse(fields, cn.gongkai.request.internal.ReplyClock.today());
    Map<String, Object> variables = new HashMap<>();
    for (String name : DisclosureVariables.ALL) {
      if (fields.containsKey(name) && isStartField(name)) {
        variables.put(name, fields.get(name) == null ? null : fields.get(name).toString());
      }
    }
    String definitionId = repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey("disclosure-request").latestVersion().singleResult().getId();
    ProcessInstance instance = formService.submitStartForm(definitionId, variables);
    String caseNumber = instance.getBusinessKey();
    Map<String, Object> created = new LinkedHashMap<>();
    created.put("caseNumber", caseNumber);
    created.put("processInstanceId", instance.getId());
    // the applicant's 查询码, answered this once; only its hash is stored
    created.put("queryCode", issued.of(user, caseNumber).orElse(null));
    return ResponseEntity.created(URI.create("/api/cases/" + UriUtils.encodePathSegment(caseNumber,
            StandardCharsets.UTF_8)))
        .body(created);
  }

  @Operation(summary = "刚登记案件的查询码",
      description = "登记人本人在登记后 30 分钟内可取回该案件的查询码（供写在收件回执上）；查询码只以散列保存，"
          + "超时、他人或不存在时一律 404。")
  @GetMapping("/api/requests/query-code")
  Map<String, Object> queryCode(@RequestParam(required = false) String caseNumber, HttpServletRequest request) {
    String user = CurrentUser.requireAnyRole(request, Roles.INTAKE, Roles.ADMIN);
    String notFound = "没有可显示的查询码：" + caseNumber;
    String code = issued.of(user, caseNumber).orElseThrow(() -> new NotFoundException(notFound));
    DisclosureCase c = register.findByNumber(caseNumber).orElseThrow(() -> new NotFoundException(notFound));
    CurrentUser.requireAgency(request, c.agencyCode(), notFound);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("caseNumber", c.caseNumber());
    json.put("queryCode", code);
    return json;
  }

  private static boolean isStartField(String name) {
    return switch (name) {
      case "applicantType", "applicantName", "idType", "idNumber", "phone", "address", "email", "channel",
          "receivedOn", "description", "purpose", "provisionForm", "deliveryMethod" -> true;
      default -> false;
    };
  }

  @Operation(summary = "查看案件", description = "案件登记簿中的一件案件；申请人个人信息按角色脱敏。")
  @GetMapping("/api/cases/{caseNumber}")
  Map<String, Object> get(@PathVariable String caseNumber, HttpServletRequest request) {
    CurrentUser.requireAnyRole(request, CaseView.staffRoles().toArray(String[]::new));
    return view.toJson(find(caseNumber, request));
  }

  /** The applicant's full personal data, for the roles that contact the applicant; every call is logged. */
  @Operation(summary = "查看申请人完整个人信息", description = "仅受理登记和管理员；每次查看均记入审计日志。")
  @GetMapping("/api/cases/{caseNumber}/personal-data")
  Map<String, Object> personalData(@PathVariable String caseNumber, HttpServletRequest request) {
    String user = CurrentUser.requireAnyRole(request, Roles.INTAKE, Roles.ADMIN);
    DisclosureCase c = find(caseNumber, request);
    register.logPersonalDataAccess(c.id(), user, "API", cn.gongkai.request.internal.ReplyClock.now());
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("caseNumber", c.caseNumber());
    json.put("applicantName", c.applicantName());
    json.put("idType", c.idType());
    json.put("idNumber", c.idNumber());
    json.put("phone", c.phone());
    json.put("address", c.address());
    json.put("email", c.email());
    return json;
  }

  /** The registration's fields, for the OpenAPI description only (the body is read as the start form's map). */
  @Schema(name = "Registration", description = "一件政府信息公开申请的登记内容")
  record RegistrationFields(
      @Schema(description = "申请人类型（ApplicantType），如 NATURAL_PERSON 自然人", requiredMode = REQUIRED)
      String applicantType,
      @Schema(description = "申请人姓名或名称", requiredMode = REQUIRED) String applicantName,
      @Schema(description = "证件类型（IdType），如 ID_CARD 居民身份证", requiredMode = REQUIRED) String idType,
      @Schema(description = "证件号码（居民身份证须校验码正确）", requiredMode = REQUIRED) String idNumber,
      @Schema(description = "联系电话：手机 11 位，或固定电话（区号可带连字符）", example = "13912345678") String phone,
      @Schema(description = "通信地址") String address,
      @Schema(description = "电子邮箱") String email,
      @Schema(description = "提交方式（Channel）：IN_PERSON 当面、SIGNED_POST 邮寄（签收）、ORDINARY_LETTER 平常信函、"
          + "ONLINE 网络、FAX 传真", requiredMode = REQUIRED) String channel,
      @Schema(description = "收到申请之日（yyyy-MM-dd，北京时间，2000-01-01 至今天）", example = "2026-11-25",
          requiredMode = REQUIRED) String receivedOn,
      @Schema(description = "所需政府信息的名称、文号或便于查询的其他特征性描述", requiredMode = REQUIRED) String description,
      @Schema(description = "申请用途") String purpose,
      @Schema(description = "提供形式（ProvisionForm）") String provisionForm,
      @Schema(description = "获取信息的方式（DeliveryMethod）") String deliveryMethod) {}

  /** The case, or 404 when it does not exist or belongs to another agency (as if it did not exist). */
  private DisclosureCase find(String caseNumber, HttpServletRequest request) {
    DisclosureCase c = register.findByNumber(caseNumber)
        .orElseThrow(() -> new NotFoundException("案件不存在：" + caseNumber));
    CurrentUser.requireAgency(request, c.agencyCode(), "案件不存在：" + caseNumber);
    return c;
  }
}

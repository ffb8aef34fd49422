package cn.gongkai.agency;

import cn.gongkai.security.CurrentUser;
import cn.gongkai.security.Roles;
import cn.gongkai.web.BadRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** The agencies on the platform: the list for every staff user, adding and changing them for administrators. */
@Controller
@Tag(name = "机关", description = "平台上的机关（州政府办公室、州级部门、县市）：所有工作人员可查看，系统管理员新增和修改。")
class AgencyController {

  private final Agencies agencies;
  private final AgencyTenants tenants;

  AgencyController(Agencies agencies, AgencyTenants tenants) {
    this.agencies = agencies;
    this.tenants = tenants;
  }

  @Operation(summary = "机关列表", description = "code 机关代码、name 全称、shortName 简称（用于编号）、parent 上级机关代码等。")
  @GetMapping("/api/agencies")
  @ResponseBody
  List<Map<String, Object>> list() {
    return agencies.all().stream().map(AgencyController::json).toList();
  }

  @Operation(summary = "一个机关", description = "机关不存在时返回404。")
  @GetMapping("/api/agencies/{code}")
  @ResponseBody
  Map<String, Object> get(@PathVariable String code) {
    return json(agencies.get(code));
  }

  @Operation(summary = "新增机关", description = "系统管理员：新增机关并建立同名租户；代码已被使用返回409，字段有误返回400并指明字段。")
  @PostMapping("/api/agencies")
  @ResponseBody
  ResponseEntity<Map<String, Object>> create(@RequestBody(required = false) Map<String, Object> body,
      HttpServletRequest request) {
    CurrentUser.requireAnyRole(request, Roles.ADMIN, Roles.SYSADMIN);
    Agency saved = save(body == null ? Map.of() : body, null, true);
    return ResponseEntity.created(URI.create("/api/agencies/" + saved.code())).body(json(saved));
  }

  @Operation(summary = "修改机关", description = "系统管理员：修改机关的名称、简称、上级机关、复议机关、联系人等。")
  @PutMapping("/api/agencies/{code}")
  @ResponseBody
  Map<String, Object> update(@PathVariable String code, @RequestBody(required = false) Map<String, Object> body,
      HttpServletRequest request) {
    CurrentUser.requireAnyRole(request, Roles.ADMIN, Roles.SYSADMIN);
    return json(save(body == null ? Map.of() : body, code, false));
  }

  /** The administrators' page: every agency and a form to add or change one. */
  @GetMapping("/security/agencies")
  String page(HttpServletRequest request, Model model, @RequestParam(required = false) String saved) {
    model.addAttribute("viewer", CurrentUser.requireAnyRole(request, Roles.ADMIN, Roles.SYSADMIN));
    model.addAttribute("agencies", agencies.all());
    model.addAttribute("saved", saved);
    return "agencies";
  }

  @PostMapping("/security/agencies")
  String saveFromPage(@RequestParam Map<String, String> form, HttpServletRequest request, Model model) {
    CurrentUser.requireAnyRole(request, Roles.ADMIN, Roles.SYSADMIN);
    boolean create = !"update".equals(form.get("mode"));
    Map<String, Object> body = new LinkedHashMap<>(form);
    body.put("transfersReferrals", "on".equals(form.get("transfersReferrals")));
    try {
      Agency saved = save(body, create ? null : form.get("code"), create);
      return "redirect:/security/agencies?saved=" + saved.code();
    } catch (BadRequestException refused) {
      model.addAttribute("viewer", request.getRemoteUser());
      model.addAttribute("agencies", agencies.all());
      model.addAttribute("problems", refused.problems());
      model.addAttribute("form", form);
      return "agencies";
    }
  }

  private Agency save(Map<String, Object> body, String code, boolean create) {
    Object referrals = body.get("transfersReferrals");
    if (referrals != null && !(referrals instanceof Boolean)) {
      throw new BadRequestException("transfersReferrals", "是否转办应为 true 或 false");
    }
    Agency agency = new Agency(code != null ? code : text(body, "code"), text(body, "name"), text(body, "shortName"),
        text(body, "reconsiderationBody"), text(body, "contactPerson"), text(body, "contactPhone"),
        text(body, "parent"), text(body, "caseNumberPattern"), Boolean.TRUE.equals(referrals));
    Agency saved = agencies.save(agency, create);
    tenants.ensureTenant(saved);
    return saved;
  }

  private static String text(Map<String, Object> body, String field) {
    Object value = body.get(field);
    if (value != null && !(value instanceof String)) {
      throw new BadRequestException(field, "应为文字");
    }
    return value == null || ((String) value).isBlank() ? null : ((String) value).strip();
  }

  static Map<String, Object> json(Agency agency) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("code", agency.code());
    json.put("name", agency.name());
    json.put("shortName", agency.shortName());
    json.put("parent", agency.parent());
    json.put("reconsiderationBody", agency.reconsiderationBody());
    json.put("contactPerson", agency.contactPerson());
    json.put("contactPhone", agency.contactPhone());
    json.put("caseNumberPattern", agency.caseNumberPattern());
    json.put("transfersReferrals", agency.transfersReferrals());
    return json;
  }
}

package cn.gongkai.request;

import cn.gongkai.security.CurrentUser;
import cn.gongkai.security.Roles;
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
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

/** Register API: registers requests exactly as the Tasklist start form does, and reads the register. */
@RestController
class RequestController {

  private final FormService formService;
  private final RepositoryService repositoryService;
  private final CaseRegister register;
  private final CaseView view;

  RequestController(FormService formService, RepositoryService repositoryService, CaseRegister register,
      CaseView view) {
    this.formService = formService;
    this.repositoryService = repositoryService;
    this.register = register;
    this.view = view;
  }

  @PostMapping("/api/requests")
  ResponseEntity<Map<String, Object>> register(@RequestBody(required = false) Map<String, Object> body,
      HttpServletRequest request) {
    CurrentUser.requireAnyRole(request, Roles.INTAKE, Roles.ADMIN);
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
    return ResponseEntity.created(URI.create("/api/cases/" + UriUtils.encodePathSegment(caseNumber,
            StandardCharsets.UTF_8)))
        .body(created);
  }

  private static boolean isStartField(String name) {
    return switch (name) {
      case "applicantType", "applicantName", "idType", "idNumber", "phone", "address", "email", "channel",
          "receivedOn", "description", "purpose", "provisionForm", "deliveryMethod" -> true;
      default -> false;
    };
  }

  @GetMapping("/api/cases/{caseNumber}")
  Map<String, Object> get(@PathVariable String caseNumber, HttpServletRequest request) {
    CurrentUser.requireAnyRole(request, CaseView.staffRoles().toArray(String[]::new));
    return view.toJson(find(caseNumber, request));
  }

  /** The applicant's full personal data, for the roles that contact the applicant; every call is logged. */
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

  /** The case, or 404 when it does not exist or belongs to another agency (as if it did not exist). */
  private DisclosureCase find(String caseNumber, HttpServletRequest request) {
    DisclosureCase c = register.findByNumber(caseNumber)
        .orElseThrow(() -> new NotFoundException("案件不存在：" + caseNumber));
    CurrentUser.requireAgency(request, c.agencyCode(), "案件不存在：" + caseNumber);
    return c;
  }
}

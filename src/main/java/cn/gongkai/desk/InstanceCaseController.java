package cn.gongkai.desk;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import cn.gongkai.request.CaseRegister;
import cn.gongkai.request.DecisionLabels;
import cn.gongkai.request.DisclosureCase;
import cn.gongkai.security.CurrentUser;
import cn.gongkai.security.Roles;
import cn.gongkai.web.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

/**
 * The case behind a process instance, as Cockpit's instance view shows it to a supervisor: case number, the
 * applicant's masked name, codes in Chinese (自然人, not NATURAL_PERSON), and the labels of every coded process
 * variable so that Cockpit's variable table can say what a code means.
 */
@Tag(name = "待办")
@RestController
class InstanceCaseController {

  private final CaseRegister register;
  private final DecisionLabels labels;

  InstanceCaseController(CaseRegister register, DecisionLabels labels) {
    this.register = register;
    this.labels = labels;
  }

  @Operation(summary = "流程实例的案件", description = "Cockpit 案件页签：案件编号、脱敏申请人、中文状态及各流程变量代码的中文含义。")
  @GetMapping("/api/instances/{processInstanceId}/case")
  Map<String, Object> caseOf(@PathVariable String processInstanceId, HttpServletRequest request) {
    CurrentUser.requireAnyRole(request, Roles.INTAKE, Roles.HANDLER, Roles.REVIEWER, Roles.LEGAL, Roles.LEADER,
        Roles.SUPERVISOR, Roles.ADMIN);
    DisclosureCase c = register.findByProcessInstance(processInstanceId)
        .orElseThrow(() -> new NotFoundException("该流程实例没有对应的依申请公开案件"));
    CurrentUser.requireAgency(request, c.agencyCode(), "该流程实例没有对应的依申请公开案件");
    DisclosureCase shown = request.isUserInRole(Roles.INTAKE) ? c : c.masked();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("caseNumber", c.caseNumber());
    json.put("applicantName", shown.applicantName());
    json.put("applicantType", c.applicantType().label());
    json.put("channel", c.channel().label());
    json.put("receivedOn", c.receivedOn());
    json.put("replyDueOn", c.replyDueOn());
    json.put("overdue", c.overdue());
    json.put("status", c.status().label());
    json.put("currentStep", c.currentStepName());
    json.put("outcome", c.outcome() == null ? null : c.outcome().label());
    json.put("casePage", "/cases/" + UriUtils.encodePathSegment(c.caseNumber(), StandardCharsets.UTF_8));
    json.put("variableLabels", labels.variableLabels());
    return json;
  }
}

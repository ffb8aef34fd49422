package cn.gongkai.report;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import cn.gongkai.agency.Agencies;
import cn.gongkai.agency.Agency;
import cn.gongkai.report.CaseRemedies.CaseRemedy;
import cn.gongkai.report.CaseRemedies.RemedyInput;
import cn.gongkai.security.CurrentUser;
import cn.gongkai.security.Roles;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

/**
 * Remedies against a case (table 四): legal staff and administrators record them, supervisors read them.
 * Optional {@code ?agency=code}, default the installation's agency.
 */
@Tag(name = "年度报告")
@RestController
class RemedyController {

  private final CaseRemedies remedies;
  private final Agencies agencies;

  RemedyController(CaseRemedies remedies, Agencies agencies) {
    this.remedies = remedies;
    this.agencies = agencies;
  }

  @Operation(summary = "登记行政复议或诉讼", description = "法制审核或管理员登记针对案件的行政复议、行政诉讼（表四）；成功返回 201。")
  @PostMapping("/api/cases/{caseNumber}/remedies")
  ResponseEntity<CaseRemedy> record(@PathVariable String caseNumber, @RequestParam(required = false) String agency,
      @RequestBody(required = false) RemedyInput body, HttpServletRequest request) {
    String user = CurrentUser.requireAnyRole(request, Roles.LEGAL, Roles.ADMIN);
    CaseRemedy remedy = remedies.record(agency(agency, request), caseNumber, body, user);
    URI location = URI.create("/api/cases/" + UriUtils.encodePathSegment(caseNumber, StandardCharsets.UTF_8)
        + "/remedies/" + remedy.id());
    return ResponseEntity.created(location).body(remedy);
  }

  @Operation(summary = "修改行政复议或诉讼", description = "更新结果、决定日期等。")
  @PutMapping("/api/cases/{caseNumber}/remedies/{id}")
  CaseRemedy update(@PathVariable String caseNumber, @PathVariable long id,
      @RequestParam(required = false) String agency, @RequestBody(required = false) RemedyInput body,
      HttpServletRequest request) {
    String user = CurrentUser.requireAnyRole(request, Roles.LEGAL, Roles.ADMIN);
    return remedies.update(agency(agency, request), caseNumber, id, body, user);
  }

  @Operation(summary = "列出案件的行政复议和诉讼", description = "法制审核、管理员和督办员可看。")
  @GetMapping("/api/cases/{caseNumber}/remedies")
  List<CaseRemedy> list(@PathVariable String caseNumber, @RequestParam(required = false) String agency,
      HttpServletRequest request) {
    CurrentUser.requireAnyRole(request, Roles.LEGAL, Roles.ADMIN, Roles.SUPERVISOR);
    return remedies.list(agency(agency, request), caseNumber);
  }

  /** The named agency, else the caller's own; another agency's case answers 404 as if it did not exist. */
  private Agency agency(String code, HttpServletRequest request) {
    String wanted = code == null || code.isBlank() ? CurrentUser.homeAgency(request) : code;
    if (wanted == null) {
      wanted = agencies.defaultCode();
    }
    CurrentUser.requireAgency(request, wanted, "机关不存在：" + wanted);
    return agencies.get(wanted);
  }
}

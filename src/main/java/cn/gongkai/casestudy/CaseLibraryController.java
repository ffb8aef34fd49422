package cn.gongkai.casestudy;

import cn.gongkai.request.CaseRegister;
import cn.gongkai.request.DisclosureCase;
import cn.gongkai.request.ExemptionCode;
import cn.gongkai.request.Labelled;
import cn.gongkai.request.Outcome;
import cn.gongkai.security.CurrentUser;
import cn.gongkai.security.Roles;
import cn.gongkai.web.BadRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** 依申请公开案例库: staff search the published case studies of their agency; texts can be screened beforehand. */
@Tag(name = "依申请公开案例库", description = "已审核入库的脱敏案例，按处理结果、不予公开理由和关键词检索")
@Controller
class CaseLibraryController {

  /** Staff who read the library: everyone who works or watches disclosure cases. */
  static final String[] STAFF = {Roles.INTAKE, Roles.HANDLER, Roles.REVIEWER, Roles.LEGAL, Roles.LEADER,
      Roles.OFFICE, Roles.SUPERVISOR, Roles.ADMIN};
  static final int MAX_RESULTS = 200;

  private final CaseStudyRegister register;
  private final CaseRegister disclosureCases;

  CaseLibraryController(CaseStudyRegister register, CaseRegister disclosureCases) {
    this.register = register;
    this.disclosureCases = disclosureCases;
  }

  /** A published case study as the library shows it: codes with their Chinese labels, nothing personal. */
  record LibraryEntry(String caseNumber, String sourceCaseNumber, String questionType, String questionTypeLabel,
      String outcome, String outcomeLabel, String exemptionCode, String exemptionLabel, String requestSummary,
      String decisionSummary, String decisionReason, String legalBasis, String lessons,
      boolean proactiveReleaseProposed, String proactiveReleaseDecision, java.time.LocalDate proactiveReleasedOn,
      java.time.LocalDate publishedOn) {

    static LibraryEntry of(CaseStudy c) {
      QuestionType type = QuestionType.parse(c.questionType());
      return new LibraryEntry(c.caseNumber(), c.sourceCaseNumber(), c.questionType(),
          type == null ? null : type.label(), c.outcome(),
          Labelled.parse(Outcome.class, c.outcome()).map(Outcome::label).orElse(null), c.exemptionCode(),
          Labelled.parse(ExemptionCode.class, c.exemptionCode()).map(ExemptionCode::label).orElse(null),
          c.requestSummary(), c.decisionSummary(), c.decisionReason(), c.legalBasis(), c.lessons(),
          c.proactiveReleaseProposed(), c.proactiveReleaseDecision(), c.proactiveReleasedOn(), c.publishedOn());
    }
  }

  @Operation(summary = "检索案例库", description = "已入库的依申请公开案例，可按处理结果代码（outcome）、不予公开理由代码（exemption）"
      + "和关键词（q，检索各栏文字）筛选，最近入库的在前，最多200条；只含本机关的案例。")
  @GetMapping("/api/case-library")
  @ResponseBody
  Map<String, Object> search(@RequestParam(required = false) String outcome,
      @RequestParam(required = false) String exemption, @RequestParam(required = false) String q,
      HttpServletRequest request) {
    CurrentUser.requireAnyRole(request, STAFF);
    List<LibraryEntry> entries = find(outcome, exemption, q, request);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("count", entries.size());
    body.put("items", entries);
    return body;
  }

  @GetMapping("/cases/library")
  String page(@RequestParam(required = false) String outcome, @RequestParam(required = false) String exemption,
      @RequestParam(required = false) String q, HttpServletRequest request, Model model) {
    CurrentUser.requireAnyRole(request, STAFF);
    model.addAttribute("entries", find(outcome, exemption, q, request));
    model.addAttribute("outcome", blank(outcome));
    model.addAttribute("exemption", blank(exemption));
    model.addAttribute("q", blank(q));
    model.addAttribute("outcomes", Arrays.asList(Outcome.values()));
    model.addAttribute("exemptions", Arrays.asList(ExemptionCode.values()));
    return "case-library";
  }

  /**
   * Screens texts before they are submitted: 400 with the field and a Chinese message when one contains
   * personal data (of the named source case's applicant, or any ID, phone, e-mail or bank card number).
   */
  @Operation(summary = "检查案例文字是否含有个人信息", description = "请求体为 {\"sourceCaseNumber\": 来源案件编号（可选）, "
      + "\"texts\": {栏目名: 文字}}；含有个人信息的答复 400，并指出栏目（field）和中文说明。")
  @PostMapping("/api/case-library/personal-data-check")
  @ResponseBody
  Map<String, Object> check(@RequestBody Map<String, Object> body, HttpServletRequest request) {
    CurrentUser.requireAnyRole(request, Roles.HANDLER, Roles.OFFICE, Roles.ADMIN);
    Object texts = body.get("texts");
    if (!(texts instanceof Map<?, ?> map)) {
      throw new BadRequestException("texts", "请以“栏目名: 文字”的形式提供要检查的文字");
    }
    Map<String, String> byField = new LinkedHashMap<>();
    map.forEach((k, v) -> byField.put(String.valueOf(k), v == null ? null : String.valueOf(v)));
    PersonalDataScreen.Applicant applicant = PersonalDataScreen.Applicant.NONE;
    if (body.get("sourceCaseNumber") instanceof String number && !number.isBlank()) {
      DisclosureCase source = disclosureCases.findByNumber(number.strip())
          .filter(c -> CurrentUser.mayAccessAgency(request, c.agencyCode()))
          .orElseThrow(() -> new BadRequestException("sourceCaseNumber", "没有编号为“" + number + "”的依申请公开案件"));
      applicant = new PersonalDataScreen.Applicant(source.applicantName(), source.idNumber(), source.phone(),
          source.address(), source.email());
    }
    PersonalDataScreen.check(byField, CaseStudyVariables.TEXTS, applicant).ifPresent(f -> {
      throw new BadRequestException(f.field(), f.message());
    });
    return Map.of("clean", true);
  }

  private List<LibraryEntry> find(String outcome, String exemption, String q, HttpServletRequest request) {
    String outcomeCode = blank(outcome);
    if (outcomeCode != null && Labelled.parse(Outcome.class, outcomeCode).isEmpty()) {
      throw new BadRequestException("outcome", "处理结果代码无效：" + outcomeCode);
    }
    String exemptionCode = blank(exemption);
    if (exemptionCode != null && Labelled.parse(ExemptionCode.class, exemptionCode).isEmpty()) {
      throw new BadRequestException("exemption", "不予公开理由代码无效：" + exemptionCode);
    }
    String keyword = blank(q);
    if (keyword != null && keyword.length() > 100) {
      throw new BadRequestException("q", "关键词不能超过100个字");
    }
    Set<String> agencies = CurrentUser.seesEveryAgency(request) ? null : CurrentUser.agencies(request);
    return register.library(agencies, outcomeCode, exemptionCode, keyword, MAX_RESULTS).stream()
        .map(LibraryEntry::of).toList();
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}

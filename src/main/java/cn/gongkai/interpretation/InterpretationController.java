package cn.gongkai.interpretation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import cn.gongkai.security.CurrentUser;
import cn.gongkai.security.Roles;
import cn.gongkai.web.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

/** 三同步 in the API and on a page: the published pairs with the publication rule, and a case's file. */
@Tag(name = "政策解读", description = "政策文件与解读“三同步”")
@Controller
class InterpretationController {

  /** Staff who work or watch 三同步 cases. */
  static final String[] STAFF = {Roles.OFFICE, Roles.LEADER, Roles.SUPERVISOR, Roles.ADMIN, Roles.DRAFTER,
      Roles.LEGAL, Roles.REVIEWER};

  private final InterpretationSupervision supervision;
  private final PolicyRegister register;

  InterpretationController(InterpretationSupervision supervision, PolicyRegister register) {
    this.supervision = supervision;
    this.register = register;
  }

  /** Published policy-interpretation pairs: both dates, working days between, whether the rule was met. */
  @Operation(summary = "已发布的政策文件与解读", description = "每对政策文件与解读的发布日期、相隔工作日数，以及是否符合同步发布的要求。")
  @GetMapping("/api/interpretations/published")
  @ResponseBody
  Map<String, Object> published(HttpServletRequest request) {
    CurrentUser.requireAnyRole(request, Roles.OFFICE, Roles.LEADER, Roles.SUPERVISOR, Roles.ADMIN, Roles.DRAFTER);
    List<InterpretationSupervision.PublishedPair> pairs = supervision.publishedPairs();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("count", pairs.size());
    body.put("ruleMetCount", pairs.stream().filter(InterpretationSupervision.PublishedPair::ruleMet).count());
    body.put("pairs", pairs);
    return body;
  }

  /** The read-only case file (案卷) linked from every task form: what was submitted, decided and published. */
  @GetMapping("/cases/interpretations/{caseNumber}")
  String page(@PathVariable String caseNumber, HttpServletRequest request, Model model) {
    CurrentUser.requireAnyRole(request, STAFF);
    PolicyCase c = register.findByNumber(caseNumber)
        .orElseThrow(() -> new NotFoundException("案件不存在：" + caseNumber));
    CurrentUser.requireAgency(request, c.agencyCode(), "案件不存在：" + caseNumber);
    model.addAttribute("c", c);
    model.addAttribute("events", register.events(c.id()));
    model.addAttribute("pair", c.interpretationPublishedOn() == null ? null : supervision.pair(c));
    return "interpretation";
  }
}

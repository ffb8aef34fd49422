package cn.gongkai.proposal;

import cn.gongkai.security.CurrentUser;
import cn.gongkai.security.Roles;
import cn.gongkai.web.BadRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 建议提案 in the API: the year's overall handling situation (总体办理情况), counted from the register. */
@Tag(name = "建议提案办理", description = "人大代表建议、政协提案办理结果公开")
@RestController
class ProposalController {

  private final ProposalSummary summary;

  ProposalController(ProposalSummary summary) {
    this.summary = summary;
  }

  @Operation(summary = "年度建议提案总体办理情况",
      description = "按收到年度统计：分类收到件数、按期与逾期办复、办理结果、复文公开与不公开（含理由），并生成一段中文说明。")
  @GetMapping("/api/proposals/summary")
  ProposalSummary.Summary summary(@RequestParam(required = false) String year, HttpServletRequest request) {
    CurrentUser.requireAnyRole(request, Roles.OFFICE, Roles.LEADER, Roles.SUPERVISOR, Roles.ADMIN);
    int y;
    if (year == null || year.isBlank()) {
      y = ProposalClock.today().getYear();
    } else {
      try {
        y = Integer.parseInt(year.strip());
      } catch (NumberFormatException e) {
        throw new BadRequestException("year", "年度应为四位数字年份，例如 2026");
      }
      if (y < 2000 || y > 2100) {
        throw new BadRequestException("year", "年度应在2000年至2100年之间");
      }
    }
    return summary.of(y, CurrentUser.seesEveryAgency(request) ? null : CurrentUser.agencies(request));
  }
}

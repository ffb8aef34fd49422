package cn.gongkai.supervision;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import cn.gongkai.security.CurrentUser;
import cn.gongkai.security.Roles;
import cn.gongkai.web.BadRequestException;
import cn.gongkai.web.BadRequestException.FieldProblem;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/supervision/overview}: the 督办 figures for supervisors and administrators. */
@Tag(name = "督办", description = "督办总览：按期限状态统计和列出在办案件")
@RestController
class SupervisionController {

  private final SupervisionOverview overview;

  SupervisionController(SupervisionOverview overview) {
    this.overview = overview;
  }

  /**
   * Counts of open cases by state and one page of each state's cases.
   *
   * @param process a process key to restrict to (default: all processes)
   * @param state comma-separated states to list (default: all); counts always cover every state
   * @param page 1-based page (default 1)
   * @param size cases per page and state, 1 to 500 (default 50)
   */
  @Operation(summary = "督办总览", description = "各督办状态（已逾期、计时暂停、即将到期、期限待定、正常）的在办案件数，以及所选状态的案件列表（分页）；督办员和管理员可用。")
  @GetMapping("/api/supervision/overview")
  SupervisionOverview.Overview overview(
      @RequestParam(required = false) String process,
      @RequestParam(required = false) String state,
      @RequestParam(required = false) String page,
      @RequestParam(required = false) String size,
      @RequestParam(required = false) String agency,
      HttpServletRequest request) {
    CurrentUser.requireAnyRole(request, Roles.SUPERVISOR, Roles.ADMIN);
    List<FieldProblem> problems = new ArrayList<>();
    int pageNumber = parse(page, 1, 1, Integer.MAX_VALUE, "page", "页码必须是大于等于1的整数", problems);
    int pageSize = parse(size, SupervisionOverview.DEFAULT_PAGE_SIZE, 1, SupervisionOverview.MAX_PAGE_SIZE, "size",
        "每页条数必须是1到" + SupervisionOverview.MAX_PAGE_SIZE + "之间的整数", problems);
    Set<SupervisionState> states = states(state, problems);
    String processKey = process == null || process.isBlank() ? null : process.strip();
    if (processKey != null && overview.processes().stream().noneMatch(p -> p.key().equals(processKey))) {
      problems.add(new FieldProblem("process", "流程的取值无效，可选："
          + overview.processes().stream().map(SupervisionOverview.Process::key).collect(Collectors.joining("、"))));
    }
    if (!problems.isEmpty()) {
      throw new BadRequestException(problems);
    }
    // the prefecture's supervisors see every agency (and may drill into one), an agency's supervisors their own
    Set<String> visible = CurrentUser.seesEveryAgency(request) ? null : CurrentUser.agencies(request);
    if (agency != null && !agency.isBlank()) {
      String code = agency.strip();
      if (visible != null && !visible.contains(code)) {
        throw new cn.gongkai.web.NotFoundException("机关不存在：" + code);
      }
      visible = Set.of(code);
    }
    return overview.overview(new SupervisionOverview.Query(processKey, states, pageNumber, pageSize, visible));
  }

  private static int parse(String value, int fallback, int min, int max, String field, String message,
      List<FieldProblem> problems) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(value.strip());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add(new FieldProblem(field, message));
    return fallback;
  }

  private static Set<SupervisionState> states(String value, List<FieldProblem> problems) {
    if (value == null || value.isBlank()) {
      return EnumSet.allOf(SupervisionState.class);
    }
    Set<SupervisionState> states = EnumSet.noneOf(SupervisionState.class);
    for (String name : value.split(",")) {
      try {
        states.add(SupervisionState.valueOf(name.strip()));
      } catch (IllegalArgumentException e) {
        problems.add(new FieldProblem("state", "状态的取值无效：" + name.strip() + "，可选："
            + Arrays.stream(SupervisionState.values()).map(Enum::name).collect(Collectors.joining("、"))));
        return states;
      }
    }
    return states;
  }
}

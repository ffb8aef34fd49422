package cn.gongkai.report;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import cn.gongkai.agency.Agencies;
import cn.gongkai.agency.Agency;
import cn.gongkai.security.CurrentUser;
import cn.gongkai.security.Roles;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import cn.gongkai.web.BadRequestException.FieldProblem;
import cn.gongkai.web.ErrorResponses;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Annual report API: {@code GET /api/reports/annual/{year}} (JSON), {@code .../{year}.xlsx} (official
 * layout), {@code .../{year}.html} (page), for supervisors and administrators; {@code POST
 * .../{year}/lock} for administrators. Optional {@code ?agency=code}, default the installation's agency.
 */
@Tag(name = "年度报告", description = "政府信息公开工作年度报告（国办公开办函〔2021〕30号格式）")
@RestController
class AnnualReportController {

  static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private final AnnualReports reports;
  private final Agencies agencies;

  AnnualReportController(AnnualReports reports, Agencies agencies) {
    this.reports = reports;
    this.agencies = agencies;
  }

  @Operation(summary = "年度报告数据", description = "表三、表四及旧格式数据和交叉核对结果（JSON）。")
  @GetMapping("/api/reports/annual/{year}")
  Object json(@PathVariable String year, @RequestParam(required = false) String agency,
      @RequestParam(required = false) String scope, HttpServletRequest request) {
    if (scope != null && !scope.isBlank()) {
      if (!"prefecture".equals(scope.strip())) {
        throw new cn.gongkai.web.BadRequestException("scope", "范围的取值无效，可选：prefecture（全州汇总）");
      }
      return prefecture(year, request);
    }
    return read(year, agency, request);
  }

  /**
   * The roll-up of the prefecture office and every agency below it; only for whom sees them all (the prefecture's
   * supervisors, administrators): an agency's own supervisors get 404 as for an agency they cannot see.
   */
  private PrefectureReport prefecture(String year, HttpServletRequest request) {
    CurrentUser.requireAnyRole(request, Roles.SUPERVISOR, Roles.ADMIN);
    ReportYear reportYear = ReportYear.parse(year, ReportYear.today());
    Agency top = agencies.defaultAgency();
    java.util.List<Agency> members = agencies.all().stream().filter(a -> below(a, top.code())).toList();
    for (Agency member : members) {
      CurrentUser.requireAgency(request, member.code(), "机关不存在：" + top.code());
    }
    java.util.Map<String, String> parents = new java.util.HashMap<>();
    members.forEach(a -> parents.put(a.code(), a.parent()));
    return PrefectureReport.of(top.name(), reportYear.value(),
        members.stream().map(a -> reports.report(a, reportYear)).toList()).withParents(parents);
  }

  /** The top itself or any agency whose chain of parents reaches it. */
  private boolean below(Agency agency, String top) {
    Agency at = agency;
    for (int depth = 0; at != null && depth < 50; depth++) {
      if (at.code().equals(top)) {
        return true;
      }
      at = at.parent() == null ? null : agencies.byCode(at.parent()).orElse(null);
    }
    return false;
  }

  @Operation(summary = "年度报告（Excel）", description = "按官方版式的 Excel 文件。")
  @GetMapping("/api/reports/annual/{year}.xlsx")
  ResponseEntity<byte[]> xlsx(@PathVariable String year, @RequestParam(required = false) String agency,
      HttpServletRequest request) {
    AnnualReport report = read(year, agency, request);
    String filename = report.title() + (report.status() == AnnualReport.Status.DRAFT ? "（草稿）" : "") + ".xlsx";
    return ResponseEntity.ok()
        .contentType(XLSX)
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString())
        .body(AnnualReportWorkbook.write(report));
  }

  @Operation(summary = "年度报告（网页）", description = "按官方版式的网页。")
  @GetMapping("/api/reports/annual/{year}.html")
  ResponseEntity<String> html(@PathVariable String year, @RequestParam(required = false) String agency,
      HttpServletRequest request) {
    AnnualReport report = read(year, agency, request);
    return ResponseEntity.ok()
        .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .body(AnnualReportPage.render(report));
  }

  @Operation(summary = "锁定年度报告", description = "冻结已结束年度的数据；年度未结束、已锁定或交叉核对未通过时应答 409。")
  @PostMapping("/api/reports/annual/{year}/lock")
  AnnualReport lock(@PathVariable String year, @RequestParam(required = false) String agency,
      HttpServletRequest request) {
    String user = CurrentUser.requireAnyRole(request, Roles.ADMIN);
    return reports.lock(agency(agency, request), ReportYear.parse(year, ReportYear.today()), user);
  }

  private AnnualReport read(String year, String agency, HttpServletRequest request) {
    CurrentUser.requireAnyRole(request, Roles.SUPERVISOR, Roles.ADMIN);
    return reports.report(agency(agency, request), ReportYear.parse(year, ReportYear.today()));
  }

  /** The named agency, else the caller's own; one the caller is not of answers 404 as if it did not exist. */
  private Agency agency(String code, HttpServletRequest request) {
    String wanted = code == null || code.isBlank() ? CurrentUser.homeAgency(request) : code.strip();
    if (wanted == null) {
      wanted = agencies.defaultCode();
    }
    CurrentUser.requireAgency(request, wanted, "机关不存在：" + wanted);
    return agencies.get(wanted);
  }

  /** 409 in the API's error shape (whatever the client accepts), with each reason as an error. */
  @ExceptionHandler(AnnualReports.LockRefused.class)
  ResponseEntity<Object> lockRefused(AnnualReports.LockRefused e, HttpServletRequest request) {
    return ErrorResponses.answer(request, HttpStatus.CONFLICT, e.getMessage(),
        e.reasons().stream().map(reason -> new FieldProblem("year", reason)).toList());
  }
}

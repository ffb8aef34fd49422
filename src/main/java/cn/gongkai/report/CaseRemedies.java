package cn.gongkai.report;

import io.swagger.v3.oas.annotations.media.Schema;
import cn.gongkai.agency.Agency;
import cn.gongkai.web.BadRequestException;
import cn.gongkai.web.BadRequestException.FieldProblem;
import cn.gongkai.web.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Administrative reconsiderations and lawsuits brought against cases (Reg. Art. 51), recorded by legal
 * staff; they are what table 四 of the annual report counts.
 */
@Service
public class CaseRemedies {

  private final JdbcClient jdbc;

  CaseRemedies(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A recorded remedy; {@code recordedBy}/{@code recordedAt} are who last recorded its current state. */
  public record CaseRemedy(long id, String caseNumber, RemedyKind kind, String kindLabel, RemedyResult result,
      String resultLabel, LocalDate filedOn, LocalDate decidedOn, String note, String recordedBy,
      OffsetDateTime recordedAt) {}

  /** What staff enter: codes and ISO dates as text, checked here with Chinese messages. */
  @Schema(description = "针对案件的行政复议或行政诉讼（年度报告表四）")
  public record RemedyInput(
      @Schema(description = "类别：行政复议或行政诉讼（RemedyKind）") String kind,
      @Schema(description = "结果（RemedyResult）；尚未审结时为空") String result,
      @Schema(description = "申请或起诉日期（yyyy-MM-dd）", example = "2026-11-20") String filedOn,
      @Schema(description = "决定或判决日期（yyyy-MM-dd）；尚未审结时为空") String decidedOn,
      @Schema(description = "备注") String note) {}

  private record CaseRef(long id, String caseNumber, LocalDate receivedOn) {}

  private record Valid(RemedyKind kind, RemedyResult result, LocalDate filedOn, LocalDate decidedOn, String note) {}

  /** Records a remedy against the agency's case; 404 for an unknown case, 400 for invalid input. */
  @Transactional
  public CaseRemedy record(Agency agency, String caseNumber, RemedyInput input, String user) {
    CaseRef c = findCase(agency, caseNumber);
    Valid v = validate(input, c, ReportYear.today());
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("INSERT INTO gk_case_remedy (case_id, kind, result, filed_on, decided_on, note, recorded_by, recorded_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(c.id(), v.kind().name(), v.result().name(), v.filedOn(), v.decidedOn(), v.note(), user,
            OffsetDateTime.now(ReportYear.BEIJING))
        .update(keys, "id");
    return get(c, keys.getKeyAs(Number.class).longValue());
  }

  /** Replaces a remedy's recorded state, typically when a pending one is decided. */
  @Transactional
  public CaseRemedy update(Agency agency, String caseNumber, long remedyId, RemedyInput input, String user) {
    CaseRef c = findCase(agency, caseNumber);
    get(c, remedyId);
    Valid v = validate(input, c, ReportYear.today());
    jdbc.sql("UPDATE gk_case_remedy SET kind = ?, result = ?, filed_on = ?, decided_on = ?, note = ?,"
            + " recorded_by = ?, recorded_at = ? WHERE id = ? AND case_id = ?")
        .params(v.kind().name(), v.result().name(), v.filedOn(), v.decidedOn(), v.note(), user,
            OffsetDateTime.now(ReportYear.BEIJING), remedyId, c.id())
        .update();
    return get(c, remedyId);
  }

  /** The case's remedies, oldest first. */
  public List<CaseRemedy> list(Agency agency, String caseNumber) {
    CaseRef c = findCase(agency, caseNumber);
    return jdbc.sql("SELECT * FROM gk_case_remedy WHERE case_id = ? ORDER BY filed_on, id")
        .param(c.id())
        .query((rs, n) -> row(c, rs))
        .list();
  }

  private CaseRemedy get(CaseRef c, long remedyId) {
    return jdbc.sql("SELECT * FROM gk_case_remedy WHERE id = ? AND case_id = ?")
        .params(remedyId, c.id())
        .query((rs, n) -> row(c, rs))
        .optional()
        .orElseThrow(() -> new NotFoundException("该案件没有编号为 " + remedyId + " 的复议或诉讼记录"));
  }

  private static CaseRemedy row(CaseRef c, ResultSet rs) throws SQLException {
    RemedyKind kind = RemedyKind.valueOf(rs.getString("kind"));
    RemedyResult result = RemedyResult.valueOf(rs.getString("result"));
    return new CaseRemedy(rs.getLong("id"), c.caseNumber(), kind, kind.label(), result, result.label(),
        rs.getObject("filed_on", LocalDate.class), rs.getObject("decided_on", LocalDate.class), rs.getString("note"),
        rs.getString("recorded_by"),
        rs.getObject("recorded_at", OffsetDateTime.class).atZoneSameInstant(ReportYear.BEIJING).toOffsetDateTime());
  }

  private CaseRef findCase(Agency agency, String caseNumber) {
    return jdbc.sql("SELECT id, case_number, received_on FROM gk_disclosure_case WHERE agency_code = ? AND case_number = ?")
        .params(agency.code(), caseNumber)
        .query((rs, n) -> new CaseRef(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class)))
        .optional()
        .orElseThrow(() -> new NotFoundException("案件不存在：" + caseNumber));
  }

  private static Valid validate(RemedyInput in, CaseRef c, LocalDate today) {
    List<FieldProblem> problems = new ArrayList<>();
    RemedyInput input = in == null ? new RemedyInput(null, null, null, null, null) : in;
    RemedyKind kind = null;
    if (blank(input.kind())) {
      problems.add(new FieldProblem("kind", "请填写救济类型"));
    } else {
      kind = RemedyKind.of(input.kind()).orElse(null);
      if (kind == null) {
        problems.add(new FieldProblem("kind", "救济类型应为 RECONSIDERATION（行政复议）、LAWSUIT_DIRECT（未经复议直接起诉）"
            + "或 LAWSUIT_AFTER_RECONSIDERATION（复议后起诉）"));
      }
    }
    RemedyResult result = null;
    if (blank(input.result())) {
      problems.add(new FieldProblem("result", "请填写审理结果"));
    } else {
      result = RemedyResult.of(input.result()).orElse(null);
      if (result == null) {
        problems.add(new FieldProblem("result",
            "审理结果应为 UPHELD（维持）、CORRECTED（纠正）、OTHER（其他）或 PENDING（尚未审结）"));
      }
    }
    LocalDate filedOn = date(input.filedOn(), "filedOn", problems);
    if (blank(input.filedOn())) {
      problems.add(new FieldProblem("filedOn", "请填写申请复议或起诉的日期"));
    } else if (filedOn != null) {
      if (filedOn.isAfter(today)) {
        problems.add(new FieldProblem("filedOn", "申请复议或起诉的日期不能晚于今天"));
      } else if (filedOn.isBefore(c.receivedOn())) {
        problems.add(new FieldProblem("filedOn",
            "申请复议或起诉的日期不能早于该政府信息公开申请的收到日期 " + c.receivedOn()));
      }
    }
    LocalDate decidedOn = date(input.decidedOn(), "decidedOn", problems);
    if (result == RemedyResult.PENDING && !blank(input.decidedOn())) {
      problems.add(new FieldProblem("decidedOn", "尚未审结的不能填写审结日期"));
    } else if (result != null && result != RemedyResult.PENDING && blank(input.decidedOn())) {
      problems.add(new FieldProblem("decidedOn", "已审结的须填写审结日期"));
    } else if (decidedOn != null) {
      if (decidedOn.isAfter(today)) {
        problems.add(new FieldProblem("decidedOn", "审结日期不能晚于今天"));
      } else if (filedOn != null && decidedOn.isBefore(filedOn)) {
        problems.add(new FieldProblem("decidedOn", "审结日期不能早于申请复议或起诉的日期"));
      }
    }
    String note = blank(input.note()) ? null : input.note().strip();
    if (note != null && note.length() > 1000) {
      problems.add(new FieldProblem("note", "备注不能超过 1000 字"));
    }
    if (!problems.isEmpty()) {
      throw new BadRequestException(problems);
    }
    return new Valid(kind, result, filedOn, decidedOn, note);
  }

  private static LocalDate date(String text, String field, List<FieldProblem> problems) {
    if (blank(text)) {
      return null;
    }
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      problems.add(new FieldProblem(field, "日期格式应为 YYYY-MM-DD，例如 2025-03-01"));
      return null;
    }
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}

package cn.gongkai.imports;

import cn.gongkai.GongkaiApplication;
import cn.gongkai.agency.Agency;
import cn.gongkai.calendar.WorkingDayCalendar;
import cn.gongkai.request.CaseEvent;
import cn.gongkai.request.CaseRegister;
import cn.gongkai.request.ClockSettings;
import cn.gongkai.web.BadRequestException;
import cn.gongkai.web.BadRequestException.FieldProblem;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports an office's earlier requests into the case register as closed cases with their facts (no process
 * instance), so that the annual report covers the whole year. All or nothing: one bad cell refuses the file.
 */
@Service
public class CaseImport {

  static final ZoneId BEIJING = ZoneId.of(GongkaiApplication.ZONE);
  /** Problems listed in one answer at most; the count says how many there were. */
  static final int MAX_LISTED = 200;

  private final JdbcClient jdbc;
  private final CaseRegister register;
  private final ClockSettings settings;
  private final WorkingDayCalendar calendar;

  CaseImport(JdbcClient jdbc, CaseRegister register, ClockSettings settings, WorkingDayCalendar calendar) {
    this.jdbc = jdbc;
    this.register = register;
    this.settings = settings;
    this.calendar = calendar;
  }

  /** One imported case: the file's row, the number gongkai gave it, the office's own number. */
  public record ImportedRow(int row, String caseNumber, String sourceNumber) {}

  /** What an import wrote. */
  public record Result(long importId, String agency, String fileName, int imported, List<ImportedRow> cases) {}

  /**
   * Checks every row of the file and, when none is refused, writes all its cases in one transaction; else
   * throws 400 listing every problem ({@code 第5行“答复日期”：…}) and writes nothing.
   */
  @Transactional
  public Result importCases(Agency agency, String fileName, byte[] content, String user) {
    OffsetDateTime now = OffsetDateTime.now(BEIJING);
    LocalDate today = now.toLocalDate();
    ImportSheet sheet = ImportSheet.read(content);
    List<ImportProblem> problems = new ArrayList<>(sheet.problems());
    if (problems.stream().anyMatch(p -> p.row() <= 1)) {
      throw refused(problems);
    }
    String sha256 = sha256(content);
    jdbc.sql("SELECT imported_at, imported_by, case_count FROM gk_case_import WHERE agency_code = ? AND sha256 = ?")
        .params(agency.code(), sha256)
        .query((rs, n) -> "该文件已于" + rs.getObject(1, OffsetDateTime.class).atZoneSameInstant(BEIJING).toLocalDate()
            + "由" + rs.getString(2) + "导入（" + rs.getInt(3) + "件），不再重复导入")
        .optional()
        .ifPresent(message -> problems.add(ImportProblem.ofFile(message)));

    ImportRowParser parser = new ImportRowParser(today, settings.maxExtensionWorkingDays(),
        (received, extension) -> calendar.deadline(received, settings.replyWorkingDays() + extension).due());
    List<ImportedCase> cases = new ArrayList<>();
    for (ImportRow row : sheet.rows()) {
      parser.parse(row, problems).ifPresent(cases::add);
    }
    checkDuplicates(agency, cases, problems);
    checkLockedYears(agency, cases, problems);
    if (!problems.isEmpty()) {
      throw refused(problems);
    }
    try {
      return write(agency, fileName, sha256, cases, user, now);
    } catch (DuplicateKeyException concurrentImport) {
      // the same file or 原编号 written by an import running at the same time: this one rolls back whole
      throw refused(List.of(ImportProblem.ofFile("另一次导入正在写入相同的文件或原编号，本次未导入任何案件，请稍后核对后重新导入")));
    }
  }

  /** A 原编号 or a request (same applicant, day and content) already in the file or the register. */
  private void checkDuplicates(Agency agency, List<ImportedCase> cases, List<ImportProblem> problems) {
    Map<String, String> knownNumbers = new HashMap<>();
    jdbc.sql("SELECT source_number, case_number FROM gk_disclosure_case WHERE agency_code = ?"
            + " AND source_number IS NOT NULL")
        .param(agency.code())
        .query((rs, n) -> knownNumbers.put(rs.getString(1), rs.getString(2)))
        .list();
    Map<String, String> knownRequests = new HashMap<>();
    Optional<LocalDate> first = cases.stream().map(c -> c.request().receivedOn()).min(Comparator.naturalOrder());
    Optional<LocalDate> last = cases.stream().map(c -> c.request().receivedOn()).max(Comparator.naturalOrder());
    if (first.isPresent()) {
      jdbc.sql("SELECT case_number, id_number, received_on, description FROM gk_disclosure_case"
              + " WHERE agency_code = ? AND received_on >= ? AND received_on <= ?")
          .params(agency.code(), first.get(), last.get())
          .query((rs, n) -> knownRequests.putIfAbsent(requestKey(rs.getString(2), rs.getObject(3, LocalDate.class),
              rs.getString(4)), rs.getString(1)))
          .list();
    }
    Map<String, Integer> numbersInFile = new HashMap<>();
    Map<String, Integer> requestsInFile = new HashMap<>();
    for (ImportedCase c : cases) {
      if (c.sourceNumber() != null) {
        if (knownNumbers.containsKey(c.sourceNumber())) {
          problems.add(new ImportProblem(c.row(), ImportColumn.SOURCE_NUMBER, "原编号“" + c.sourceNumber()
              + "”已导入过（案号" + knownNumbers.get(c.sourceNumber()) + "）"));
        } else if (numbersInFile.putIfAbsent(c.sourceNumber(), c.row()) != null) {
          problems.add(new ImportProblem(c.row(), ImportColumn.SOURCE_NUMBER, "原编号“" + c.sourceNumber()
              + "”与第" + numbersInFile.get(c.sourceNumber()) + "行重复"));
        }
      }
      String key = requestKey(c.request().idNumber(), c.request().receivedOn(), c.request().description());
      if (knownRequests.containsKey(key)) {
        problems.add(new ImportProblem(c.row(), ImportColumn.DESCRIPTION, "与已登记的案件" + knownRequests.get(key)
            + "重复（同一申请人、同一天收到、内容相同）"));
      } else if (requestsInFile.putIfAbsent(key, c.row()) != null) {
        problems.add(new ImportProblem(c.row(), ImportColumn.DESCRIPTION, "与第" + requestsInFile.get(key)
            + "行重复（同一申请人、同一天收到、内容相同）"));
      }
    }
  }

  private static String requestKey(String idNumber, LocalDate receivedOn, String description) {
    return Objects.toString(idNumber, "").toUpperCase() + "|" + receivedOn + "|" + Objects.toString(description, "");
  }

  /**
   * A locked year's report is published and frozen (Reg. Art. 50): a case received or concluded in it, or
   * carried through it, would change figures that can no longer change.
   */
  private void checkLockedYears(Agency agency, List<ImportedCase> cases, List<ImportProblem> problems) {
    List<Integer> locked = jdbc.sql("SELECT report_year FROM gk_annual_report_lock WHERE agency_code = ?"
            + " ORDER BY report_year")
        .param(agency.code())
        .query(Integer.class)
        .list();
    for (ImportedCase c : cases) {
      int from = c.request().receivedOn().getYear();
      int to = c.closedOn().getYear();
      locked.stream().filter(y -> y >= from && y <= to).findFirst().ifPresent(y -> problems.add(new ImportProblem(
          c.row(), from == y ? ImportColumn.RECEIVED_ON : c.repliedOn() != null ? ImportColumn.REPLIED_ON
              : ImportColumn.CLOSED_ON,
          y + "年度报告已锁定（已公布），不能再导入收到、办结或结转于该年度的案件")));
    }
  }

  private Result write(Agency agency, String fileName, String sha256, List<ImportedCase> cases, String user,
      OffsetDateTime now) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("INSERT INTO gk_case_import (agency_code, file_name, sha256, case_count, imported_by, imported_at)"
            + " VALUES (?, ?, ?, ?, ?, ?)")
        .params(agency.code(), fileName, sha256, cases.size(), user, now)
        .update(keys, "id");
    long importId = keys.getKeyAs(Number.class).longValue();
    List<ImportedRow> written = new ArrayList<>();
    for (ImportedCase c : cases) {
      // numbered in the year of receipt, as the office would have numbered it then
      CaseRegister.NumberedCase number = register.number(agency, c.request().receivedOn().getYear());
      GeneratedKeyHolder caseKeys = new GeneratedKeyHolder();
      var r = c.request();
      jdbc.sql("""
              INSERT INTO gk_disclosure_case (agency_code, case_number, case_year, case_seq, applicant_type,
                applicant_name, id_type, id_number, phone, address, email, channel, received_on, description,
                status, current_step, current_step_name, outcome, outcome_code, replied_on, archived_at,
                extension_working_days, reply_due_on, overdue, fee_amount, fee_paid_on, registered_at, registered_by,
                import_id, imported_at, imported_by, source_number)
              VALUES (:agency, :number, :year, :seq, :applicantType, :applicantName, :idType, :idNumber, :phone,
                :address, :email, :channel, :receivedOn, :description, 'CLOSED', NULL, '已归档', :outcome,
                :outcomeCode, :repliedOn, :archivedAt, :extension, :replyDueOn, :overdue, :fee, :feePaidOn, :now, :user,
                :importId, :now, :user, :sourceNumber)""")
          .param("agency", agency.code())
          .param("number", number.caseNumber())
          .param("year", number.year())
          .param("seq", number.seq())
          .param("applicantType", r.applicantType().name())
          .param("applicantName", r.applicantName())
          .param("idType", r.idType().name())
          .param("idNumber", r.idNumber())
          .param("phone", r.phone())
          .param("address", r.address())
          .param("email", r.email())
          .param("channel", r.channel().name())
          .param("receivedOn", r.receivedOn())
          .param("description", r.description())
          .param("outcome", c.outcome().name())
          .param("outcomeCode", c.exemption() == null ? null : c.exemption().name())
          .param("repliedOn", c.repliedOn())
          // the report concludes a case without reply on the Beijing date of archived_at
          .param("archivedAt", c.closedOn().atStartOfDay(BEIJING).toOffsetDateTime())
          .param("extension", c.extensionWorkingDays())
          .param("replyDueOn", c.replyDueOn())
          .param("overdue", c.overdue())
          .param("fee", c.feeAmount())
          .param("feePaidOn", c.feePaidOn())
          .param("now", now)
          .param("user", user)
          .param("importId", importId)
          .param("sourceNumber", c.sourceNumber())
          .update(caseKeys, "id");
      long caseId = caseKeys.getKeyAs(Number.class).longValue();
      register.recordEvent(caseId, new CaseEvent("Import_HistoricalCase", "导入历史案件", user, now,
          c.outcome().name(), "由文件“" + fileName + "”第" + c.row() + "行导入"
              + (c.sourceNumber() == null ? "" : "，原编号" + c.sourceNumber())));
      written.add(new ImportedRow(c.row(), number.caseNumber(), c.sourceNumber()));
    }
    return new Result(importId, agency.code(), fileName, written.size(), written);
  }

  /** 400 with every problem, row by row; the first {@value #MAX_LISTED} listed, the count of the rest added. */
  static BadRequestException refused(List<ImportProblem> problems) {
    List<ImportProblem> sorted = problems.stream()
        .sorted(Comparator.comparingInt(ImportProblem::row)
            .thenComparing(p -> p.column() == null ? -1 : p.column().ordinal()))
        .toList();
    List<FieldProblem> listed = new ArrayList<>(sorted.stream().limit(MAX_LISTED)
        .map(p -> new FieldProblem(p.field(), p.text()))
        .toList());
    if (sorted.size() > MAX_LISTED) {
      listed.add(new FieldProblem("file", "另有" + (sorted.size() - MAX_LISTED) + "处错误未列出，请修改以上错误后重新导入"));
    }
    return new BadRequestException(listed);
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  static Map<String, Object> describe(Result result) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("importId", result.importId());
    json.put("agency", result.agency());
    json.put("fileName", result.fileName());
    json.put("imported", result.imported());
    json.put("cases", result.cases());
    return json;
  }
}

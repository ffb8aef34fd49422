package cn.gongkai.request;

import cn.gongkai.calendar.Deadline;
import cn.gongkai.request.internal.ReplyClock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The register record as the API and the case page show it, with the reply deadline explained. */
@Component
public class CaseView {

  private final ReplyClock clock;
  private final ClockSettings settings;
  private final CaseRegister register;
  private final JdbcClient jdbc;

  CaseView(ReplyClock clock, ClockSettings settings, CaseRegister register, JdbcClient jdbc) {
    this.clock = clock;
    this.settings = settings;
    this.register = register;
    this.jdbc = jdbc;
  }

  /** An earlier case imported from a file (no process): who imported it when, the office's own number. */
  public record ImportMark(OffsetDateTime importedAt, String importedBy, String sourceNumber,
      String fileName) {}

  /** The import mark of the case, empty for a case registered in gongkai. */
  public Optional<ImportMark> importMark(long caseId) {
    return jdbc.sql("SELECT c.imported_at, c.imported_by, c.source_number, i.file_name FROM gk_disclosure_case c"
            + " LEFT JOIN gk_case_import i ON i.id = c.import_id WHERE c.id = ? AND c.imported_at IS NOT NULL")
        .param(caseId)
        .query((rs, n) -> new ImportMark(
            rs.getObject(1, OffsetDateTime.class).atZoneSameInstant(CaseRegister.BEIJING).toOffsetDateTime(),
            rs.getString(2), rs.getString(3), rs.getString(4)))
        .optional();
  }

  /** How the current reply deadline was computed, or null before the clock started. */
  public Deadline currentDeadline(DisclosureCase c) {
    return clock.statutoryDeadline(c);
  }

  /** JSON body of {@code GET /api/cases/{caseNumber}}; personal data masked. */
  public Map<String, Object> toJson(DisclosureCase full) {
    DisclosureCase c = full.masked();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("caseNumber", c.caseNumber());
    json.put("agency", c.agencyCode());
    json.put("status", c.status());
    json.put("statusLabel", c.status().label());
    Optional<ImportMark> imported = importMark(c.id());
    json.put("imported", imported.isPresent());
    json.put("importedAt", imported.map(ImportMark::importedAt).orElse(null));
    json.put("importedBy", imported.map(ImportMark::importedBy).orElse(null));
    json.put("sourceNumber", imported.map(ImportMark::sourceNumber).orElse(null));
    json.put("currentStep", c.currentStep());
    json.put("currentStepName", c.currentStepName());
    json.put("applicantType", c.applicantType());
    json.put("applicantName", c.applicantName());
    json.put("idType", c.idType());
    json.put("idNumber", c.idNumber());
    json.put("phone", c.phone());
    json.put("address", c.address());
    json.put("email", c.email());
    json.put("channel", c.channel());
    json.put("receivedOn", c.receivedOn());
    json.put("description", c.description());
    json.put("purpose", c.purpose());
    json.put("provisionForm", c.provisionForm());
    json.put("deliveryMethod", c.deliveryMethod());
    json.put("registeredAt", c.registeredAt());
    json.put("outcome", c.outcome());
    json.put("outcomeLabel", c.outcome() == null ? null : c.outcome().label());
    json.put("outcomeCode", c.outcomeCode());
    json.put("competentAgency", c.competentAgency());
    json.put("repliedOn", c.repliedOn());
    json.put("replyDeliveryMethod", c.replyDeliveryMethod());
    json.put("archivedAt", c.archivedAt());
    json.put("replyDueOn", c.replyDueOn());
    json.put("provisional", c.replyDueProvisional());
    json.put("overdue", c.overdue());
    json.put("extensionWorkingDays", c.extensionWorkingDays());
    Map<String, Object> pauses = new LinkedHashMap<>();
    pauses.put("pausedNow", c.pausedSince() != null);
    pauses.put("pausedSince", c.pausedSince());
    pauses.put("reason", c.pauseReason());
    pauses.put("reasonLabel", pauseLabel(c.pauseReason()));
    pauses.put("pausedWorkingDays", c.pausedWorkingDays());
    json.put("pauses", pauses);
    Deadline deadline = currentDeadline(full);
    json.put("explanation", explain(full, deadline));
    json.put("deadlineChanges", register.deadlineChanges(c.id()));
    json.put("fee", c.feeAmount() == null ? null
        : Map.of("amount", c.feeAmount(), "noticedOn", String.valueOf(c.feeNoticedOn()),
            "paidOn", String.valueOf(c.feePaidOn())));
    return json;
  }

  /** How the reply deadline came about, in Chinese: the statutory period, pauses, extension, the days counted. */
  public String explain(DisclosureCase c, Deadline deadline) {
    if (deadline == null) {
      return null;
    }
    StringBuilder text = new StringBuilder("答复期限自" + c.clockStartedOn() + "起算，法定" + settings.replyWorkingDays()
        + "个工作日（条例第三十三条第二款）");
    if (c.correctionCount() > 0) {
      text.append("，申请经补正，自收到补正申请之日重新计算（条例第三十条）");
    }
    if (c.pausedWorkingDays() > 0) {
      text.append("，征求意见或缴费期间不计算在内，顺延").append(c.pausedWorkingDays()).append("个工作日");
    }
    if (c.extensionWorkingDays() != null) {
      text.append("，经批准延期").append(c.extensionWorkingDays()).append("个工作日");
    }
    if (c.pausedSince() != null) {
      text.append("；目前计时暂停（").append(pauseLabel(c.pauseReason())).append("，自").append(c.pausedSince())
          .append("起）");
    }
    return text.append("。").append(deadline.explanation()).toString();
  }

  /** The reason a clock is paused, in Chinese. */
  public static String pauseLabel(String reason) {
    if (reason == null) {
      return null;
    }
    return switch (reason) {
      case "CORRECTION" -> "等待申请人补正";
      case "CONSULT_THIRD_PARTY" -> "征求第三方意见";
      case "CONSULT_AGENCY" -> "征求其他机关意见";
      case "FEE" -> "等待缴纳信息处理费";
      default -> reason;
    };
  }

  static List<String> staffRoles() {
    return List.of("intake", "handler", "reviewer", "legal", "leader", "supervisor", "admin");
  }
}

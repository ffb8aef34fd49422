package cn.gongkai.proposal;

import cn.gongkai.interpretation.DisclosureAttribute;
import java.time.LocalDate;

/** A suggestion or proposal as the register holds it. */
public record ProposalCase(
    long id,
    String agencyCode,
    String caseNumber,
    String processInstanceId,
    String status,
    ProposalKind kind,
    String proposalNumber,
    String sessionName,
    String submitter,
    String title,
    LocalDate receivedOn,
    String currentStep,
    String currentStepName,
    String currentGroup,
    String leadUnit,
    String jointUnits,
    LocalDate assignedOn,
    Integer answerWithinMonths,
    LocalDate answerDueOn,
    LocalDate remindedOn,
    boolean overdue,
    String replyDocumentNumber,
    String replySummary,
    HandlingResult handlingResult,
    LocalDate repliedOn,
    int returnCount,
    String reviewResult,
    String reviewComment,
    String reviewedBy,
    DisclosureAttribute disclosureAttribute,
    String disclosureReason,
    LocalDate answeredOn,
    LocalDate publishedOn,
    String publishedUrl) {

  public static final String OPEN = "OPEN";
  public static final String CLOSED = "CLOSED";

  /** Answered after the limit's last day (the day the approved reply was sent counts). */
  public boolean answeredLate() {
    return answeredOn != null && answerDueOn != null && answeredOn.isAfter(answerDueOn);
  }
}

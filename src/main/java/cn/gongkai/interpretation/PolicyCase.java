package cn.gongkai.interpretation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One policy document and its interpretation as the register holds them (gk_policy_case). The submission
 * fields are what the drafter submitted (start form or revision), written by no other step. A fact's day
 * ({@code ...On}) is the day it happened; {@code ...At} and {@code ...By} say who recorded it and when.
 */
public record PolicyCase(
    long id,
    String agencyCode,
    String caseNumber,
    String processInstanceId,
    String title,
    String documentNumber,
    String draftingDepartment,
    String firstInterpreter,
    DisclosureAttribute disclosureAttribute,
    String disclosureReason,
    String interpretationPlan,
    String interpretationMaterials,
    String interpretationForms,
    boolean publicInterest,
    LocalDate submittedOn,
    OffsetDateTime submittedAt,
    String submittedBy,
    int submissionCount,
    LocalDate resubmittedOn,
    LocalDate receivedOn,
    OffsetDateTime receivedAt,
    String receivedBy,
    int returnCount,
    OffsetDateTime lastReturnedAt,
    String lastReturnedStep,
    String lastReturnReason,
    LocalDate commentStartOn,
    LocalDate commentEndOn,
    Integer commentCount,
    String commentAdoption,
    String legalReviewResult,
    String legalReviewComment,
    OffsetDateTime legalReviewedAt,
    String legalReviewedBy,
    String secrecyReviewResult,
    String secrecyReviewComment,
    OffsetDateTime secrecyReviewedAt,
    String secrecyReviewedBy,
    String jointApprovalResult,
    String jointApprovalComment,
    LocalDate jointApprovedOn,
    OffsetDateTime jointApprovedAt,
    String jointApprovedBy,
    LocalDate policyPublishedOn,
    String policyUrl,
    String policyGazette,
    Integer publishWithinWorkingDays,
    LocalDate interpretationDueOn,
    boolean interpretationDueProvisional,
    LocalDate interpretationPublishedOn,
    String interpretationUrl,
    Boolean policyLinksInterpretation,
    Boolean interpretationLinksPolicy,
    PolicyCaseStatus status,
    String currentStep,
    String currentStepName,
    String currentGroup,
    String currentAssignee,
    boolean overdue,
    LocalDate overdueSince,
    OffsetDateTime archivedAt) {

  /** The day the pair now under way was submitted: the last resubmission, else the first submission. */
  public LocalDate lastSubmittedOn() {
    return resubmittedOn != null ? resubmittedOn : submittedOn;
  }

  /** The day the office received the pair (recorded before the day was kept: the recording's day). */
  public LocalDate receiptDay() {
    return receivedOn != null ? receivedOn : beijingDay(receivedAt);
  }

  /** The day the leader approved the pair (recorded before the day was kept: the recording's day). */
  public LocalDate jointApprovalDay() {
    return jointApprovedOn != null ? jointApprovedOn : beijingDay(jointApprovedAt);
  }

  /** The general office's 收文 check on what the drafter submitted, as the register holds it. */
  public List<String> missingItems() {
    return PolicySubmission.missingItems(interpretationPlan, interpretationMaterials, disclosureAttribute,
        disclosureReason, interpretationForms != null && !interpretationForms.isBlank());
  }

  private static LocalDate beijingDay(OffsetDateTime at) {
    return at == null ? null : at.atZoneSameInstant(PolicyRegister.BEIJING).toLocalDate();
  }
}

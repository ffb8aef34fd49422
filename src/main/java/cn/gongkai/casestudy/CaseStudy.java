package cn.gongkai.casestudy;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One row of the case-study register: a de-identified case proposed from a closed disclosure case. */
public record CaseStudy(
    long id,
    String agencyCode,
    String caseNumber,
    String processInstanceId,
    long sourceCaseId,
    String sourceCaseNumber,
    String outcome,
    String exemptionCode,
    String questionType,
    String requestSummary,
    String decisionSummary,
    String decisionReason,
    String legalBasis,
    String lessons,
    boolean proactiveReleaseProposed,
    String proactiveReleaseReason,
    String proactiveReleaseDecision,
    String proactiveReleaseComment,
    LocalDate proactiveReleasedOn,
    String proactiveReleaseUrl,
    LocalDate proposedOn,
    OffsetDateTime proposedAt,
    String proposedBy,
    LocalDate submittedOn,
    int submissionCount,
    Integer reviewWithinWorkingDays,
    LocalDate reviewDueOn,
    boolean reviewDueProvisional,
    LocalDate reviewedOn,
    String reviewResult,
    String reviewComment,
    String reviewedBy,
    int returnCount,
    OffsetDateTime remindedAt,
    boolean overdue,
    LocalDate overdueSince,
    LocalDate publishedOn,
    String publishedBy,
    String status,
    String currentStep,
    String currentStepName,
    String currentGroup,
    String currentAssignee) {

  public static final String OPEN = "OPEN";
  public static final String PUBLISHED = "PUBLISHED";
}

package cn.gongkai.portal;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** An online submission as the portal keeps it (personal data included: never shown on the public API). */
record Submission(
    long id,
    String submissionNumber,
    String querySalt,
    String queryHash,
    String agencyCode,
    String applicantType,
    String applicantName,
    String idType,
    String idNumber,
    String phone,
    String address,
    String email,
    String description,
    String purpose,
    String provisionForm,
    String deliveryMethod,
    OffsetDateTime submittedAt,
    LocalDate submittedOn,
    String processInstanceId,
    State state,
    Long caseId,
    LocalDate confirmedOn,
    String refusalReason,
    int failedAttempts,
    OffsetDateTime lockedUntil) {

  enum State { SUBMITTED, ACCEPTED, REFUSED }
}

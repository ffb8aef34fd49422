package cn.gongkai.request;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One row of the case register: a disclosure request with its applicant, dates, status and outcome. */
public record DisclosureCase(
    long id,
    String agencyCode,
    String caseNumber,
    String processInstanceId,
    ApplicantType applicantType,
    String applicantName,
    IdType idType,
    String idNumber,
    String phone,
    String address,
    String email,
    Channel channel,
    LocalDate receivedOn,
    String description,
    String purpose,
    ProvisionForm provisionForm,
    DeliveryMethod deliveryMethod,
    CaseStatus status,
    String currentStep,
    String currentStepName,
    Outcome outcome,
    String outcomeCode,
    String competentAgency,
    String handledBy,
    int correctionCount,
    OffsetDateTime registeredAt,
    String registeredBy,
    OffsetDateTime screenedAt,
    OffsetDateTime correctionNoticedAt,
    LocalDate correctedOn,
    OffsetDateTime handledAt,
    OffsetDateTime secrecyReviewedAt,
    OffsetDateTime legalReviewedAt,
    OffsetDateTime signedOffAt,
    LocalDate repliedOn,
    ReplyDeliveryMethod replyDeliveryMethod,
    LocalDate replyPostedOn,
    OffsetDateTime archivedAt,
    LocalDate replyDueOn,
    boolean replyDueProvisional,
    LocalDate clockStartedOn,
    LocalDate pausedSince,
    String pauseReason,
    int pausedWorkingDays,
    Integer extensionWorkingDays,
    BigDecimal feeAmount,
    LocalDate feeNoticedOn,
    LocalDate feePaidOn,
    boolean overdue,
    LocalDate overdueSince,
    LocalDate delayedReplyOn,
    LocalDate signedOffOn,
    LocalDate extensionApprovedOn,
    String replyTrackingNumber) {

  /**
   * The same record with the applicant's ID number, phone and address masked (5301**********1234), and a
   * natural person's name cut to its first character (张**).
   */
  public DisclosureCase masked() {
    return new DisclosureCase(id, agencyCode, caseNumber, processInstanceId, applicantType,
        PersonalData.maskName(applicantName, applicantType),
        idType, PersonalData.maskIdNumber(idNumber), PersonalData.maskPhone(phone),
        PersonalData.maskAddress(address), PersonalData.maskEmail(email), channel, receivedOn, description,
        purpose, provisionForm, deliveryMethod, status, currentStep, currentStepName, outcome, outcomeCode,
        competentAgency, handledBy, correctionCount, registeredAt, registeredBy, screenedAt, correctionNoticedAt,
        correctedOn, handledAt, secrecyReviewedAt, legalReviewedAt, signedOffAt, repliedOn, replyDeliveryMethod,
        replyPostedOn, archivedAt, replyDueOn, replyDueProvisional, clockStartedOn, pausedSince, pauseReason,
        pausedWorkingDays, extensionWorkingDays, feeAmount, feeNoticedOn, feePaidOn, overdue, overdueSince,
        delayedReplyOn, signedOffOn, extensionApprovedOn, replyTrackingNumber);
  }
}

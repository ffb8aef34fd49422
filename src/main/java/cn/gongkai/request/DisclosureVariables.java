package cn.gongkai.request;

import java.util.Set;

/**
 * The process variables of {@code disclosure-request}: few, primitive, referring to the register.
 * Form field keys must be among them (checked by the consistency test).
 */
public final class DisclosureVariables {

  public static final String CASE_ID = "caseId";
  public static final String CASE_NUMBER = "caseNumber";
  public static final String OUTCOME = "outcome";
  public static final String CLOSING_OUTCOME = "closingOutcome";

  /** The referral process (转办, {@code request-referral}) and its variables: shown number and agency, the day confirmed. */
  public static final String REFERRAL_PROCESS_KEY = "request-referral";

  public static final Set<String> REFERRAL = Set.of("referredCaseNumber", "referringAgencyName",
      "referralReceivedOn", "caseNumber");

  /** Every variable the process, its delegates or its forms read or write. */
  public static final Set<String> ALL = Set.of(
      // start form (personal data ones are moved into the register and removed, see PersonalData)
      "applicantType", "applicantName", "idType", "idNumber", "phone", "address", "email", "channel",
      "receivedOn", "description", "purpose", "provisionForm", "deliveryMethod",
      // online submission (applicant portal) and its confirmation (条例第三十一条)
      "submissionNumber", "submittedOn", "idProofAttached", "onlineRequestDecision", "refusalReason",
      // register
      CASE_ID, CASE_NUMBER, "applicantNameMasked",
      // screening and correction
      "screeningDecision", CLOSING_OUTCOME, "screeningComment", "correctionItems", "correctionNoticeDeliveredOn",
      "correctedOn", "correctedDescription", "volumeReasonsDecision", "volumeReasons", "delayedReplyOn",
      // handling
      OUTCOME, "exemptionCode", "competentAgency", "decisionReason", "provisionGuidance", "decisionArticles",
      "nextAction", "releasesInformation",
      "withholdsInformation", "consultedParty", "consultationSentOn", "thirdPartyAnswer", "thirdPartyOpinion",
      "agencyAnswer", "agencyOpinion", "answerReceivedOn", "extensionReason", "extensionDecision",
      "extensionWorkingDays", "extensionApprovedOn", "extensionNoticeSentOn", "feeBasis", "feeQuantity", "feeAmount",
      "feeNoticeDeliveredOn", "feePaidOn",
      // reviews, sign-off, reply
      "secrecyReviewResult", "secrecyReviewComment", "legalReviewResult", "legalReviewComment", "signOffResult",
      "signOffComment", "signedOn", "returnedMarks", "replyDeliveryMethod", "repliedOn", "postedOn", "trackingNumber",
      "supervisionComment",
      // letters
      "currentLetterId", "currentLetterName", "replyLetterId",
      // clock
      "replyDueOn", "replyDueProvisional", "replyReminderAt", "replyOverdueAt", "correctionDueAt",
      "consultationDueAt", "feeDueAt", "overdue");

  private DisclosureVariables() {}
}

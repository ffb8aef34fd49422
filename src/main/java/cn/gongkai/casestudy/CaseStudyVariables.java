package cn.gongkai.casestudy;

import java.util.Set;

/**
 * The process variables of {@code disclosure-case-study}: few, referring to the register. The texts are the
 * de-identified case study itself, checked free of personal data before anything is stored. Form field keys
 * must be among them (checked by the consistency test).
 */
public final class CaseStudyVariables {

  public static final String PROCESS_KEY = "disclosure-case-study";
  public static final String PROCESS_NAME = "依申请公开案例入库";

  public static final String CASE_STUDY_ID = "caseStudyId";
  public static final String CASE_NUMBER = "caseNumber";
  /** The start form's only field: the closed disclosure case's number (or its process instance id). */
  public static final String SOURCE_CASE_NUMBER = "sourceCaseNumber";

  // prefilled from the source case's decision
  public static final String OUTCOME = "outcome";
  public static final String OUTCOME_LABEL = "outcomeLabel";
  public static final String EXEMPTION_CODE = "exemptionCode";
  public static final String EXEMPTION_LABEL = "exemptionLabel";

  // the de-identified case study
  public static final String QUESTION_TYPE = "questionType";
  public static final String REQUEST_SUMMARY = "requestSummary";
  public static final String DECISION_SUMMARY = "decisionSummary";
  public static final String DECISION_REASON = "decisionReason";
  public static final String LEGAL_BASIS = "legalBasis";
  public static final String LESSONS = "lessons";
  public static final String PROACTIVE_RELEASE_PROPOSED = "proactiveReleaseProposed";
  public static final String PROACTIVE_RELEASE_REASON = "proactiveReleaseReason";

  // the review clock
  public static final String REVIEW_DUE_ON = "reviewDueOn";
  public static final String REVIEW_REMIND_AT = "reviewRemindAt";
  public static final String REVIEW_OVERDUE_AT = "reviewOverdueAt";
  public static final String OVERDUE = "overdue";

  // decisions
  public static final String REVIEW_RESULT = "reviewResult";
  public static final String REVIEW_COMMENT = "reviewComment";
  public static final String PROACTIVE_RELEASE_DECISION = "proactiveReleaseDecision";
  public static final String PROACTIVE_RELEASE_COMMENT = "proactiveReleaseComment";
  public static final String PROACTIVE_RELEASED_ON = "proactiveReleasedOn";
  public static final String PROACTIVE_RELEASE_URL = "proactiveReleaseUrl";
  public static final String SUPERVISION_COMMENT = "supervisionComment";

  /** The texts of the case study, each checked for personal data, with their Chinese labels. */
  public static final java.util.Map<String, String> TEXTS = orderedTexts();

  /** Every variable the process, its delegates or its forms read or write. */
  public static final Set<String> ALL = Set.of(CASE_STUDY_ID, CASE_NUMBER, SOURCE_CASE_NUMBER, OUTCOME, OUTCOME_LABEL,
      EXEMPTION_CODE, EXEMPTION_LABEL, QUESTION_TYPE, REQUEST_SUMMARY, DECISION_SUMMARY, DECISION_REASON, LEGAL_BASIS,
      LESSONS, PROACTIVE_RELEASE_PROPOSED, PROACTIVE_RELEASE_REASON, REVIEW_DUE_ON, REVIEW_REMIND_AT,
      REVIEW_OVERDUE_AT, OVERDUE, REVIEW_RESULT, REVIEW_COMMENT, PROACTIVE_RELEASE_DECISION,
      PROACTIVE_RELEASE_COMMENT, PROACTIVE_RELEASED_ON, PROACTIVE_RELEASE_URL, SUPERVISION_COMMENT);

  private static java.util.Map<String, String> orderedTexts() {
    java.util.Map<String, String> texts = new java.util.LinkedHashMap<>();
    texts.put(REQUEST_SUMMARY, "申请内容概述");
    texts.put(DECISION_SUMMARY, "办理结果概述");
    texts.put(DECISION_REASON, "决定理由");
    texts.put(LEGAL_BASIS, "法律依据");
    texts.put(LESSONS, "经验与启示");
    texts.put(PROACTIVE_RELEASE_REASON, "转主动公开理由");
    return java.util.Collections.unmodifiableMap(texts);
  }

  private CaseStudyVariables() {}
}

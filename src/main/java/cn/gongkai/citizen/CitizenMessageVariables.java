package cn.gongkai.citizen;

import java.util.Set;

/**
 * The process variables of {@code citizen-message} (网民留言咨询办理): few, and never the citizen's contact data,
 * which stays in the register ({@link CitizenMessageRegister}).
 */
public final class CitizenMessageVariables {

  public static final String PROCESS_KEY = "citizen-message";

  public static final String CASE_NUMBER = "caseNumber";
  public static final String CHANNEL = "channel";
  public static final String RECEIVED_ON = "receivedOn";
  public static final String MESSAGE_TYPE = "messageType";
  public static final String SUBJECT = "subject";
  public static final String CONTENT = "content";
  public static final String PUBLICATION_AGREED = "publicationAgreed";
  public static final String ACCEPT_DUE_ON = "acceptDueOn";
  public static final String ACCEPT_OVERDUE_AT = "acceptOverdueAt";
  public static final String ACCEPT_DECISION = "acceptDecision";
  public static final String ACCEPTED = "accepted";
  public static final String ACCEPTED_ON = "acceptedOn";
  public static final String REFUSAL_REASON = "refusalReason";
  public static final String RESPONSIBLE_DEPARTMENT = "responsibleDepartment";
  public static final String LAST_RETURN_REASON = "lastReturnReason";
  public static final String ANSWER_DUE_ON = "answerDueOn";
  public static final String ANSWER_DUE_PROVISIONAL = "answerDueProvisional";
  public static final String ANSWER_OVERDUE_AT = "answerOverdueAt";
  public static final String ANSWER_DECISION = "answerDecision";
  public static final String ANSWER_TEXT = "answerText";
  public static final String ANSWERED_ON = "answeredOn";
  public static final String RETURN_REASON = "returnReason";
  public static final String EXTENSION_REASON = "extensionReason";
  public static final String EXTENSION_DECISION = "extensionDecision";
  public static final String EXTENSION_WORKING_DAYS = "extensionWorkingDays";
  public static final String EXTENSION_APPROVED_ON = "extensionApprovedOn";
  public static final String REVIEW_DECISION = "reviewDecision";
  public static final String REVIEW_COMMENT = "reviewComment";
  public static final String PUBLISH_ANSWER = "publishAnswer";
  public static final String FEEDBACK_ON = "feedbackOn";
  public static final String FEEDBACK_METHOD = "feedbackMethod";
  public static final String PUBLISHED_ON = "publishedOn";
  public static final String PUBLISHED_URL = "publishedUrl";
  public static final String OVERDUE = "overdue";
  public static final String OVERDUE_STEP_NAME = "overdueStepName";
  public static final String OVERDUE_DUE_ON = "overdueDueOn";
  public static final String SUPERVISION_COMMENT = "supervisionComment";

  /** Every variable the process and its forms use. */
  public static final Set<String> ALL = Set.of(CASE_NUMBER, CHANNEL, RECEIVED_ON, MESSAGE_TYPE, SUBJECT, CONTENT,
      PUBLICATION_AGREED, ACCEPT_DUE_ON, ACCEPT_OVERDUE_AT, ACCEPT_DECISION, ACCEPTED, ACCEPTED_ON, REFUSAL_REASON,
      RESPONSIBLE_DEPARTMENT, LAST_RETURN_REASON, ANSWER_DUE_ON, ANSWER_DUE_PROVISIONAL, ANSWER_OVERDUE_AT,
      ANSWER_DECISION, ANSWER_TEXT, ANSWERED_ON, RETURN_REASON, EXTENSION_REASON, EXTENSION_DECISION,
      EXTENSION_WORKING_DAYS, EXTENSION_APPROVED_ON, REVIEW_DECISION, REVIEW_COMMENT, PUBLISH_ANSWER, FEEDBACK_ON,
      FEEDBACK_METHOD, PUBLISHED_ON, PUBLISHED_URL, OVERDUE, OVERDUE_STEP_NAME, OVERDUE_DUE_ON, SUPERVISION_COMMENT);

  private CitizenMessageVariables() {}
}

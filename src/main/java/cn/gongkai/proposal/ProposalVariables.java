package cn.gongkai.proposal;

import java.util.Set;

/** The process variables of {@code proposal-reply}: few, primitive, and the case itself lives in the register. */
public final class ProposalVariables {

  public static final String PROCESS_KEY = "proposal-reply";

  // set by the engine side
  public static final String CASE_ID = "caseId";
  public static final String CASE_NUMBER = "caseNumber";
  public static final String ANSWER_DUE_ON = "answerDueOn";
  public static final String ANSWER_REMIND_AT = "answerRemindAt";
  public static final String ANSWER_OVERDUE_AT = "answerOverdueAt";
  public static final String PUBLISHED_PROACTIVELY = "publishedProactively";

  // 登记 (start form)
  public static final String KIND = "proposalKind";
  public static final String NUMBER = "proposalNumber";
  public static final String SESSION = "sessionName";
  public static final String SUBMITTER = "submitter";
  public static final String TITLE = "proposalTitle";
  public static final String RECEIVED_ON = "receivedOn";

  // 交办
  public static final String LEAD_UNIT = "leadUnit";
  public static final String JOINT_UNITS = "jointUnits";
  public static final String ASSIGNED_ON = "assignedOn";

  // 办理复文
  public static final String REPLY_DOCUMENT_NUMBER = "replyDocumentNumber";
  public static final String REPLY_SUMMARY = "replySummary";
  public static final String HANDLING_RESULT = "handlingResult";
  public static final String REPLIED_ON = "repliedOn";

  // 审核及公开属性
  public static final String REVIEW_RESULT = "replyReviewResult";
  public static final String REVIEW_COMMENT = "replyReviewComment";
  public static final String DISCLOSURE_ATTRIBUTE = "disclosureAttribute";
  public static final String DISCLOSURE_REASON = "disclosureReason";

  // 公开发布
  public static final String PUBLISHED_ON = "replyPublishedOn";
  public static final String PUBLISHED_URL = "replyUrl";

  // 督办
  public static final String SUPERVISION_NOTE = "supervisionNote";

  public static final Set<String> ALL = Set.of(CASE_ID, CASE_NUMBER, ANSWER_DUE_ON, ANSWER_REMIND_AT,
      ANSWER_OVERDUE_AT, PUBLISHED_PROACTIVELY, KIND, NUMBER, SESSION, SUBMITTER, TITLE, RECEIVED_ON, LEAD_UNIT,
      JOINT_UNITS, ASSIGNED_ON, REPLY_DOCUMENT_NUMBER, REPLY_SUMMARY, HANDLING_RESULT, REPLIED_ON, REVIEW_RESULT,
      REVIEW_COMMENT, DISCLOSURE_ATTRIBUTE, DISCLOSURE_REASON, PUBLISHED_ON, PUBLISHED_URL, SUPERVISION_NOTE);

  private ProposalVariables() {}
}

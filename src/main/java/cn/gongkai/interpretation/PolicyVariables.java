package cn.gongkai.interpretation;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * The process variables of {@code policy-interpretation}: few, primitive, referring to the register.
 * Form field keys must be among them (checked by the consistency test).
 */
public final class PolicyVariables {

  public static final String PROCESS_KEY = "policy-interpretation";

  public static final String CASE_ID = "caseId";
  public static final String CASE_NUMBER = "caseNumber";
  public static final String SUBMITTED_ON = "submittedOn";

  // the submission (start form, revised on return)
  public static final String POLICY_TITLE = "policyTitle";
  public static final String DOCUMENT_NUMBER = "documentNumber";
  public static final String DRAFTING_DEPARTMENT = "draftingDepartment";
  public static final String FIRST_INTERPRETER = "firstInterpreter";
  public static final String DISCLOSURE_ATTRIBUTE = "disclosureAttribute";
  public static final String DISCLOSURE_REASON = "disclosureReason";
  public static final String INTERPRETATION_PLAN = "interpretationPlan";
  public static final String INTERPRETATION_MATERIALS = "interpretationMaterials";
  public static final String INTERPRET_OTHER_FORMS = "interpretOtherForms";
  public static final String PUBLIC_INTEREST = "publicInterest";
  public static final String REVISION_NOTE = "revisionNote";

  // the system's 收文 check and what it decides for the route
  public static final String MISSING_ITEMS = "missingItems";
  public static final String PUBLIC_COMMENT_REQUIRED = "publicCommentRequired";
  public static final String PUBLISHED_PROACTIVELY = "publishedProactively";

  // decisions
  public static final String RECEIPT_DECISION = "receiptDecision";
  public static final String RECEIPT_COMMENT = "receiptComment";
  public static final String RECEIVED_ON = "receivedOn";
  public static final String LEGAL_REVIEW_RESULT = "legalReviewResult";
  public static final String LEGAL_REVIEW_COMMENT = "legalReviewComment";
  public static final String SECRECY_REVIEW_RESULT = "secrecyReviewResult";
  public static final String SECRECY_REVIEW_COMMENT = "secrecyReviewComment";
  public static final String JOINT_APPROVAL_RESULT = "jointApprovalResult";
  public static final String JOINT_APPROVAL_COMMENT = "jointApprovalComment";
  public static final String JOINT_APPROVED_ON = "jointApprovedOn";
  public static final String RETURNED_FROM = "returnedFrom";
  public static final String RETURN_REASON = "returnReason";

  // public comment
  public static final String COMMENT_START_ON = "commentStartOn";
  public static final String COMMENT_END_ON = "commentEndOn";
  public static final String COMMENT_COUNT = "commentCount";
  public static final String COMMENT_ADOPTION = "commentAdoption";

  // publication and its clock
  public static final String POLICY_PUBLISHED_ON = "policyPublishedOn";
  public static final String POLICY_URL = "policyUrl";
  public static final String POLICY_GAZETTE = "policyGazette";
  public static final String INTERPRETATION_DUE_ON = "interpretationDueOn";
  public static final String INTERPRETATION_DUE_PROVISIONAL = "interpretationDueProvisional";
  public static final String INTERPRETATION_OVERDUE_AT = "interpretationOverdueAt";
  public static final String INTERPRETATION_PUBLISHED_ON = "interpretationPublishedOn";
  public static final String INTERPRETATION_URL = "interpretationUrl";
  public static final String POLICY_LINKS_INTERPRETATION = "policyLinksInterpretation";
  public static final String INTERPRETATION_LINKS_POLICY = "interpretationLinksPolicy";
  public static final String OVERDUE = "overdue";
  public static final String SUPERVISION_COMMENT = "supervisionComment";

  /** The decisions a resubmission clears, so that each pass is decided afresh. */
  public static final Set<String> DECISIONS = Set.of(RECEIPT_DECISION, RECEIPT_COMMENT, LEGAL_REVIEW_RESULT,
      LEGAL_REVIEW_COMMENT, SECRECY_REVIEW_RESULT, SECRECY_REVIEW_COMMENT, JOINT_APPROVAL_RESULT,
      JOINT_APPROVAL_COMMENT, RECEIVED_ON, JOINT_APPROVED_ON);

  /** Every variable the process, its delegates or its forms read or write. */
  public static final Set<String> ALL = all();

  private static Set<String> all() {
    Set<String> all = new HashSet<>(Set.of(CASE_ID, CASE_NUMBER, SUBMITTED_ON, POLICY_TITLE, DOCUMENT_NUMBER,
        DRAFTING_DEPARTMENT, FIRST_INTERPRETER, DISCLOSURE_ATTRIBUTE, DISCLOSURE_REASON, INTERPRETATION_PLAN,
        INTERPRETATION_MATERIALS, INTERPRET_OTHER_FORMS, PUBLIC_INTEREST, REVISION_NOTE, MISSING_ITEMS,
        PUBLIC_COMMENT_REQUIRED, PUBLISHED_PROACTIVELY, RETURNED_FROM, RETURN_REASON, COMMENT_START_ON,
        COMMENT_END_ON, COMMENT_COUNT, COMMENT_ADOPTION, POLICY_PUBLISHED_ON, POLICY_URL, POLICY_GAZETTE,
        INTERPRETATION_DUE_ON, INTERPRETATION_DUE_PROVISIONAL, INTERPRETATION_OVERDUE_AT,
        INTERPRETATION_PUBLISHED_ON, INTERPRETATION_URL, POLICY_LINKS_INTERPRETATION, INTERPRETATION_LINKS_POLICY,
        OVERDUE, SUPERVISION_COMMENT));
    all.addAll(DECISIONS);
    Arrays.stream(InterpretationForm.values()).map(InterpretationForm::variable).forEach(all::add);
    return Set.copyOf(all);
  }

  private PolicyVariables() {}
}

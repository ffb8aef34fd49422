package cn.gongkai.opinion;

import java.util.Set;

/** The process {@code public-opinion} and its variables (what its forms read and write). */
public final class OpinionVariables {

  public static final String PROCESS_KEY = "public-opinion";

  public static final String CASE_NUMBER = "caseNumber";
  public static final String SOURCE = "source";
  public static final String LINK = "link";
  public static final String SUMMARY = "summary";
  /** The day and the Beijing time of day the event was first seen (two fields: Tasklist has no time picker). */
  public static final String FIRST_SEEN_ON = "firstSeenOn";
  public static final String FIRST_SEEN_TIME = "firstSeenTime";
  public static final String FIRST_SEEN_TEXT = "firstSeenText";
  public static final String EVENT_LEVEL = "eventLevel";
  public static final String RESPONSIBLE_UNIT = "responsibleUnit";
  /** Timer dates (java.util.Date) and their Beijing wall-clock text for the forms. */
  public static final String RESPONSE_DUE_AT = "responseDueAt";
  public static final String RESPONSE_REMIND_AT = "responseRemindAt";
  public static final String PRESS_CONFERENCE_DUE_AT = "pressConferenceDueAt";
  public static final String PRESS_CONFERENCE_REMIND_AT = "pressConferenceRemindAt";
  public static final String RESPONSE_DUE_TEXT = "responseDueText";
  public static final String RESPONSE_TARGET_TEXT = "responseTargetText";
  public static final String PRESS_CONFERENCE_DUE_TEXT = "pressConferenceDueText";
  /** Facts the handler enters: the moment of the first response, the press conference, a further release. */
  public static final String RESPONDED_ON = "respondedOn";
  public static final String RESPONDED_TIME = "respondedTime";
  public static final String RESPONSE_URL = "responseUrl";
  public static final String PRESS_CONFERENCE_ON = "pressConferenceOn";
  public static final String PRESS_CONFERENCE_TIME = "pressConferenceTime";
  public static final String RELEASED_ON = "releasedOn";
  public static final String RELEASED_TIME = "releasedTime";
  public static final String RELEASE_URL = "releaseUrl";
  public static final String WORK_CONCLUDED = "workConcluded";
  /** Set by the overdue alarm: which limit passed unanswered. */
  public static final String OVERDUE = "overdue";
  public static final String OVERDUE_WHAT = "overdueWhat";
  public static final String SUPERVISION_COMMENT = "supervisionComment";
  /** 效果评估: the response time (h:mm) and lateness from the facts, the evaluator's verdict. */
  public static final String RESPONSE_TIME_TEXT = "responseTimeText";
  public static final String RESPONSE_LATE = "responseLate";
  public static final String EFFECT_RATING = "effectRating";
  public static final String RESPONSE_ADEQUATE = "responseAdequate";
  public static final String EVALUATION_COMMENT = "evaluationComment";
  public static final String ACCOUNTABILITY_REQUIRED = "accountabilityRequired";
  public static final String ACCOUNTABILITY_MEASURE = "accountabilityMeasure";
  public static final String ACCOUNTABLE_UNIT = "accountableUnit";
  public static final String ACCOUNTABILITY_REASON = "accountabilityReason";
  public static final String ACCOUNTABILITY_ON = "accountabilityOn";

  public static final Set<String> ALL = Set.of(CASE_NUMBER, SOURCE, LINK, SUMMARY, FIRST_SEEN_ON, FIRST_SEEN_TIME,
      FIRST_SEEN_TEXT, EVENT_LEVEL, RESPONSIBLE_UNIT, RESPONSE_DUE_AT, RESPONSE_REMIND_AT, PRESS_CONFERENCE_DUE_AT,
      PRESS_CONFERENCE_REMIND_AT, RESPONSE_DUE_TEXT, RESPONSE_TARGET_TEXT, PRESS_CONFERENCE_DUE_TEXT, RESPONDED_ON,
      RESPONDED_TIME, RESPONSE_URL, PRESS_CONFERENCE_ON, PRESS_CONFERENCE_TIME, RELEASED_ON, RELEASED_TIME,
      RELEASE_URL, WORK_CONCLUDED, OVERDUE, OVERDUE_WHAT, SUPERVISION_COMMENT, RESPONSE_TIME_TEXT, RESPONSE_LATE,
      EFFECT_RATING, RESPONSE_ADEQUATE, EVALUATION_COMMENT, ACCOUNTABILITY_REQUIRED, ACCOUNTABILITY_MEASURE,
      ACCOUNTABLE_UNIT, ACCOUNTABILITY_REASON, ACCOUNTABILITY_ON);

  private OpinionVariables() {}
}

package cn.gongkai.opinion;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One public-opinion event as the register holds it. Every {@code *At} fact is the moment it happened as
 * entered; who recorded it and when is kept apart. Lateness comes from these moments, never from a timer.
 */
public record OpinionEvent(
    long id,
    String agencyCode,
    String caseNumber,
    int caseYear,
    String processInstanceId,
    String source,
    String link,
    String summary,
    OffsetDateTime firstSeenAt,
    OffsetDateTime registeredAt,
    String registeredBy,
    OpinionLevel level,
    String responsibleUnit,
    OffsetDateTime responseTargetAt,
    OffsetDateTime responseDueAt,
    OffsetDateTime pressConferenceDueAt,
    OffsetDateTime firstResponseAt,
    String firstResponseUrl,
    OffsetDateTime firstResponseRecordedAt,
    String firstResponseRecordedBy,
    OffsetDateTime pressConferenceAt,
    int releaseCount,
    OffsetDateTime lastReleaseAt,
    int reminderCount,
    boolean supervised,
    String effectRating,
    Boolean responseAdequate,
    String evaluationComment,
    String accountabilityMeasure,
    String accountableUnit,
    String accountabilityReason,
    LocalDate accountabilityOn,
    String status,
    String currentStep,
    String currentStepName,
    String currentGroup) {

  /**
   * The first response came after its limit, or, unanswered, the limit has come by {@code now} (a response at the
   * limit itself is on time; none by then is overdue).
   */
  public boolean responseLate(OffsetDateTime now) {
    return responseDueAt != null
        && (firstResponseAt != null ? firstResponseAt.isAfter(responseDueAt) : !now.isBefore(responseDueAt));
  }

  /** The 3-hour target was met (特别重大/重大, answered within it); null when no target applies or unanswered. */
  public Boolean responseTargetMet() {
    return responseTargetAt == null || firstResponseAt == null ? null : !firstResponseAt.isAfter(responseTargetAt);
  }

  /** The press conference came after its limit (or, not held, the limit has passed by {@code now}). */
  public boolean pressConferenceLate(OffsetDateTime now) {
    return pressConferenceDueAt != null
        && (pressConferenceAt != null ? pressConferenceAt.isAfter(pressConferenceDueAt)
            : !now.isBefore(pressConferenceDueAt));
  }

  /** Late on any clock, from the facts' moments. */
  public boolean late(OffsetDateTime now) {
    return responseLate(now) || pressConferenceLate(now);
  }

  /** From first seen to first response, hours:minutes (null while unanswered). */
  public String responseTime() {
    return OpinionClock.hoursMinutes(firstSeenAt, firstResponseAt);
  }

  public boolean open() {
    return "OPEN".equals(status);
  }
}

package cn.gongkai.request;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A step done on a case: which, who recorded it and when ({@code occurredAt} is the recording time),
 * what was decided, and the day the fact itself happened ({@code factOn}, null for a step without one).
 */
public record CaseEvent(String stepKey, String stepName, String actor, OffsetDateTime occurredAt, String decision,
    String comment, LocalDate factOn) {

  /** A step with no dated fact of its own. */
  public CaseEvent(String stepKey, String stepName, String actor, OffsetDateTime occurredAt, String decision,
      String comment) {
    this(stepKey, stepName, actor, occurredAt, decision, comment, null);
  }
}

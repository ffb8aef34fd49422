package cn.gongkai.interpretation;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A step done on a policy case: which, who recorded it and when ({@code recordedAt}), the day of the fact it
 * records ({@code factOn}, null for a step that records no dated fact), and what was decided.
 */
public record PolicyEvent(String stepKey, String stepName, String actor, OffsetDateTime recordedAt,
    LocalDate factOn, String decision, String comment) {

  /** A step that records no dated fact of its own. */
  public PolicyEvent(String stepKey, String stepName, String actor, OffsetDateTime recordedAt, String decision,
      String comment) {
    this(stepKey, stepName, actor, recordedAt, null, decision, comment);
  }
}

package cn.gongkai.interpretation;

import java.time.OffsetDateTime;

/** A step done on a policy case: which, by whom, when, and what was decided. */
public record PolicyEvent(String stepKey, String stepName, String actor, OffsetDateTime occurredAt, String decision,
    String comment) {}

package cn.gongkai.request;

import java.time.OffsetDateTime;

/** A step done on a case: which, by whom, when, and what was decided. */
public record CaseEvent(String stepKey, String stepName, String actor, OffsetDateTime occurredAt, String decision,
    String comment) {}

package cn.gongkai.proposal;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One step of a case's history: who recorded it when, and the day of the fact it records (if any). */
public record ProposalEvent(String stepKey, String stepName, String actor, OffsetDateTime recordedAt,
    LocalDate factOn, String decision, String comment) {}

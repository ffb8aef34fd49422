package cn.gongkai.material;

import java.time.Instant;

/** One area removed from the released copy, with its exemption code, who marked it and its review. */
public record Mark(long id, long materialId, int page, float[] box, String text, String exemptionCode,
    String exemptionLabel, String markedBy, Instant markedAt, MarkState state, String returnReason,
    String reviewedBy, Instant reviewedAt) {}

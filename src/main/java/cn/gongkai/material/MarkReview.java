package cn.gongkai.material;

/** A reviewer's decision on one mark; a returned mark carries the reason. */
public record MarkReview(long markId, boolean approved, String reason) {}

package cn.gongkai.material;

/** A mark to make: a {@code page} and {@code box} [x, y, w, h], or a {@code text} (every occurrence), with a code. */
public record MarkRequest(Integer page, float[] box, String text, String exemptionCode) {}

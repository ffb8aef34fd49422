package cn.gongkai.material;

/** Personal data the detector found: where ({@code box} = [x, y, w, h] in PDF points) and what kind. */
public record Suggestion(int page, String text, SuggestionKind kind, float[] box) {}

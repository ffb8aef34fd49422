package cn.gongkai.letters;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Formats document numbers (文号) from the configured pattern, e.g. 楚政办公开否〔2026〕第3号. Numbers run per
 * agency, kind and year, so the pattern must name the kind's mark and the year, or two letters could carry
 * the same number ("标明便于区分的编号").
 */
final class DocumentNumberFormat {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");
  private static final Set<String> KNOWN = Set.of("agencyShort", "agencyCode", "kindMark", "year", "n");

  private final String pattern;
  private final Map<LetterKind, String> marks = new EnumMap<>(LetterKind.class);

  DocumentNumberFormat(String pattern, Map<LetterKind, String> markOverrides) {
    List<String> problems = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(pattern);
    Set<String> used = new HashSet<>();
    while (m.find()) {
      if (!KNOWN.contains(m.group(1))) {
        problems.add("未知的占位符 {" + m.group(1) + "}");
      }
      used.add(m.group(1));
    }
    for (String required : List.of("kindMark", "year", "n")) {
      if (!used.contains(required)) {
        problems.add("缺少占位符 {" + required + "}");
      }
    }
    Map<String, LetterKind> seen = new HashMap<>();
    for (LetterKind kind : LetterKind.values()) {
      String mark = markOverrides.getOrDefault(kind, kind.numberMark());
      if (mark == null || mark.isBlank()) {
        problems.add(kind.name() + " 的文号标识不能为空");
        continue;
      }
      LetterKind other = seen.put(mark, kind);
      if (other != null) {
        problems.add(other.name() + " 与 " + kind.name() + " 的文号标识相同（" + mark + "）");
      }
      marks.put(kind, mark);
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException("文号格式 gongkai.letters.number-pattern=" + pattern + " 无效："
          + String.join("；", problems) + "。可用占位符：{agencyShort} {agencyCode} {kindMark} {year} {n}");
    }
    this.pattern = pattern;
  }

  String format(String agencyShort, String agencyCode, LetterKind kind, int year, long n) {
    return pattern.replace("{agencyShort}", agencyShort)
        .replace("{agencyCode}", agencyCode)
        .replace("{kindMark}", marks.get(kind))
        .replace("{year}", Integer.toString(year))
        .replace("{n}", Long.toString(n));
  }
}

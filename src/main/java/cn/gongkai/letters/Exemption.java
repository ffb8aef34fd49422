package cn.gongkai.letters;

import java.util.Arrays;
import java.util.Optional;

/** The exemption codes of domain §3 (Reg. Art. 14-16, 36(7)) and the article each one relies on. */
enum Exemption {
  STATE_SECRET("第十四条", true),
  LAW_PROHIBITS("第十四条", true),
  SECURITY_STABILITY("第十四条", true),
  THIRD_PARTY("第十五条", true),
  INTERNAL_AFFAIRS("第十六条第一款", true),
  PROCESS_INFO("第十六条第二款", true),
  ENFORCEMENT_FILE("第十六条第二款", true),
  ADMIN_QUERY("第三十六条第七项", false);

  private final String article;
  private final boolean underArticles14To16;

  Exemption(String article, boolean underArticles14To16) {
    this.article = article;
    this.underArticles14To16 = underArticles14To16;
  }

  String article() {
    return article;
  }

  /** A refusal on these grounds must go to reconsideration first (行政复议法 2023 Art. 23 ¶1 (4)). */
  boolean underArticles14To16() {
    return underArticles14To16;
  }

  /**
   * Every code of a comma-separated list (a partial disclosure withholds parts on several grounds, one per
   * redaction mark); empty when any of them is unknown.
   */
  static Optional<java.util.List<Exemption>> allOf(String codes) {
    if (codes == null) {
      return Optional.empty();
    }
    java.util.List<Exemption> all = new java.util.ArrayList<>();
    for (String code : codes.split(",")) {
      Optional<Exemption> one = of(code.strip());
      if (one.isEmpty()) {
        return Optional.empty();
      }
      if (!all.contains(one.get())) {
        all.add(one.get());
      }
    }
    return Optional.of(all);
  }

  static Optional<Exemption> of(String code) {
    return Arrays.stream(values()).filter(e -> e.name().equals(code)).findFirst();
  }
}

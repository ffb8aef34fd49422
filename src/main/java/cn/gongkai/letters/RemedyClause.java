package cn.gongkai.letters;

/**
 * The remedy clause every reply must carry (Reg. Art. 51): reconsideration within 60 days, lawsuit within
 * 6 months; for a refusal under Art. 14-16 reconsideration comes first (行政复议法 2023 Art. 23) and the
 * letter says so. A letter without it lets the applicant's window stretch to a year.
 */
public final class RemedyClause {

  /** The reconsideration-first sentence; printed exactly for refusals and partial refusals under Art. 14-16. */
  public static final String RECONSIDERATION_FIRST =
      "根据《中华人民共和国行政复议法》第二十三条的规定，对不予公开政府信息的决定不服的，应当先申请行政复议；"
          + "对行政复议决定不服的，可以自收到行政复议决定书之日起十五日内依法向人民法院提起行政诉讼。";

  private RemedyClause() {}

  /** True when the letter must state that reconsideration comes first (any of comma-separated codes under 14-16). */
  public static boolean reconsiderationFirst(LetterKind kind, String exemptionCode) {
    return kind.needsExemption()
        && Exemption.allOf(exemptionCode).map(all -> all.stream().anyMatch(Exemption::underArticles14To16))
            .orElse(false);
  }

  /** The clause for that letter, naming the reconsideration body; empty for letters that carry none. */
  public static String text(LetterKind kind, String exemptionCode, String reconsiderationBody) {
    if (!kind.carriesRemedy()) {
      return "";
    }
    String noun = kind.remedyNoun();
    String reconsideration = "如对本" + noun + "不服，可以自收到本" + noun + "之日起六十日内向"
        + reconsiderationBody + "申请行政复议";
    if (!reconsiderationFirst(kind, exemptionCode)) {
      return reconsideration + "，或者自收到本" + noun + "之日起六个月内依法向人民法院提起行政诉讼。";
    }
    if (kind == LetterKind.PARTIAL) {
      return reconsideration + "；对本答复中予以公开部分的处理不服的，也可以自收到本答复之日起六个月内"
          + "依法向人民法院提起行政诉讼。" + RECONSIDERATION_FIRST;
    }
    return reconsideration + "。" + RECONSIDERATION_FIRST;
  }
}

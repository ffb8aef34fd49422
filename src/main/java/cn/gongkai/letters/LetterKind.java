package cn.gongkai.letters;

import static cn.gongkai.letters.LetterField.ARTICLES;
import static cn.gongkai.letters.LetterField.COMPETENT_AGENCY;
import static cn.gongkai.letters.LetterField.CONSULTATION_DUE;
import static cn.gongkai.letters.LetterField.CORRECTION_DUE;
import static cn.gongkai.letters.LetterField.CORRECTION_ITEMS;
import static cn.gongkai.letters.LetterField.DECISION;
import static cn.gongkai.letters.LetterField.EXTENDED_DUE;
import static cn.gongkai.letters.LetterField.FEE_AMOUNT;
import static cn.gongkai.letters.LetterField.FEE_BASIS;
import static cn.gongkai.letters.LetterField.FEE_DUE;
import static cn.gongkai.letters.LetterField.GUIDANCE;
import static cn.gongkai.letters.LetterField.REASONS;
import static cn.gongkai.letters.LetterField.REMEDY;
import static cn.gongkai.letters.LetterField.REPLY_DUE;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Every letter gongkai issues: one reply per outcome of domain §4 (the names are the fixed outcome
 * codes) and one per notice of domain §5. Each kind knows its title, the mark in its document number,
 * whom it is addressed to, whether it carries the remedy clause, and the articles it relies on by default.
 */
public enum LetterKind {
  // Replies (答复书), one per outcome; Reg. = 政府信息公开条例.
  ALREADY_PUBLIC("已主动公开答复书", "主", Audience.APPLICANT, "答复", Reg.of("第三十六条第一项"),
      Set.of(GUIDANCE), Set.of(GUIDANCE)),
  DISCLOSE("予以公开答复书", "予", Audience.APPLICANT, "答复", Reg.of("第三十六条第二项"),
      Set.of(GUIDANCE), Set.of(GUIDANCE)),
  PARTIAL("部分公开答复书", "部", Audience.APPLICANT, "答复", Reg.of("第三十七条"),
      Set.of(GUIDANCE, REASONS), Set.of(GUIDANCE, REASONS)),
  REFUSE("不予公开答复书", "否", Audience.APPLICANT, "答复", Reg.of("第三十六条第三项"),
      Set.of(REASONS), Set.of(REASONS)),
  NOT_EXIST("信息不存在答复书", "无", Audience.APPLICANT, "答复", Reg.of("第三十六条第四项"),
      Set.of(), Set.of()),
  NOT_THIS_AGENCY("非本机关负责公开答复书", "非", Audience.APPLICANT, "答复", Reg.of("第三十六条第五项"),
      Set.of(COMPETENT_AGENCY), Set.of()),
  NEEDS_CREATION("需另行制作答复书", "制", Audience.APPLICANT, "答复", Reg.of("第三十八条"),
      Set.of(), Set.of()),
  UNCLEAR_AFTER_CORRECTION("补正后仍不明确答复书", "明", Audience.APPLICANT, "答复", Reg.of("第三十条"),
      Set.of(), Set.of()),
  PETITION("信访投诉举报不予处理答复书", "访", Audience.APPLICANT, "答复", Reg.of("第三十九条第一款"),
      Set.of(GUIDANCE), Set.of(GUIDANCE)),
  REPEAT("重复申请不予处理答复书", "重", Audience.APPLICANT, "答复", Reg.of("第三十六条第六项"),
      Set.of(), Set.of()),
  PUBLICATION("公开出版物答复书", "版", Audience.APPLICANT, "答复", Reg.of("第三十九条第二款"),
      Set.of(GUIDANCE), Set.of(GUIDANCE)),
  UNREASONABLE_VOLUME("申请明显超过合理范围不予处理答复书", "量", Audience.APPLICANT, "答复", Reg.of("第三十五条"),
      Set.of(REASONS), Set.of(REASONS)),
  CONFIRM_REISSUE("要求确认或重新出具已获取信息答复书", "确", Audience.APPLICANT, "答复", null,
      Set.of(), Set.of(ARTICLES)),
  NO_CORRECTION("逾期未补正视为放弃申请告知书", "弃", Audience.APPLICANT, "答复", Reg.of("第三十条"),
      Set.of(), Set.of()),
  FEE_UNPAID("逾期未缴费视为放弃申请告知书", "缴", Audience.APPLICANT, "答复",
      Reg.of("第四十二条") + "、《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）",
      Set.of(), Set.of()),
  OTHER("其他处理答复书", "他", Audience.APPLICANT, "答复", null,
      Set.of(DECISION, REASONS), Set.of(DECISION, REASONS, ARTICLES)),

  // Notices (告知书、函).
  RECEIPT("收件回执", "收", Audience.APPLICANT, null, Reg.of("第三十一条、第三十三条"),
      Set.of(REPLY_DUE), Set.of(REPLY_DUE)),
  CORRECTION_NOTICE("补正告知书", "补", Audience.APPLICANT, null, Reg.of("第二十九条、第三十条"),
      Set.of(CORRECTION_ITEMS, CORRECTION_DUE), Set.of(CORRECTION_ITEMS, CORRECTION_DUE)),
  EXTENSION_NOTICE("延期答复告知书", "延", Audience.APPLICANT, null, Reg.of("第三十三条第二款"),
      Set.of(REASONS, EXTENDED_DUE), Set.of(REASONS, EXTENDED_DUE)),
  THIRD_PARTY_CONSULTATION("征求第三方意见书", "征", Audience.THIRD_PARTY, null, Reg.of("第三十二条"),
      Set.of(CONSULTATION_DUE), Set.of(CONSULTATION_DUE)),
  AGENCY_CONSULTATION("征求意见函", "函", Audience.AGENCY, null, Reg.of("第三十四条"),
      Set.of(CONSULTATION_DUE), Set.of(CONSULTATION_DUE)),
  FEE_NOTICE("收费通知书", "费", Audience.APPLICANT, "通知书",
      Reg.of("第四十二条") + "、《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）",
      Set.of(FEE_AMOUNT, FEE_BASIS, FEE_DUE), Set.of(FEE_AMOUNT, FEE_BASIS, FEE_DUE)),
  NOT_HANDLED_NOTICE("不予处理告知书", "处", Audience.APPLICANT, "告知书", Reg.of("第三十九条"),
      Set.of(REASONS), Set.of(REASONS));

  /** Whom a letter is addressed to. */
  public enum Audience {
    /** The applicant (申请人). */
    APPLICANT,
    /** A third party whose rights may be harmed (Reg. Art. 32). */
    THIRD_PARTY,
    /** An agency that co-produced the information (Reg. Art. 34). */
    AGENCY
  }

  private final String title;
  private final String numberMark;
  private final Audience audience;
  private final String remedyNoun;
  private final String defaultArticles;
  private final Set<LetterField> requiredTags;
  private final Set<LetterField> requiredData;

  LetterKind(
      String title,
      String numberMark,
      Audience audience,
      String remedyNoun,
      String defaultArticles,
      Set<LetterField> extraTags,
      Set<LetterField> extraData) {
    this.title = title;
    this.numberMark = numberMark;
    this.audience = audience;
    this.remedyNoun = remedyNoun;
    this.defaultArticles = defaultArticles;
    EnumSet<LetterField> tags = EnumSet.of(LetterField.AGENCY, LetterField.NUMBER, LetterField.ISSUED_ON,
        LetterField.ADDRESSEE, LetterField.ARTICLES);
    tags.addAll(extraTags);
    if (remedyNoun != null) {
      tags.add(REMEDY);
    }
    this.requiredTags = Set.copyOf(tags);
    this.requiredData = Set.copyOf(extraData);
  }

  /** The Chinese name of the document, e.g. 不予公开答复书. */
  public String title() {
    return title;
  }

  /** The default mark that tells this kind's numbers apart from other kinds' ({kindMark} in the pattern). */
  public String numberMark() {
    return numberMark;
  }

  public Audience audience() {
    return audience;
  }

  /** True for the replies that close a request (an outcome of domain §4), false for notices. */
  public boolean isOutcome() {
    return ordinal() <= OTHER.ordinal();
  }

  /** True when the letter must state the remedy (Reg. Art. 51): every outcome, the fee and not-handled notices. */
  public boolean carriesRemedy() {
    return remedyNoun != null;
  }

  /** How the remedy clause names this letter (答复, 通知书, 告知书); null when it carries none. */
  String remedyNoun() {
    return remedyNoun;
  }

  /** The articles relied on when the caller names none; null when the caller must name them. */
  String defaultArticles() {
    return defaultArticles;
  }

  /** True when the letter decides on a refusal and must name the exemption code (domain §3). */
  public boolean needsExemption() {
    return this == REFUSE || this == PARTIAL;
  }

  /** Tags every template of this kind must contain; a template without them is refused at load. */
  public Set<LetterField> requiredTags() {
    return requiredTags;
  }

  /** Fields of {@link LetterData} a caller must fill for this kind (beyond applicant, receipt and request). */
  public Set<LetterField> requiredData() {
    return requiredData;
  }

  /** The file name of this kind's template, e.g. {@code not-this-agency.docx}. */
  public String templateFile() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-') + ".docx";
  }

  /** Article references of the 2019 Regulations on Open Government Information. */
  static final class Reg {
    static final String NAME = "《中华人民共和国政府信息公开条例》";

    private Reg() {}

    static String of(String articles) {
      return NAME + articles;
    }
  }
}

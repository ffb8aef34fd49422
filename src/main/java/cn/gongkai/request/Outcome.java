package cn.gongkai.request;

/** How a request ended (domain §4); the codes are contracts shared with letters and the annual report. */
public enum Outcome implements Labelled {
  ALREADY_PUBLIC("已主动公开", "第三十六条第（一）项"),
  DISCLOSE("予以公开", "第三十六条第（二）项"),
  PARTIAL("部分公开", "第三十七条"),
  REFUSE("不予公开", "第三十六条第（三）项"),
  NOT_EXIST("信息不存在", "第三十六条第（四）项"),
  NOT_THIS_AGENCY("非本机关负责公开", "第三十六条第（五）项"),
  NEEDS_CREATION("需另行制作或加工分析", "第三十八条"),
  UNCLEAR_AFTER_CORRECTION("补正后申请内容仍不明确", "第三十条"),
  PETITION("信访投诉举报类申请，不予处理", "第三十九条"),
  REPEAT("重复申请，不予重复处理", "第三十六条第（六）项"),
  PUBLICATION("要求提供公开出版物，不予处理", "第三十九条"),
  UNREASONABLE_VOLUME("申请数量、频次明显超过合理范围，不予处理", "第三十五条"),
  CONFIRM_REISSUE("要求确认或重新出具已获取信息，不予处理", "第三十九条"),
  NO_CORRECTION("逾期未补正，视为放弃申请", "第三十条"),
  FEE_UNPAID("逾期未缴纳信息处理费，视为放弃申请", "国办函〔2020〕109号"),
  OTHER("其他处理", "");

  private final String label;
  private final String article;

  Outcome(String label, String article) {
    this.label = label;
    this.article = article;
  }

  @Override
  public String label() {
    return label;
  }

  /** The article of the Regulations on Open Government Information the outcome rests on. */
  public String article() {
    return article;
  }

  /** Releases information, so it must pass the secrecy review first (Art. 17, "先审查、后公开"). */
  public boolean releasesInformation() {
    return this == DISCLOSE || this == PARTIAL;
  }

  /** Withholds information on a ground of Art. 14-16: needs an exemption code and legal review. */
  public boolean withholds() {
    return this == REFUSE || this == PARTIAL;
  }

  /** Decided by the handling department after a search (办理), as opposed to at screening or by the clock. */
  public boolean decidedByHandler() {
    return switch (this) {
      case ALREADY_PUBLIC, DISCLOSE, PARTIAL, REFUSE, NOT_EXIST, NOT_THIS_AGENCY, NEEDS_CREATION, OTHER -> true;
      default -> false;
    };
  }

  /** Closes the case at screening with a notice (不予处理 or 无法提供 after correction). */
  public boolean decidedAtScreening() {
    return switch (this) {
      case PETITION, REPEAT, PUBLICATION, CONFIRM_REISSUE, UNCLEAR_AFTER_CORRECTION -> true;
      default -> false;
    };
  }
}

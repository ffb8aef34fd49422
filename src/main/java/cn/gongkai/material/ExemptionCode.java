package cn.gongkai.material;

import java.util.Arrays;
import java.util.Optional;

/** The exemption codes of domain §3 a mark may carry, with the label printed in the black box and the article. */
public enum ExemptionCode {
  STATE_SECRET("国家秘密", "第十四条"),
  LAW_PROHIBITS("法律法规禁止公开", "第十四条"),
  SECURITY_STABILITY("危及\u201c三安全一稳定\u201d", "第十四条"),
  THIRD_PARTY("商业秘密或个人隐私", "第十五条"),
  INTERNAL_AFFAIRS("内部事务信息", "第十六条第一款"),
  PROCESS_INFO("过程性信息", "第十六条第二款"),
  ENFORCEMENT_FILE("行政执法案卷", "第十六条第二款"),
  ADMIN_QUERY("行政查询事项", "第三十六条第七项");

  private final String label;
  private final String article;

  ExemptionCode(String label, String article) {
    this.label = label;
    this.article = article;
  }

  /** The Chinese name of the ground, printed in the redaction box. */
  public String label() {
    return label;
  }

  /** The article of the Regulations (条例) the ground rests on. */
  public String article() {
    return article;
  }

  /** The code of that name, if it is one. */
  public static Optional<ExemptionCode> of(String code) {
    return Arrays.stream(values()).filter(e -> e.name().equals(code)).findFirst();
  }
}

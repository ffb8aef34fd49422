package cn.gongkai.proposal;

import java.util.Arrays;
import java.util.Optional;

/**
 * 办理结果 as the handling unit classifies its reply, in the A/B/C categories the 人大/政协 offices use:
 * solved or adopted, planned, or explained.
 */
public enum HandlingResult {
  A("A类：所提问题已经解决或基本解决（采纳）"),
  B("B类：所提问题已列入计划逐步解决"),
  C("C类：因条件限制或其他原因暂时无法解决，已作说明解释");

  private final String label;

  HandlingResult(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static Optional<HandlingResult> parse(String code) {
    return Arrays.stream(values()).filter(r -> r.name().equals(code)).findFirst();
  }
}

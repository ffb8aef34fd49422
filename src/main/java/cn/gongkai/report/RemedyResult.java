package cn.gongkai.report;

import java.util.Arrays;
import java.util.Optional;

/** How a reconsideration or lawsuit ended, as the columns of table 四; PENDING has no decision date. */
public enum RemedyResult {
  UPHELD("结果维持"),
  CORRECTED("结果纠正"),
  OTHER("其他结果"),
  PENDING("尚未审结");

  private final String label;

  RemedyResult(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static Optional<RemedyResult> of(String code) {
    return Arrays.stream(values()).filter(r -> r.name().equals(code)).findFirst();
  }
}

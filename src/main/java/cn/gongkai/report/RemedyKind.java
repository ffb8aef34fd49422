package cn.gongkai.report;

import java.util.Arrays;
import java.util.Optional;

/** The remedies an applicant can bring against a case (Reg. Art. 51), the three blocks of table 四. */
public enum RemedyKind {
  RECONSIDERATION("行政复议"),
  LAWSUIT_DIRECT("行政诉讼（未经复议直接起诉）"),
  LAWSUIT_AFTER_RECONSIDERATION("行政诉讼（复议后起诉）");

  private final String label;

  RemedyKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static Optional<RemedyKind> of(String code) {
    return Arrays.stream(values()).filter(k -> k.name().equals(code)).findFirst();
  }
}

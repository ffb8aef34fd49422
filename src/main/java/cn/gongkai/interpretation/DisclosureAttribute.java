package cn.gongkai.interpretation;

import java.util.Arrays;
import java.util.Optional;

/**
 * 公开属性 of an official document (domain §7): anything but 主动公开 needs a stated reason, or the
 * general office returns the document.
 */
public enum DisclosureAttribute {
  PROACTIVE("主动公开", true),
  ON_REQUEST("依申请公开", false),
  NOT_PUBLIC("不予公开", false),
  AFTER_DECLASSIFICATION("脱密后公开", true),
  AFTER_REDACTION("删减后公开", true);

  private final String label;
  private final boolean publishedProactively;

  DisclosureAttribute(String label, boolean publishedProactively) {
    this.label = label;
    this.publishedProactively = publishedProactively;
  }

  public String label() {
    return label;
  }

  /** Whether the policy itself is published by the agency (after declassification or redaction where so marked). */
  public boolean publishedProactively() {
    return publishedProactively;
  }

  /** Every attribute but 主动公开 must say why. */
  public boolean needsReason() {
    return this != PROACTIVE;
  }

  /** The constant with that code (codes are the contract, case-sensitive). */
  public static Optional<DisclosureAttribute> parse(String code) {
    return Arrays.stream(values()).filter(a -> a.name().equals(code)).findFirst();
  }
}

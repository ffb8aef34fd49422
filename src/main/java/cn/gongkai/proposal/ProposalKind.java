package cn.gongkai.proposal;

import java.util.Arrays;
import java.util.Optional;

/** What was submitted: an NPC deputy's suggestion (人大代表建议) or a CPPCC member's proposal (政协提案). */
public enum ProposalKind {
  SUGGESTION("人大代表建议", "建议"),
  PROPOSAL("政协提案", "提案");

  private final String label;
  private final String shortLabel;

  ProposalKind(String label, String shortLabel) {
    this.label = label;
    this.shortLabel = shortLabel;
  }

  public String label() {
    return label;
  }

  /** As in a case number: 建议〔2026〕第12号. */
  public String shortLabel() {
    return shortLabel;
  }

  /** The constant with that code (codes are the contract, case-sensitive). */
  public static Optional<ProposalKind> parse(String code) {
    return Arrays.stream(values()).filter(k -> k.name().equals(code)).findFirst();
  }
}

package cn.gongkai.interpretation;

/** Where a policy-interpretation case stands in the register. */
public enum PolicyCaseStatus {
  OPEN("办理中"),
  CLOSED("已归档");

  private final String label;

  PolicyCaseStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}

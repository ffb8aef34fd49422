package cn.gongkai.request;

/** Where a case stands in the register. */
public enum CaseStatus implements Labelled {
  OPEN("办理中"),
  CLOSED("已办结");

  private final String label;

  CaseStatus(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}

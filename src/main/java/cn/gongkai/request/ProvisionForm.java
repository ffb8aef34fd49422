package cn.gongkai.request;

/** Preferred form of provision (Art. 29 ¶2). */
public enum ProvisionForm implements Labelled {
  PAPER("纸质"),
  ELECTRONIC("电子数据"),
  INSPECTION("查阅抄录");

  private final String label;

  ProvisionForm(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}

package cn.gongkai.request;

/** Identity documents: 居民身份证 (GB 11643), passport, 统一社会信用代码 (GB 32100), other. */
public enum IdType implements Labelled {
  ID_CARD("居民身份证"),
  PASSPORT("护照"),
  USCC("统一社会信用代码"),
  OTHER("其他证件");

  private final String label;

  IdType(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}

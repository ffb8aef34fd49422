package cn.gongkai.request;

/** How a request arrived (Art. 29, 31); fixes how the date of receipt is determined. */
public enum Channel implements Labelled {
  IN_PERSON("当面提交"),
  SIGNED_POST("邮寄（签收）"),
  ORDINARY_LETTER("平常信函"),
  ONLINE("网络"),
  FAX("传真");

  private final String label;

  Channel(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}

package cn.gongkai.request;

/** How the reply was delivered (送达); fixes the date that proves timeliness. */
public enum ReplyDeliveryMethod implements Labelled {
  IN_PERSON("当面送达"),
  POST("邮寄送达"),
  EMAIL("电子邮件送达"),
  ONLINE("网上送达");

  private final String label;

  ReplyDeliveryMethod(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}

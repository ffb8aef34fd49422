package cn.gongkai.request;

/** Preferred way of obtaining the information. */
public enum DeliveryMethod implements Labelled {
  PICKUP("自行领取"),
  POST("邮寄"),
  EMAIL("电子邮件"),
  ONLINE("网上获取");

  private final String label;

  DeliveryMethod(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}

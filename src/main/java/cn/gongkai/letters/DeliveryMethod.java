package cn.gongkai.letters;

/** How a letter reached its addressee (送达, domain §5). */
public enum DeliveryMethod {
  /** Handed over; the day the applicant signs. */
  IN_PERSON("当面送达"),
  /** By post; the day handed to China Post counts as the day of reply. */
  POST("邮寄送达"),
  /** By e-mail; the day sent. */
  EMAIL("电子邮件送达"),
  /** Through the online platform; the day sent. */
  ONLINE("网络平台送达");

  private final String label;

  DeliveryMethod(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}

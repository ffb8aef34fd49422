package cn.gongkai.citizen;

/** Where a citizen's message came in. */
public enum MessageChannel {
  WEBSITE("政府网站留言"),
  HOTLINE_12345("12345政务服务便民热线"),
  EXPOSURE_PLATFORM("政府网站曝光台");

  private final String label;

  MessageChannel(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}

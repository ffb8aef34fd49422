package cn.gongkai.citizen;

/** What a citizen's message is (12345 and the government website sort them so). */
public enum MessageType {
  CONSULTATION("咨询"),
  COMPLAINT("投诉"),
  SUGGESTION("建议"),
  HELP("求助"),
  OTHER("其他");

  private final String label;

  MessageType(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}

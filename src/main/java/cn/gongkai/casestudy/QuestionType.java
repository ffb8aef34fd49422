package cn.gongkai.casestudy;

/**
 * Where in the handling of a request the case's question lies: the seed names the three stages
 * (申请受理、办理、答复各环节突出问题, 云政办发〔2019〕55号 item 74).
 */
public enum QuestionType {
  ACCEPTANCE("申请受理"),
  HANDLING("办理"),
  REPLY("答复"),
  OTHER("其他");

  private final String label;

  QuestionType(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The type named by its code, or null when the code is none of them. */
  public static QuestionType parse(String code) {
    for (QuestionType t : values()) {
      if (t.name().equals(code)) {
        return t;
      }
    }
    return null;
  }
}

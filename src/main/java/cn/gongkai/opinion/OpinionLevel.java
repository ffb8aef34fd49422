package cn.gongkai.opinion;

/** The level an event is assessed at (研判); it decides which clocks run (国办发〔2016〕61号). */
public enum OpinionLevel {
  /** 特别重大、重大突发事件: authoritative information within 5 hours, press conference within 24 hours. */
  MAJOR("特别重大、重大突发事件"),
  /** Any other government-related public opinion: a response within 48 hours. */
  GENERAL("一般政务舆情");

  private final String label;

  OpinionLevel(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}

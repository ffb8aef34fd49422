package cn.gongkai.interpretation;

/** The forms an interpretation takes (解读形式); each is one checkbox of the submission form. */
public enum InterpretationForm {
  TEXT("文字解读", "interpretByText"),
  GRAPHIC("图表图解", "interpretByGraphic"),
  AUDIO_VIDEO("音视频解读", "interpretByAudioVideo"),
  PRESS_CONFERENCE("新闻发布会", "interpretByPressConference"),
  ONLINE_INTERVIEW("在线访谈", "interpretByOnlineInterview"),
  EXPERT("专家解读", "interpretByExpert");

  private final String label;
  private final String variable;

  InterpretationForm(String label, String variable) {
    this.label = label;
    this.variable = variable;
  }

  public String label() {
    return label;
  }

  /** The Boolean process variable (and form field) that selects this form. */
  public String variable() {
    return variable;
  }
}

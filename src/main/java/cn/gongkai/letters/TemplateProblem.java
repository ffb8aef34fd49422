package cn.gongkai.letters;

/**
 * Why a letter template was refused: the file, the letter kind, where in the file (e.g. 第5段) and what is
 * wrong, in Chinese.
 */
public record TemplateProblem(String file, LetterKind kind, String location, String message) {

  /** One sentence naming file, kind, place and fault, for logs and screens. */
  public String describe() {
    return "模板文件 " + file + "（" + kind.title() + "）" + (location == null ? "" : location + "：") + message;
  }

  @Override
  public String toString() {
    return describe();
  }
}

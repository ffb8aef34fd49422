package cn.gongkai.letters;

/** The bytes of one document version, with the name and type to serve them under. */
public record DocumentContent(String fileName, String contentType, byte[] content) {

  public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  public static final String PDF = "application/pdf";
}

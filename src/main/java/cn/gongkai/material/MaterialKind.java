package cn.gongkai.material;

/** What an attached file is, recognised by its content (magic bytes), never by its name. */
public enum MaterialKind {
  PDF,
  DOCX,
  IMAGE
}

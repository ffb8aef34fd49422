package cn.gongkai.letters;

import java.time.OffsetDateTime;

/** One version of a document: the generated letter or a corrected upload. */
public record DocumentVersion(
    long documentId,
    int version,
    String fileName,
    String contentType,
    long size,
    String sha256,
    OffsetDateTime createdAt,
    String createdBy,
    String note) {

  /** The file extension matching the content type (.docx or .pdf). */
  public String extension() {
    return DocumentContent.PDF.equals(contentType) ? ".pdf" : ".docx";
  }
}

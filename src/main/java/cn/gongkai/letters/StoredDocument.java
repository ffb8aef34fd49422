package cn.gongkai.letters;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A numbered letter or notice stored with its case, as of its latest version.
 *
 * @param id the document id (stable across versions)
 * @param number the document number (文号); null for a draft reply, numbered at sign-off
 * @param version the latest version (1 = as generated)
 * @param createdAt when the latest version was stored
 * @param createdBy who stored the latest version
 * @param sha256 checksum of the latest version's content
 * @param frozen true once signed off: no further versions
 */
public record StoredDocument(
    long id,
    CaseRef caseRef,
    LetterKind kind,
    String number,
    int version,
    LocalDate issuedOn,
    OffsetDateTime createdAt,
    String createdBy,
    String sha256,
    boolean frozen) {

  /** The file name offered on download, e.g. 楚政办公开否〔2026〕第3号_不予公开答复书.docx. */
  public String fileName(String extension) {
    return (number == null ? "待签发" : number) + "_" + kind.title() + (version > 1 ? "_第" + version + "版" : "") + extension;
  }
}

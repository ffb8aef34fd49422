package cn.gongkai.letters;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What goes into a case's archive package besides its stored letters and notices: the register record, the
 * history of who did what and when, and any other files (e.g. the scanned request, proof of delivery).
 *
 * @param caseRef the case being archived
 * @param registerJson the case register record as JSON
 * @param history every step taken on the case, in order
 * @param attachments further files to keep with the case; may be empty
 * @param material the released information, kept under {@code material/} with its folders (originals/, redacted/,
 *     the redaction log, checksums); may be empty
 * @param archivedBy who archives the case
 */
public record ArchiveInput(
    CaseRef caseRef, String registerJson, List<HistoryEntry> history, List<Attachment> attachments,
    List<Attachment> material, String archivedBy) {

  public ArchiveInput {
    history = history == null ? List.of() : List.copyOf(history);
    attachments = attachments == null ? List.of() : List.copyOf(attachments);
    material = material == null ? List.of() : List.copyOf(material);
  }

  public ArchiveInput(CaseRef caseRef, String registerJson, List<HistoryEntry> history, List<Attachment> attachments,
      String archivedBy) {
    this(caseRef, registerJson, history, attachments, List.of(), archivedBy);
  }

  public ArchiveInput(CaseRef caseRef, String registerJson, List<HistoryEntry> history, String archivedBy) {
    this(caseRef, registerJson, history, List.of(), archivedBy);
  }

  /** One step on the case: who did what, when, with which decision and comment. */
  public record HistoryEntry(
      String step, String stepName, String actor, OffsetDateTime occurredAt, String decision, String comment) {}

  /** A further file for the archive, stored under {@code attachments/<name>}. */
  public record Attachment(String name, byte[] content) {}
}

package cn.gongkai.audit;

import java.time.OffsetDateTime;

/** One row of the audit log: who did what to which object, from where, when, with which result. */
public record AuditEntry(
    long id,
    OffsetDateTime occurredAt,
    String userId,
    String address,
    AuditKind kind,
    String object,
    String result,
    String prevHash,
    String hash) {

  public String kindLabel() {
    return kind.label();
  }
}

package cn.gongkai.material;

import java.time.Instant;

/** One attached file as staff see it: its original's checksum and its redacted copy's. */
public record MaterialView(long id, String caseNumber, String fileName, MaterialKind kind, int version,
    String sha256, long size, int pages, String uploadedBy, Instant uploadedAt,
    boolean redacted, String redactedSha256, int redactedPages) {}

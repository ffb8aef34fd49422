package cn.gongkai.letters;

import java.time.OffsetDateTime;

/** A written archive package (归档包): a ZIP of the whole case file with a SHA-256 manifest; immutable. */
public record ArchivePackage(
    long id,
    CaseRef caseRef,
    String fileName,
    long size,
    String sha256,
    OffsetDateTime createdAt,
    String createdBy) {}

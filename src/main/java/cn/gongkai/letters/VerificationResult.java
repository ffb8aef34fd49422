package cn.gongkai.letters;

import java.util.List;

/**
 * The outcome of recomputing an archive package's checksums.
 *
 * @param valid true when every file matches the manifest and nothing is missing, extra or unreadable
 * @param files one line per file: name, checksum in the manifest, checksum recomputed, whether they agree
 * @param problems what else is wrong, in Chinese (missing manifest, unreadable package, ...)
 * @param archive for a stored package: the whole package's checksum recorded at archiving against now; else null
 */
public record VerificationResult(boolean valid, List<FileCheck> files, List<String> problems, FileCheck archive) {

  /** One file's check; {@code expected} is null for a file not in the manifest, {@code actual} for a missing one. */
  public record FileCheck(String name, String expected, String actual, boolean ok) {}

  /** The files that fail. */
  public List<FileCheck> failures() {
    return files.stream().filter(f -> !f.ok()).toList();
  }
}

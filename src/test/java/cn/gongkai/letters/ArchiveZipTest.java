package cn.gongkai.letters;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.letters.VerificationResult.FileCheck;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class ArchiveZipTest {

  static final OffsetDateTime AT = OffsetDateTime.parse("2026-04-01T10:00:00+08:00");

  static byte[] sample() {
    byte[] letter = new byte[4000];
    for (int i = 0; i < letter.length; i++) {
      letter[i] = (byte) (i * 31 + i / 7);
    }
    return ArchiveZip.write(List.of(
            new ArchiveZip.Entry("register.json", "{\"caseNumber\":\"〔2026〕第15号\"}".getBytes(StandardCharsets.UTF_8)),
            new ArchiveZip.Entry("history.json", "[]".getBytes(StandardCharsets.UTF_8)),
            new ArchiveZip.Entry("documents/01-REFUSE.docx", letter)),
        Map.of("caseNumber", "〔2026〕第15号"), AT);
  }

  @Test
  void writtenPackageVerifies() {
    // given a package
    byte[] archive = sample();

    // when it is verified
    VerificationResult result = ArchiveZip.verify(archive);

    // then every file matches the manifest
    assertThat(result.valid()).isTrue();
    assertThat(result.problems()).isEmpty();
    assertThat(result.files()).extracting(FileCheck::name)
        .containsExactly("manifest.json", "register.json", "history.json", "documents/01-REFUSE.docx");
    assertThat(result.files()).allSatisfy(f -> assertThat(f.actual()).isEqualTo(f.expected()));
  }

  @Test
  void alteringOneByteOfALetterFailsVerificationNamingTheLetter() throws IOException {
    // given a package with one byte inside the letter changed
    byte[] archive = sample();
    int offset = dataOffset(archive, "documents/01-REFUSE.docx") + 100;
    archive[offset] ^= 0x01;

    // when it is verified
    VerificationResult result = ArchiveZip.verify(archive);

    // then it fails, and the failing file is the letter
    assertThat(result.valid()).isFalse();
    assertThat(result.failures()).extracting(FileCheck::name).containsExactly("documents/01-REFUSE.docx");
  }

  @Test
  void alteringAnyByteOfTheFilesOrManifestFailsVerification() throws IOException {
    // given every byte position inside the stored entries (files and manifest), one at a time
    byte[] original = sample();
    List<int[]> ranges = entryRanges(original);
    int checked = 0;
    for (int[] range : ranges) {
      for (int i = range[0]; i < range[1]; i += 5) {
        byte[] archive = original.clone();
        archive[i] ^= 0x5a;

        // when it is verified / then it fails
        assertThat(ArchiveZip.verify(archive).valid()).as("byte %d altered", i).isFalse();
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(100);
  }

  @Test
  void fileSlippedInOrTakenOutFailsVerification() throws IOException {
    // given the manifest of a package holding a.txt
    byte[] original = ArchiveZip.write(List.of(new ArchiveZip.Entry("a.txt", new byte[] {1})), Map.of(), AT);
    Map<String, byte[]> entries = entries(original);

    // when a file is slipped in, or a.txt is taken out, keeping the manifest
    Map<String, byte[]> added = new java.util.LinkedHashMap<>(entries);
    added.put("b.txt", new byte[] {2});
    Map<String, byte[]> removed = new java.util.LinkedHashMap<>(entries);
    removed.remove("a.txt");

    // then verification names the intruder and the missing file
    assertThat(ArchiveZip.verify(zip(added)).failures()).singleElement()
        .satisfies(f -> assertThat(f).isEqualTo(new FileCheck("b.txt", null, Sha256.of(new byte[] {2}), false)));
    assertThat(ArchiveZip.verify(zip(removed)).failures()).singleElement()
        .satisfies(f -> assertThat(f.name()).isEqualTo("a.txt"))
        .satisfies(f -> assertThat(f.actual()).isNull());
    VerificationResult noManifest = ArchiveZip.verify(zip(Map.of("a.txt", new byte[] {1})));
    assertThat(noManifest.valid()).isFalse();
    assertThat(noManifest.problems()).anySatisfy(p -> assertThat(p).contains("manifest.json"));
  }

  private static Map<String, byte[]> entries(byte[] zip) throws IOException {
    Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
      ZipEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        entries.put(entry.getName(), in.readAllBytes());
      }
    }
    return entries;
  }

  private static byte[] zip(Map<String, byte[]> entries) throws IOException {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        out.putNextEntry(new ZipEntry(e.getKey()));
        out.write(e.getValue());
        out.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  /** Where the compressed data of an entry starts. */
  static int dataOffset(byte[] zip, String name) throws IOException {
    for (int i = 0; i + 30 < zip.length; i++) {
      if (zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 3 && zip[i + 3] == 4) {
        int nameLength = (zip[i + 26] & 0xff) | (zip[i + 27] & 0xff) << 8;
        int extraLength = (zip[i + 28] & 0xff) | (zip[i + 29] & 0xff) << 8;
        String entry = new String(zip, i + 30, nameLength, StandardCharsets.UTF_8);
        if (entry.equals(name)) {
          return i + 30 + nameLength + extraLength;
        }
      }
    }
    throw new IllegalArgumentException(name);
  }

  /** [start, end) of every entry's local header and data, i.e. everything but the central directory. */
  static List<int[]> entryRanges(byte[] zip) throws IOException {
    List<int[]> ranges = new ArrayList<>();
    List<String> names = new ArrayList<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
      ZipEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        names.add(entry.getName());
      }
    }
    for (String name : names) {
      int start = dataOffset(zip, name);
      int end = start;
      try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
        ZipEntry entry;
        while ((entry = in.getNextEntry()) != null) {
          if (entry.getName().equals(name)) {
            end = start + (int) entry.getCompressedSize();
          }
        }
      }
      ranges.add(new int[] {start, end});
    }
    return ranges;
  }
}

package cn.gongkai.letters;

import cn.gongkai.letters.VerificationResult.FileCheck;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The archive package format: an uncompressed ZIP whose {@code manifest.json} lists every other file with its
 * size and SHA-256, followed by {@code manifest.sha256}, the manifest's own checksum ({@code sha256sum -c}
 * format). Verification recomputes each checksum and names each file that fails.
 */
final class ArchiveZip {

  static final String MANIFEST = "manifest.json";
  /** The manifest's own checksum, in sha256sum format, so that its header lines are covered too. */
  static final String MANIFEST_CHECKSUM = "manifest.sha256";
  static final String FORMAT = "gongkai-archive/1";

  static final ObjectMapper JSON = new ObjectMapper()
      .registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .enable(SerializationFeature.INDENT_OUTPUT);

  private ArchiveZip() {}

  /** One file of the package. */
  record Entry(String name, byte[] content) {}

  /** The ZIP with the files in order and the manifest last; every entry carries the archiving time. */
  static byte[] write(List<Entry> files, Map<String, Object> header, OffsetDateTime at) {
    List<Map<String, Object>> listed = new ArrayList<>();
    for (Entry file : files) {
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("name", file.name());
      line.put("size", file.content().length);
      line.put("sha256", Sha256.of(file.content()));
      listed.add(line);
    }
    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("format", FORMAT);
    manifest.putAll(header);
    manifest.put("algorithm", "SHA-256");
    manifest.put("files", listed);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
      for (Entry file : files) {
        put(zip, file.name(), file.content(), at);
      }
      byte[] manifestBytes = json(manifest);
      put(zip, MANIFEST, manifestBytes, at);
      String checksumLine = Sha256.of(manifestBytes) + "  " + MANIFEST + "\n";
      put(zip, MANIFEST_CHECKSUM, checksumLine.getBytes(StandardCharsets.UTF_8), at);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static byte[] json(Object value) {
    try {
      return JSON.writeValueAsBytes(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Recomputes every checksum against the manifest; any unreadable, missing, extra or altered file fails. */
  static VerificationResult verify(byte[] archive) {
    List<String> problems = new ArrayList<>();
    Listing central = readCentral(archive);
    Listing local = readLocal(archive);
    Listing listing = central.readable() ? central : local;
    problems.addAll(listing.problems());
    if (!central.readable()) {
      problems.add("归档包目录（central directory）已损坏，按文件头顺序读取");
    } else {
      // Entries hidden from the directory, or whose local copy differs, mean the package was tampered with.
      local.sha().forEach((name, sha) -> {
        if (!central.sha().containsKey(name)) {
          problems.add("文件 " + name + " 不在归档包目录中");
        } else if (sha != null && central.sha().get(name) != null && !sha.equals(central.sha().get(name))) {
          problems.add("文件 " + name + " 在归档包目录与文件头中的内容不一致");
          listing.inconsistent().add(name);
        }
      });
    }
    List<FileCheck> files = new ArrayList<>();
    Map<String, String> expected = new LinkedHashMap<>();
    if (listing.manifest() == null) {
      problems.add("归档包缺少清单文件 " + MANIFEST + " 或清单已损坏");
    } else {
      try {
        JsonNode manifest = JSON.readTree(listing.manifest());
        if (!FORMAT.equals(manifest.path("format").asText())) {
          problems.add("清单格式不正确：" + manifest.path("format").asText());
        }
        for (JsonNode file : manifest.path("files")) {
          expected.put(file.path("name").asText(), file.path("sha256").asText());
        }
      } catch (IOException e) {
        problems.add("清单文件 " + MANIFEST + " 无法解析：" + e.getMessage());
      }
    }
    if (listing.manifest() != null) {
      String recorded = listing.manifestChecksum() == null ? null
          : listing.manifestChecksum().split("\\s+", 2)[0];
      if (recorded == null) {
        problems.add("归档包缺少清单校验文件 " + MANIFEST_CHECKSUM);
      } else if (!listing.manifestChecksum().equals(recorded + "  " + MANIFEST + "\n")) {
        problems.add("清单校验文件 " + MANIFEST_CHECKSUM + " 格式不正确");
      }
      String manifestSha = Sha256.of(listing.manifest());
      files.add(new FileCheck(MANIFEST, recorded, manifestSha, manifestSha.equals(recorded)));
    }
    expected.forEach((name, sha) -> {
      String recomputed = listing.sha().get(name);
      files.add(new FileCheck(name, sha, recomputed,
          sha.equals(recomputed) && !listing.inconsistent().contains(name)));
    });
    boolean listed = listing.manifest() != null;
    listing.sha().forEach((name, sha) -> {
      if (!expected.containsKey(name)) {
        files.add(new FileCheck(name, null, sha, false));
        if (listed) {
          problems.add("文件 " + name + " 不在清单中");
        }
      }
    });
    boolean valid = problems.isEmpty() && !files.isEmpty() && files.stream().allMatch(FileCheck::ok);
    return new VerificationResult(valid, files, problems, null);
  }

  /** What a pass over the package found: checksum per file (null = unreadable), the manifest, problems. */
  private record Listing(boolean readable, Map<String, String> sha, byte[] manifest, String manifestChecksum,
      List<String> problems, List<String> inconsistent) {

    static Listing of(boolean readable, Map<String, byte[]> contents, Map<String, String> unreadable,
        List<String> problems) {
      Map<String, String> sha = new LinkedHashMap<>();
      byte[] manifest = null;
      String manifestChecksum = null;
      for (Map.Entry<String, byte[]> entry : contents.entrySet()) {
        if (MANIFEST.equals(entry.getKey())) {
          manifest = entry.getValue();
        } else if (MANIFEST_CHECKSUM.equals(entry.getKey())) {
          manifestChecksum = entry.getValue() == null ? null : new String(entry.getValue(), StandardCharsets.UTF_8);
        } else {
          sha.put(entry.getKey(), entry.getValue() == null ? null : Sha256.of(entry.getValue()));
        }
      }
      unreadable.forEach((name, why) -> problems.add("文件 " + name + " 无法读取（已损坏）：" + why));
      return new Listing(readable, sha, manifest, manifestChecksum, problems, new ArrayList<>());
    }
  }

  /**
   * Reads every entry on its own through the central directory, so one damaged entry does not hide the
   * others. Packages are small (no ZIP64).
   */
  private static Listing readCentral(byte[] zip) {
    Map<String, byte[]> contents = new LinkedHashMap<>();
    Map<String, String> unreadable = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    int end = -1;
    for (int i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65535); i--) {
      if (u32(zip, i) == 0x06054b50L) {
        end = i;
        break;
      }
    }
    if (end < 0) {
      return Listing.of(false, contents, unreadable, problems);
    }
    int count = u16(zip, end + 10);
    long offset = u32(zip, end + 16);
    try {
      int p = (int) offset;
      for (int n = 0; n < count; n++) {
        if (u32(zip, p) != 0x02014b50L) {
          return Listing.of(false, Map.of(), Map.of(), new ArrayList<>());
        }
        int method = u16(zip, p + 10);
        long compressedSize = u32(zip, p + 20);
        long size = u32(zip, p + 24);
        int nameLength = u16(zip, p + 28);
        int extraLength = u16(zip, p + 30);
        int commentLength = u16(zip, p + 32);
        long localOffset = u32(zip, p + 42);
        String name = new String(zip, p + 46, nameLength, StandardCharsets.UTF_8);
        p += 46 + nameLength + extraLength + commentLength;
        if (contents.containsKey(name) || unreadable.containsKey(name)) {
          problems.add("归档包中有重名文件：" + name);
          continue;
        }
        try {
          contents.put(name, entryData(zip, (int) localOffset, method, compressedSize, size));
        } catch (RuntimeException | DataFormatException e) {
          contents.put(name, null);
          unreadable.put(name, String.valueOf(e.getMessage()));
        }
      }
    } catch (RuntimeException e) {
      return Listing.of(false, Map.of(), Map.of(), new ArrayList<>());
    }
    return Listing.of(true, contents, unreadable, problems);
  }

  private static byte[] entryData(byte[] zip, int local, int method, long compressedSize, long size)
      throws DataFormatException {
    if (u32(zip, local) != 0x04034b50L) {
      throw new IllegalStateException("文件头损坏");
    }
    int start = local + 30 + u16(zip, local + 26) + u16(zip, local + 28);
    if (compressedSize > zip.length - start || size > Integer.MAX_VALUE) {
      throw new IllegalStateException("长度不正确");
    }
    if (method == ZipEntry.STORED) {
      return Arrays.copyOfRange(zip, start, start + (int) compressedSize);
    }
    if (method != ZipEntry.DEFLATED) {
      throw new IllegalStateException("不支持的压缩方式 " + method);
    }
    Inflater inflater = new Inflater(true);
    try {
      inflater.setInput(zip, start, (int) compressedSize);
      byte[] out = new byte[(int) size];
      int filled = 0;
      while (filled < out.length) {
        int n = inflater.inflate(out, filled, out.length - filled);
        if (n == 0 && (inflater.finished() || inflater.needsInput() || inflater.needsDictionary())) {
          break;
        }
        filled += n;
      }
      if (filled != out.length || !inflater.finished() && inflater.getRemaining() > 0) {
        throw new IllegalStateException("解压后长度不正确");
      }
      return out;
    } finally {
      inflater.end();
    }
  }

  /** Reads the entries one after another from their local headers (checks each entry's CRC). */
  private static Listing readLocal(byte[] archive) {
    Map<String, byte[]> contents = new LinkedHashMap<>();
    Map<String, String> unreadable = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive), StandardCharsets.UTF_8)) {
      ZipEntry entry;
      while ((entry = zip.getNextEntry()) != null) {
        String name = entry.getName();
        try {
          byte[] content = zip.readAllBytes();
          if (contents.containsKey(name)) {
            problems.add("归档包中有重名文件：" + name);
          } else {
            contents.put(name, content);
          }
        } catch (IOException | RuntimeException e) {
          contents.put(name, null);
          unreadable.put(name, String.valueOf(e.getMessage()));
        }
      }
    } catch (IOException | RuntimeException e) {
      problems.add("归档包结构已损坏，无法继续读取：" + e.getMessage());
    }
    return Listing.of(true, contents, unreadable, problems);
  }

  private static int u16(byte[] b, int i) {
    return (b[i] & 0xff) | (b[i + 1] & 0xff) << 8;
  }

  private static long u32(byte[] b, int i) {
    return (u16(b, i) | (long) u16(b, i + 2) << 16) & 0xffffffffL;
  }

  private static void put(ZipOutputStream zip, String name, byte[] content, OffsetDateTime at) throws IOException {
    // Stored, not deflated: every byte of an entry is content, so altering any of them changes a checksum
    // (deflate padding bits could be flipped unnoticed). Letters are .docx, already compressed.
    ZipEntry entry = new ZipEntry(name);
    entry.setMethod(ZipEntry.STORED);
    entry.setSize(content.length);
    entry.setCompressedSize(content.length);
    CRC32 crc = new CRC32();
    crc.update(content);
    entry.setCrc(crc.getValue());
    FileTime time = FileTime.from(at.toInstant());
    entry.setLastModifiedTime(time);
    zip.putNextEntry(entry);
    zip.write(content);
    zip.closeEntry();
  }
}

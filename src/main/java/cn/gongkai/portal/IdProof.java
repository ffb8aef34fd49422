package cn.gongkai.portal;

import cn.gongkai.web.BadRequestException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import javax.imageio.ImageIO;

/**
 * The applicant's ID proof (身份证明): a JPEG, PNG or PDF, its type told by its content (never by the
 * name or the declared type), of limited size.
 */
record IdProof(String fileName, String contentType, byte[] content) {

  static final String FIELD = "idProof";

  String sha256() {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Checks what the applicant sent: base64 content, its real type, its size. */
  static IdProof read(Object value, long maxBytes) {
    if (value == null) {
      return null;
    }
    if (!(value instanceof java.util.Map<?, ?> map) || !(map.get("content") instanceof String base64)) {
      throw new BadRequestException(FIELD, "身份证明附件格式不正确：应包含文件名（fileName）和 Base64 编码的内容（content）");
    }
    Object name = map.get("fileName");
    String fileName = name instanceof String s && !s.isBlank() ? s.strip() : "身份证明";
    if (fileName.length() > 200) {
      throw new BadRequestException(FIELD, "身份证明的文件名不能超过200个字");
    }
    fileName = fileName.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
    if (base64.length() > maxBytes / 3 * 4 + 8) {
      throw new BadRequestException(FIELD, "身份证明附件不能超过" + maxBytes / 1024 / 1024 + "MB");
    }
    byte[] content;
    try {
      content = java.util.Base64.getMimeDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(FIELD, "身份证明附件的内容不是有效的 Base64 编码");
    }
    if (content.length == 0) {
      throw new BadRequestException(FIELD, "身份证明附件是空文件");
    }
    if (content.length > maxBytes) {
      throw new BadRequestException(FIELD, "身份证明附件不能超过" + maxBytes / 1024 / 1024 + "MB");
    }
    String type = typeOf(content);
    if (type == null) {
      throw new BadRequestException(FIELD, "身份证明附件只能是 JPG、PNG 图片或 PDF 文件（按文件内容识别）");
    }
    return new IdProof(fileName, type, content);
  }

  private static String typeOf(byte[] c) {
    if (startsWith(c, "%PDF-".getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
      return "application/pdf";
    }
    String image = startsWith(c, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}) ? "image/png"
        : startsWith(c, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}) ? "image/jpeg" : null;
    if (image == null) {
      return null;
    }
    // a picture must also read as one (a renamed file with the right first bytes does not), of a sane
    // size; only its header is read, never the pixels (no decompression bomb)
    try (var input = ImageIO.createImageInputStream(new ByteArrayInputStream(c))) {
      var readers = ImageIO.getImageReaders(input);
      if (!readers.hasNext()) {
        return null;
      }
      var reader = readers.next();
      try {
        reader.setInput(input);
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        return width > 0 && height > 0 && width <= 20_000 && height <= 20_000 ? image : null;
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static boolean startsWith(byte[] content, byte[] prefix) {
    return content.length >= prefix.length && Arrays.equals(content, 0, prefix.length, prefix, 0, prefix.length);
  }
}

package cn.gongkai.web;

import java.io.IOException;
import org.springframework.web.multipart.MultipartFile;

/** Checks an uploaded file (multipart part {@code file}) before anything is stored; 400 in Chinese otherwise. */
public final class Uploads {

  /** The multipart part every gongkai upload comes in. */
  public static final String FIELD = "file";

  /** The largest upload, as {@code spring.servlet.multipart.max-file-size} in application.yml says. */
  public static final int MAX_MEGABYTES = 10;

  private static final int MAX_NAME_LENGTH = 255;

  private Uploads() {}

  /** The file's content; refuses a missing or empty file, an oversized one, or a file name with control characters. */
  public static byte[] content(MultipartFile file) {
    if (file == null) {
      throw new BadRequestException(FIELD, "缺少上传的文件");
    }
    if (file.isEmpty()) {
      throw new BadRequestException(FIELD, "上传的文件是空的");
    }
    if (file.getSize() > MAX_MEGABYTES * 1024L * 1024L) {
      throw new BadRequestException(FIELD, "上传的文件过大，不能超过" + MAX_MEGABYTES + "MB");
    }
    fileName(file);
    try {
      return file.getBytes();
    } catch (IOException e) {
      throw new BadRequestException(FIELD, "无法读取上传的文件，请重新上传");
    }
  }

  /** The file name as sent (null if none); refuses control characters (a NUL cannot be stored) and overlong names. */
  public static String fileName(MultipartFile file) {
    String name = file.getOriginalFilename();
    if (name == null || name.isBlank()) {
      return null;
    }
    if (name.chars().anyMatch(Character::isISOControl)) {
      throw new BadRequestException(FIELD, "文件名含有不允许的控制字符");
    }
    if (name.length() > MAX_NAME_LENGTH) {
      throw new BadRequestException(FIELD, "文件名过长，不能超过" + MAX_NAME_LENGTH + "个字符");
    }
    return name.strip();
  }
}

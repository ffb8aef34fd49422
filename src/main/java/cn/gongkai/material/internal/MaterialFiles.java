package cn.gongkai.material.internal;

import cn.gongkai.material.MaterialKind;
import cn.gongkai.web.BadRequestException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Recognises an upload by its content and makes the PDF the marks apply to: a PDF as it is, a .docx converted by
 * LibreOffice (headless) when installed, an image placed on one page. Refusals are 400s in Chinese.
 */
@Component
public class MaterialFiles {

  /** The largest file a case may attach (the multipart limit of application.yml is the same). */
  public static final int MAX_BYTES = 10 * 1024 * 1024;
  /** The most pages a material may have (marking and review render each page). */
  public static final int MAX_PAGES = 500;

  private static final Logger log = LoggerFactory.getLogger(MaterialFiles.class);
  private static final String FIELD = "file";
  private static final long TIMEOUT_SECONDS = 120;

  private final String converter;
  private final Path profile = Path.of(System.getProperty("java.io.tmpdir"), "gongkai-material-libreoffice-profile");
  private final ReentrantLock lock = new ReentrantLock();
  private volatile Boolean converterRuns;

  MaterialFiles(@Value("${gongkai.letters.pdf-converter:soffice}") String converter) {
    this.converter = converter == null ? "" : converter.strip();
  }

  /** What the content is (magic bytes); 400 for anything but PDF, .docx, PNG or JPEG. */
  public MaterialKind kind(byte[] content) {
    if (content.length > MAX_BYTES) {
      throw new BadRequestException(FIELD, "上传的文件过大，不能超过10MB");
    }
    if (startsWith(content, "%PDF-".getBytes())) {
      return MaterialKind.PDF;
    }
    if (startsWith(content, new byte[] {(byte) 0x89, 'P', 'N', 'G'})
        || startsWith(content, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
      return MaterialKind.IMAGE;
    }
    if (startsWith(content, new byte[] {'P', 'K', 3, 4}) && isDocx(content)) {
      return MaterialKind.DOCX;
    }
    throw new BadRequestException(FIELD, "只能上传 PDF、Word（.docx）文档或 PNG、JPEG 图片");
  }

  /** The content type to serve the original with. */
  public static String contentType(MaterialKind kind, byte[] content) {
    return switch (kind) {
      case PDF -> "application/pdf";
      case DOCX -> "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
      case IMAGE -> content[0] == (byte) 0x89 ? "image/png" : "image/jpeg";
    };
  }

  /** The PDF the marks apply to; 400 when it cannot be made or read. */
  public byte[] toPdf(MaterialKind kind, byte[] content) {
    byte[] pdf = switch (kind) {
      case PDF -> content;
      case IMAGE -> imagePdf(content);
      case DOCX -> docxPdf(content);
    };
    pages(pdf);
    return pdf;
  }

  /** The page count of a PDF that PDFBox can read; 400 for a damaged, encrypted or overlong one. */
  public int pages(byte[] pdf) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      if (document.isEncrypted()) {
        throw new BadRequestException(FIELD, "PDF 文件已加密，请上传未加密的文件");
      }
      int pages = document.getNumberOfPages();
      if (pages == 0) {
        throw new BadRequestException(FIELD, "PDF 文件没有页面");
      }
      if (pages > MAX_PAGES) {
        throw new BadRequestException(FIELD, "PDF 文件页数过多，不能超过" + MAX_PAGES + "页");
      }
      return pages;
    } catch (IOException e) {
      throw new BadRequestException(FIELD, "无法读取 PDF 文件，文件可能已损坏");
    }
  }

  /** True when LibreOffice runs here; checked once. */
  public boolean converterAvailable() {
    Boolean known = converterRuns;
    if (known == null) {
      known = !converter.isBlank() && runs();
      converterRuns = known;
    }
    return known;
  }

  private byte[] imagePdf(byte[] content) {
    BufferedImage image;
    try {
      image = ImageIO.read(new ByteArrayInputStream(content));
    } catch (IOException | RuntimeException e) {
      image = null;
    }
    if (image == null) {
      throw new BadRequestException(FIELD, "无法读取图片，文件可能已损坏");
    }
    if ((long) image.getWidth() * image.getHeight() > 40_000_000L) {
      throw new BadRequestException(FIELD, "图片过大，不能超过4000万像素");
    }
    try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      // Fit on A4 (portrait or landscape by the image's shape), keeping the proportions.
      PDRectangle a4 = image.getWidth() > image.getHeight()
          ? new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth()) : PDRectangle.A4;
      PDPage page = new PDPage(a4);
      document.addPage(page);
      PDImageXObject xobject = LosslessFactory.createFromImage(document, image);
      float scale = Math.min((a4.getWidth() - 40) / image.getWidth(), (a4.getHeight() - 40) / image.getHeight());
      float w = image.getWidth() * scale;
      float h = image.getHeight() * scale;
      try (PDPageContentStream stream = new PDPageContentStream(document, page)) {
        stream.drawImage(xobject, (a4.getWidth() - w) / 2, (a4.getHeight() - h) / 2, w, h);
      }
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private byte[] docxPdf(byte[] docx) {
    if (!converterAvailable()) {
      throw new BadRequestException(FIELD, "服务器未安装 LibreOffice，无法将 Word 文档转换为 PDF，请上传 PDF 文件");
    }
    lock.lock();
    Path work = null;
    try {
      work = Files.createTempDirectory("gongkai-material-");
      Path input = work.resolve("material.docx");
      Files.write(input, docx);
      Process process = new ProcessBuilder(converter, "-env:UserInstallation=" + profile.toUri(), "--headless",
          "--norestore", "--convert-to", "pdf", "--outdir", work.toString(), input.toString())
          .redirectErrorStream(true)
          .redirectOutput(work.resolve("convert.log").toFile())
          .start();
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new BadRequestException(FIELD, "Word 文档转换超时，请上传 PDF 文件");
      }
      Path pdf = work.resolve("material.pdf");
      if (process.exitValue() != 0 || !Files.exists(pdf)) {
        log.warn("LibreOffice could not convert a material: exit {}", process.exitValue());
        throw new BadRequestException(FIELD, "无法将 Word 文档转换为 PDF，请上传 PDF 文件");
      }
      return Files.readAllBytes(pdf);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      lock.unlock();
      delete(work);
    }
  }

  private static boolean isDocx(byte[] content) {
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
      for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
        if ("word/document.xml".equals(entry.getName())) {
          return true;
        }
      }
      return false;
    } catch (IOException | IllegalArgumentException e) {
      return false;
    }
  }

  private static boolean startsWith(byte[] content, byte[] prefix) {
    if (content.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (content[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private boolean runs() {
    try {
      Process process = new ProcessBuilder(converter, "--version").redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static void delete(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      log.debug("could not delete {}", dir, e);
    }
  }
}

package cn.gongkai.letters;

import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * PDF copies of letters, converted by LibreOffice (headless) when the host has it and a Chinese font;
 * otherwise {@link #available()} is false and callers offer the .docx only. The .docx stays the record.
 */
@Service
public class LetterPdf {

  private static final Logger log = LoggerFactory.getLogger(LetterPdf.class);
  private static final long TIMEOUT_SECONDS = 120;

  private final String converter;
  private final Path profile = Path.of(System.getProperty("java.io.tmpdir"), "gongkai-libreoffice-profile");
  // One LibreOffice profile cannot serve two conversions at once.
  private final ReentrantLock lock = new ReentrantLock();
  private volatile Boolean available;

  LetterPdf(LettersProperties properties) {
    this.converter = properties.pdfConverter();
  }

  /** True when LibreOffice runs here and a font can show Chinese text; checked once. */
  public boolean available() {
    Boolean known = available;
    if (known == null) {
      known = !converter.isBlank() && hasChineseFont() && converterRuns();
      available = known;
      log.info(known ? "PDF 输出可用（{}）" : "PDF 输出不可用：未找到 LibreOffice（{}）或中文字体", converter);
    }
    return known;
  }

  /** The PDF of a .docx; throws {@link IllegalStateException} when PDF output is not available. */
  public byte[] convert(byte[] docx) {
    if (!available()) {
      throw new IllegalStateException("PDF output is not available on this host");
    }
    lock.lock();
    Path work = null;
    try {
      work = Files.createTempDirectory("gongkai-pdf-");
      Path input = work.resolve("letter.docx");
      Files.write(input, docx);
      Process process = new ProcessBuilder(converter, "-env:UserInstallation=" + profile.toUri(), "--headless",
          "--norestore", "--convert-to", "pdf", "--outdir", work.toString(), input.toString())
          .redirectErrorStream(true)
          .redirectOutput(work.resolve("convert.log").toFile())
          .start();
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("LibreOffice did not finish within " + TIMEOUT_SECONDS + " s");
      }
      Path pdf = work.resolve("letter.pdf");
      if (process.exitValue() != 0 || !Files.exists(pdf)) {
        throw new IllegalStateException("LibreOffice failed: " + Files.readString(work.resolve("convert.log")));
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

  private boolean converterRuns() {
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

  private static boolean hasChineseFont() {
    try {
      List<String> families = Arrays.asList(
          GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames());
      return families.stream()
          .filter(f -> !List.of(Font.DIALOG, Font.DIALOG_INPUT, Font.SANS_SERIF, Font.SERIF, Font.MONOSPACED).contains(f))
          .anyMatch(f -> new Font(f, Font.PLAIN, 12).canDisplayUpTo("楚雄政府信息公开") == -1);
    } catch (RuntimeException | Error e) {
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

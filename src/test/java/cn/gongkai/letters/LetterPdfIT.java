package cn.gongkai.letters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PDF copies through LibreOffice; skipped on hosts without it or without a Chinese font. */
class LetterPdfIT {

  @Test
  void letterConvertsToPdfWithItsChineseText(@TempDir Path dir) throws Exception {
    // given a host with LibreOffice and a Chinese font, and a generated refusal
    LetterPdf pdf = new LetterPdf(new LettersProperties(null, null, null, null, null));
    assumeTrue(pdf.available(), "LibreOffice or a Chinese font is missing: PDF output is off on this host");
    LetterSamples.quietPoiTl();
    LetterTemplates templates = new LetterTemplates(new LettersProperties(null, null, null, null, null));
    LetterData data = LetterSamples.data(LetterContentTest.CASE, LetterKind.REFUSE, "STATE_SECRET");
    String number = "楚政办公开否〔2026〕第12号";
    byte[] docx = LetterRenderer.render(templates.template(LetterKind.REFUSE),
        LetterModel.of(LetterKind.REFUSE, data, LetterContentTest.AGENCY, number, data.issuedOn()));

    // when it is converted
    byte[] bytes = pdf.convert(docx);

    // then it is a PDF, and where poppler is installed its text shows number and remedy in Chinese
    assertThat(new String(bytes, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    Path file = Files.write(dir.resolve("letter.pdf"), bytes);
    try {
      Process process = new ProcessBuilder("pdftotext", file.toString(), "-").redirectErrorStream(true).start();
      String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0) {
        assertThat(text.replaceAll("\\s", "")).contains(number, "应当先申请行政复议", "（盖章）");
      }
    } catch (java.io.IOException noPoppler) {
      // pdftotext is optional
    }
  }
}

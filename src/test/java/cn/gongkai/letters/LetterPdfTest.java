package cn.gongkai.letters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LetterPdfTest {

  @Test
  void pdfIsOffWhenNoConverterIsInstalledOrConfigured() {
    // given a converter that does not exist, and one switched off
    LetterPdf missing = new LetterPdf(new LettersProperties(null, null, null, null, "/nonexistent/soffice"));
    LetterPdf off = new LetterPdf(new LettersProperties(null, null, null, null, " "));

    // when / then neither is available and converting is refused
    assertThat(missing.available()).isFalse();
    assertThat(off.available()).isFalse();
    assertThatThrownBy(() -> off.convert(new byte[] {1})).isInstanceOf(IllegalStateException.class);
  }
}

package cn.gongkai.letters;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the letters module ({@code gongkai.letters.*}).
 *
 * @param templateDir folder whose .docx files override the built-in templates of the same name; none by default
 * @param numberPattern document number pattern; placeholders {agencyShort} {agencyCode} {kindMark} {year} {n}
 * @param kindMarks overrides of {@link LetterKind#numberMark()} per kind
 * @param contact the office's contact line printed on letters that do not name one
 * @param pdfConverter the LibreOffice program that makes PDF copies ({@code soffice} on the PATH by default;
 *     blank = no PDF)
 */
@ConfigurationProperties("gongkai.letters")
record LettersProperties(
    Path templateDir, String numberPattern, Map<LetterKind, String> kindMarks, String contact, String pdfConverter) {

  static final String DEFAULT_NUMBER_PATTERN = "{agencyShort}公开{kindMark}〔{year}〕第{n}号";

  LettersProperties {
    numberPattern = numberPattern == null || numberPattern.isBlank() ? DEFAULT_NUMBER_PATTERN : numberPattern;
    kindMarks = kindMarks == null ? Map.of() : Map.copyOf(kindMarks);
    pdfConverter = pdfConverter == null ? "soffice" : pdfConverter.strip();
  }
}

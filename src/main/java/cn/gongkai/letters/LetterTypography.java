package cn.gongkai.letters;

import java.util.List;
import java.util.regex.Pattern;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;

/**
 * Typesetting a filled letter the way the template set it (GB/T 9704: body in 仿宋_GB2312): every run a field
 * was inserted into gets its paragraph's East-Asian font back (poi-tl copies a tag's style with a single font
 * family, so Chinese in an inserted value fell back to Times New Roman), and punctuation doubled where a value
 * ending in 。 meets the template's own 。 is written once.
 */
final class LetterTypography {

  /** Sentence-ending and clause punctuation that must not appear twice in a row. */
  private static final String STOPS = "。；，、：！？";
  private static final Pattern DOUBLED = Pattern.compile("([。；，、：！？])[。；，、：！？]+");

  private LetterTypography() {}

  /**
   * Addresses the applicant as the template's text requires, before the fields are filled: 您 for a person,
   * 贵单位 for a legal person or other organisation (the older templates' "您（单位）" included).
   */
  static void address(XWPFDocument document, String addressing) {
    String you = addressing == null ? "您" : addressing;
    for (XWPFParagraph paragraph : document.getParagraphs()) {
      for (XWPFRun run : paragraph.getRuns()) {
        String text = run.text();
        if (text != null && text.contains("您")) {
          setText(run, text.replace("您（单位）", you).replace("您", you));
        }
      }
    }
  }

  static void apply(XWPFDocument document) {
    for (XWPFParagraph paragraph : document.getParagraphs()) {
      restoreEastAsianFont(paragraph);
      collapseDoubledPunctuation(paragraph);
    }
  }

  /** The paragraph's East-Asian font as the template gave it: the first run with a CJK font of its own. */
  private static void restoreEastAsianFont(XWPFParagraph paragraph) {
    String font = null;
    for (XWPFRun run : paragraph.getRuns()) {
      CTFonts fonts = fonts(run);
      if (fonts != null && fonts.getEastAsia() != null && !fonts.getEastAsia().equals(fonts.getAscii())) {
        font = fonts.getEastAsia();
        break;
      }
    }
    if (font == null) {
      return;
    }
    for (XWPFRun run : paragraph.getRuns()) {
      CTFonts fonts = fonts(run);
      if (fonts == null || fonts.getEastAsia() == null || fonts.getEastAsia().equals(fonts.getAscii())) {
        run.setFontFamily(font, XWPFRun.FontCharRange.eastAsia);
      }
    }
  }

  private static CTFonts fonts(XWPFRun run) {
    CTRPr properties = run.getCTR().getRPr();
    return properties == null || properties.sizeOfRFontsArray() == 0 ? null : properties.getRFontsArray(0);
  }

  /** "结果。。" -> "结果。", also when the two marks sit in different runs (value, then template text). */
  private static void collapseDoubledPunctuation(XWPFParagraph paragraph) {
    List<XWPFRun> runs = paragraph.getRuns();
    char previous = 0;
    for (XWPFRun run : runs) {
      String text = run.text();
      if (text == null || text.isEmpty()) {
        continue;
      }
      String fixed = DOUBLED.matcher(text).replaceAll("$1");
      int skip = 0;
      while (previous != 0 && STOPS.indexOf(previous) >= 0 && skip < fixed.length()
          && STOPS.indexOf(fixed.charAt(skip)) >= 0) {
        skip++;
      }
      fixed = fixed.substring(skip);
      if (!fixed.equals(text)) {
        setText(run, fixed);
      }
      if (!fixed.isEmpty()) {
        previous = fixed.charAt(fixed.length() - 1);
      }
    }
  }

  /** Replaces a run's text, keeping its line breaks (a value with several lines is one run with breaks). */
  private static void setText(XWPFRun run, String text) {
    String[] lines = text.split("\n", -1);
    int texts = run.getCTR().sizeOfTArray();
    if (texts == lines.length) {
      for (int i = 0; i < texts; i++) {
        run.setText(lines[i], i);
      }
      return;
    }
    while (run.getCTR().sizeOfTArray() > 0) {
      run.getCTR().removeT(0);
    }
    while (run.getCTR().sizeOfBrArray() > 0) {
      run.getCTR().removeBr(0);
    }
    for (int i = 0; i < lines.length; i++) {
      if (i > 0) {
        run.addBreak();
      }
      run.setText(lines[i], i);
    }
  }
}

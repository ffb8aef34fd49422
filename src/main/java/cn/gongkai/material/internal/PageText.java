package cn.gongkai.material.internal;

import cn.gongkai.material.Box;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.pdfbox.util.Matrix;

/**
 * The text of one page with the box of every character (PDFTextStripper positions), so that a match in the text
 * can be turned into boxes. Boxes are in PDF points relative to the crop box's lower-left corner.
 */
public final class PageText {

  /** Glyph box below the baseline and its height, in units of the font size (the redactor uses the same). */
  static final float DESCENT = 0.2f;
  static final float HEIGHT = 1.1f;

  private final int page;
  private final StringBuilder text = new StringBuilder();
  private final List<Box> boxes = new ArrayList<>();

  private PageText(int page) {
    this.page = page;
  }

  /** Every page's text in reading order; characters separated by white space or a line break get a ' '. */
  public static List<PageText> of(PDDocument document) {
    List<PageText> pages = new ArrayList<>();
    try {
      for (int p = 1; p <= document.getNumberOfPages(); p++) {
        PDPage pdPage = document.getPage(p - 1);
        PDRectangle crop = pdPage.getCropBox();
        PageText page = new PageText(p);
        PDFTextStripper stripper = new PDFTextStripper() {
          @Override
          protected void writeString(String string, List<TextPosition> positions) {
            for (TextPosition position : positions) {
              String unicode = position.getUnicode();
              if (unicode == null || unicode.isBlank()) {
                page.add(' ', null);
                continue;
              }
              Box box = box(page.page, position, crop);
              unicode.codePoints().forEach(c -> {
                for (char ch : Character.toChars(c)) {
                  page.add(ch, box);
                }
              });
            }
            page.add(' ', null);
          }
        };
        stripper.setSortByPosition(true);
        stripper.setStartPage(p);
        stripper.setEndPage(p);
        stripper.getText(document);
        pages.add(page);
      }
      return pages;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Box box(int page, TextPosition position, PDRectangle crop) {
    Matrix trm = position.getTextMatrix();
    float size = Math.abs(trm.getScalingFactorY());
    float width = Math.max(position.getWidthDirAdj(), 0.01f);
    return new Box(page, trm.getTranslateX() - crop.getLowerLeftX(),
        trm.getTranslateY() - DESCENT * size - crop.getLowerLeftY(), width, HEIGHT * size);
  }

  private void add(char c, Box box) {
    if (box == null && !text.isEmpty() && text.charAt(text.length() - 1) == ' ') {
      return;
    }
    text.append(c);
    boxes.add(box);
  }

  public int page() {
    return page;
  }

  /** The page's text; characters separated by space, tab or line break are separated by one ' '. */
  public String text() {
    return text.toString();
  }

  /** The boxes of text()[start, end): one per line the span covers (a span over two lines gives two boxes). */
  public List<Box> boxes(int start, int end) {
    List<Box> out = new ArrayList<>();
    float x0 = 0;
    float y0 = 0;
    float x1 = 0;
    float y1 = 0;
    Box line = null;
    for (int i = start; i < end; i++) {
      Box b = boxes.get(i);
      if (b == null) {
        continue;
      }
      boolean sameLine = line != null && Math.abs(b.y() - line.y()) < line.h() / 2 && b.x() >= x0 - 1;
      if (line != null && !sameLine) {
        out.add(new Box(page, x0, y0, x1 - x0, y1 - y0));
        line = null;
      }
      if (line == null) {
        line = b;
        x0 = b.x();
        y0 = b.y();
        x1 = b.x() + b.w();
        y1 = b.y() + b.h();
      } else {
        x0 = Math.min(x0, b.x());
        y0 = Math.min(y0, b.y());
        x1 = Math.max(x1, b.x() + b.w());
        y1 = Math.max(y1, b.y() + b.h());
      }
    }
    if (line != null) {
      out.add(new Box(page, x0, y0, x1 - x0, y1 - y0));
    }
    return out;
  }

  /** Every occurrence of {@code needle} (white space ignored on both sides), each as its boxes. */
  public List<List<Box>> find(String needle) {
    StringBuilder compact = new StringBuilder();
    List<Integer> index = new ArrayList<>();
    for (int i = 0; i < text.length(); i++) {
      if (!Character.isWhitespace(text.charAt(i))) {
        compact.append(text.charAt(i));
        index.add(i);
      }
    }
    String wanted = needle.replaceAll("\\s+", "");
    List<List<Box>> found = new ArrayList<>();
    if (wanted.isEmpty()) {
      return found;
    }
    for (int at = compact.indexOf(wanted); at >= 0; at = compact.indexOf(wanted, at + wanted.length())) {
      found.add(boxes(index.get(at), index.get(at + wanted.length() - 1) + 1));
    }
    return found;
  }
}

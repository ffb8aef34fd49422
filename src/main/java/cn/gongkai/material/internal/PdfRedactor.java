package cn.gongkai.material.internal;

import cn.gongkai.material.Box;
import java.util.List;
import org.springframework.stereotype.Component;

/** Produces the redacted copy of a PDF: the content under each area removed, a labelled black box drawn. */
@Component
public class PdfRedactor {

  /** One area to remove and the label printed in its box. */
  public record Area(Box box, String label) {}

  /** The redacted copy: text and images under the areas removed, metadata, layers, forms and scripts stripped. */
  public byte[] redact(byte[] pdf, List<Area> areas) {
    throw new UnsupportedOperationException("redaction comes in the next commit");
  }

  /** Every place the text occurs, one box per occurrence. */
  public List<Box> find(byte[] pdf, String text) {
    return List.of();
  }

  /** The media box of every page, as a box (page, 0, 0, width, height). */
  public List<Box> pageSizes(byte[] pdf) {
    return List.of();
  }

  /** Page {@code page} (1-based) as a PNG. */
  public byte[] png(byte[] pdf, int page) {
    throw new UnsupportedOperationException("page rendering comes in the next commit");
  }
}

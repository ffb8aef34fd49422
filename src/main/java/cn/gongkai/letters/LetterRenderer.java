package cn.gongkai.letters;

import com.deepoove.poi.XWPFTemplate;
import com.deepoove.poi.config.Configure;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;

/** Fills a .docx template with a letter's fields (poi-tl). */
final class LetterRenderer {

  /** The model being rendered on this thread. */
  private static final ThreadLocal<Map<String, Object>> MODEL = new ThreadLocal<>();

  /**
   * Built once (its tag grammar is compiled into regular expressions). Letter models are flat: inside
   * {{?x}}...{{/x}} poi-tl would look fields up on the value of x, so every tag is resolved against the whole
   * model of the letter being rendered instead.
   */
  private static final Configure CONFIG = Configure.builder()
      .setRenderDataComputeFactory(env -> {
        Map<String, Object> model = MODEL.get();
        return model::get;
      })
      .build();

  private LetterRenderer() {}

  /** The rendered document; tags missing from the model render empty. */
  static byte[] render(byte[] template, Map<String, Object> model) {
    MODEL.set(model);
    try (XWPFTemplate compiled = XWPFTemplate.compile(new ByteArrayInputStream(template), CONFIG)) {
      List<XWPFParagraph> conditional = conditionalParagraphs(compiled.getXWPFDocument());
      LetterTypography.address(compiled.getXWPFDocument(), (String) model.get(LetterModel.ADDRESSING));
      compiled.render(model);
      XWPFDocument document = compiled.getXWPFDocument();
      LetterTypography.apply(document);
      for (XWPFParagraph paragraph : conditional) {
        if (paragraph.getText().isBlank()) {
          int position = document.getPosOfParagraph(paragraph);
          if (position >= 0) {
            document.removeBodyElement(position);
          }
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      compiled.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      MODEL.remove();
    }
  }

  /** Paragraphs that hold a section; when the section is off they end up empty and are dropped. */
  private static List<XWPFParagraph> conditionalParagraphs(XWPFDocument document) {
    List<XWPFParagraph> paragraphs = new ArrayList<>();
    for (IBodyElement element : document.getBodyElements()) {
      if (element instanceof XWPFParagraph paragraph && paragraph.getText().contains("{{?")) {
        paragraphs.add(paragraph);
      }
    }
    return paragraphs;
  }
}

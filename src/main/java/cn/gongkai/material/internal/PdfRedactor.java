package cn.gongkai.material.internal;

import cn.gongkai.material.Box;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.PDFStreamEngine;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.contentstream.operator.OperatorName;
import org.apache.pdfbox.contentstream.operator.state.Concatenate;
import org.apache.pdfbox.contentstream.operator.state.Restore;
import org.apache.pdfbox.contentstream.operator.state.Save;
import org.apache.pdfbox.contentstream.operator.state.SetGraphicsStateParameters;
import org.apache.pdfbox.contentstream.operator.state.SetMatrix;
import org.apache.pdfbox.contentstream.operator.text.BeginText;
import org.apache.pdfbox.contentstream.operator.text.EndText;
import org.apache.pdfbox.contentstream.operator.text.MoveText;
import org.apache.pdfbox.contentstream.operator.text.MoveTextSetLeading;
import org.apache.pdfbox.contentstream.operator.text.NextLine;
import org.apache.pdfbox.contentstream.operator.text.SetCharSpacing;
import org.apache.pdfbox.contentstream.operator.text.SetFontAndSize;
import org.apache.pdfbox.contentstream.operator.text.SetTextHorizontalScaling;
import org.apache.pdfbox.contentstream.operator.text.SetTextLeading;
import org.apache.pdfbox.contentstream.operator.text.SetTextRenderingMode;
import org.apache.pdfbox.contentstream.operator.text.SetTextRise;
import org.apache.pdfbox.contentstream.operator.text.SetWordSpacing;
import org.apache.pdfbox.contentstream.operator.text.ShowText;
import org.apache.pdfbox.contentstream.operator.text.ShowTextAdjusted;
import org.apache.pdfbox.contentstream.operator.text.ShowTextLine;
import org.apache.pdfbox.contentstream.operator.text.ShowTextLineAndSpace;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSFloat;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdfwriter.ContentStreamWriter;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDTransparencyGroup;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.graphics.state.PDTextState;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.Vector;
import org.springframework.stereotype.Component;

/**
 * Produces the redacted copy of a PDF (条例第三十七条 区分处理). The content under a mark is removed from the page,
 * not covered: every glyph whose box falls under a mark is cut out of the shown string (replaced by the same
 * advance, so the rest of the line stays in place), the pixels of an image under a mark are painted black in a new
 * image, and an inline image or form XObject under a mark is dropped whole. Then a black box with the exemption
 * label is drawn over each mark. Everything else a reader could recover is stripped: document information and XMP
 * metadata, marked-content property lists (/ActualText, /Alt), the structure tree, hidden optional content (layers),
 * annotations, form fields, attachments, JavaScript and actions, outlines and page thumbnails.
 */
@Component
public class PdfRedactor {

  /** One area to remove and the label printed in its box. */
  public record Area(Box box, String label) {}

  /** A glyph covered this much (share of its box) by a mark is removed. */
  private static final float COVERED = 0.1f;

  /** The redacted copy: text and images under the areas removed, metadata, layers, forms and scripts stripped. */
  public byte[] redact(byte[] pdf, List<Area> areas) {
    try (PDDocument document = Loader.loadPDF(pdf); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Set<COSBase> hiddenGroups = hiddenOptionalContent(document);
      for (int p = 0; p < document.getNumberOfPages(); p++) {
        PDPage page = document.getPage(p);
        int number = p + 1;
        List<Area> onPage = areas.stream().filter(a -> a.box().page() == number).toList();
        redactPage(document, page, onPage, hiddenGroups);
      }
      strip(document);
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every place the text occurs, one box per occurrence and line. */
  public List<Box> find(byte[] pdf, String text) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      List<Box> found = new ArrayList<>();
      for (PageText page : PageText.of(document)) {
        page.find(text).forEach(found::addAll);
      }
      return found;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The crop box of every page, as a box (page, 0, 0, width, height). */
  public List<Box> pageSizes(byte[] pdf) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      List<Box> sizes = new ArrayList<>();
      for (int p = 0; p < document.getNumberOfPages(); p++) {
        PDRectangle crop = document.getPage(p).getCropBox();
        sizes.add(new Box(p + 1, 0, 0, crop.getWidth(), crop.getHeight()));
      }
      return sizes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Page {@code page} (1-based) as a PNG at 96 dpi. */
  public byte[] png(byte[] pdf, int page) {
    try (PDDocument document = Loader.loadPDF(pdf); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      BufferedImage image = new PDFRenderer(document).renderImageWithDPI(page - 1, 96, ImageType.RGB);
      ImageIO.write(image, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---- one page ----

  private void redactPage(PDDocument document, PDPage page, List<Area> areas, Set<COSBase> hiddenGroups)
      throws IOException {
    PDRectangle crop = page.getCropBox();
    // marks in user space
    List<Rectangle2D> marks = areas.stream()
        .map(a -> (Rectangle2D) new Rectangle2D.Float(a.box().x() + crop.getLowerLeftX(),
            a.box().y() + crop.getLowerLeftY(), a.box().w(), a.box().h()))
        .toList();
    // a page's own copy of its resources: they may be shared with other pages
    PDResources shared = page.getResources() == null ? new PDResources() : page.getResources();
    COSDictionary resources = new COSDictionary(shared.getCOSObject());
    COSDictionary xobjects = resources.getCOSDictionary(COSName.XOBJECT);
    if (xobjects != null) {
      resources.setItem(COSName.XOBJECT, new COSDictionary(xobjects));
    }
    page.setResources(new PDResources(resources));

    List<Object> tokens;
    if (page.hasContents()) {
      PDFStreamParser parser = new PDFStreamParser(page);
      tokens = parser.parse();
    } else {
      tokens = List.of();
    }
    Locator locator = new Locator(marks);
    if (!tokens.isEmpty()) {
      locator.processPage(page);
    }
    List<Object> rewritten = rewrite(document, page, tokens, locator, hiddenGroups);

    // what was replaced and is no longer drawn must not stay in the page's resources
    COSDictionary ownXObjects = page.getResources().getCOSObject().getCOSDictionary(COSName.XOBJECT);
    if (ownXObjects != null) {
      Set<COSName> used = new HashSet<>();
      for (int i = 0; i < rewritten.size(); i++) {
        if (rewritten.get(i) instanceof Operator op && OperatorName.DRAW_OBJECT.equals(op.getName()) && i > 0
            && rewritten.get(i - 1) instanceof COSName name) {
          used.add(name);
        }
      }
      for (COSName name : new ArrayList<>(ownXObjects.keySet())) {
        if (!used.contains(name)) {
          ownXObjects.removeItem(name);
        }
      }
    }
    ByteArrayOutputStream content = new ByteArrayOutputStream();
    ContentStreamWriter writer = new ContentStreamWriter(content);
    writer.writeTokens(Operator.getOperator(OperatorName.SAVE));
    content.write('\n');
    writer.writeTokens(rewritten);
    content.write('\n');
    writer.writeTokens(Operator.getOperator(OperatorName.RESTORE));
    content.write('\n');
    int n = 0;
    for (Area area : areas) {
      Rectangle2D r = marks.get(n++);
      drawBox(document, page, content, r, area.label());
    }
    PDStream stream = new PDStream(document);
    try (OutputStream os = stream.createOutputStream(COSName.FLATE_DECODE)) {
      os.write(content.toByteArray());
    }
    page.setContents(stream);
    for (COSName key : List.of(COSName.ANNOTS, COSName.AA, COSName.METADATA, COSName.PIECE_INFO,
        COSName.getPDFName("Thumb"), COSName.getPDFName("B"), COSName.STRUCT_PARENTS)) {
      page.getCOSObject().removeItem(key);
    }
  }

  /** What the locator decided for one operator (by its index among the page's operators). */
  private sealed interface Decision permits Drop, CutGlyphs, RedactImage {}

  private record Drop() implements Decision {}

  /** A text-showing operator with some of its glyphs under a mark. */
  private record CutGlyphs(PDFont font, List<Glyph> glyphs) implements Decision {}

  private record Glyph(boolean removed, float advance, float fontSize, float charSpacing, float wordSpacing) {}

  /** An image drawn with {@code ctm} whose pixels under the marks are to be painted black. */
  private record RedactImage(PDImageXObject image, Matrix ctm) implements Decision {}

  /** Runs the page's operators to find what lies under the marks. Nested forms are not entered. */
  private static final class Locator extends PDFStreamEngine {

    private final List<Rectangle2D> marks;
    private final Map<Integer, Decision> decisions = new HashMap<>();
    private int index = -1;
    private List<Glyph> glyphs;
    private boolean anyRemoved;

    Locator(List<Rectangle2D> marks) {
      this.marks = marks;
      addOperator(new BeginText(this));
      addOperator(new EndText(this));
      addOperator(new Concatenate(this));
      addOperator(new Save(this));
      addOperator(new Restore(this));
      addOperator(new SetGraphicsStateParameters(this));
      addOperator(new SetMatrix(this));
      addOperator(new MoveText(this));
      addOperator(new MoveTextSetLeading(this));
      addOperator(new NextLine(this));
      addOperator(new SetCharSpacing(this));
      addOperator(new SetFontAndSize(this));
      addOperator(new SetTextHorizontalScaling(this));
      addOperator(new SetTextLeading(this));
      addOperator(new SetTextRenderingMode(this));
      addOperator(new SetTextRise(this));
      addOperator(new SetWordSpacing(this));
      addOperator(new ShowText(this));
      addOperator(new ShowTextAdjusted(this));
      addOperator(new ShowTextLine(this));
      addOperator(new ShowTextLineAndSpace(this));
    }

    @Override
    protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
      index++;
      String name = operator.getName();
      switch (name) {
        case OperatorName.SHOW_TEXT, OperatorName.SHOW_TEXT_ADJUSTED, OperatorName.SHOW_TEXT_LINE,
            OperatorName.SHOW_TEXT_LINE_AND_SPACE -> {
          glyphs = new ArrayList<>();
          anyRemoved = false;
          super.processOperator(operator, operands);
          if (anyRemoved) {
            PDFont font = getGraphicsState().getTextState().getFont();
            decisions.put(index, font instanceof PDType0Font t0 && t0.isVertical() || font == null
                ? new Drop() : new CutGlyphs(font, glyphs));
          }
          glyphs = null;
        }
        case OperatorName.DRAW_OBJECT -> drawObject(operands);
        case OperatorName.BEGIN_INLINE_IMAGE -> {
          if (underMark(unitSquare())) {
            decisions.put(index, new Drop());
          }
        }
        default -> super.processOperator(operator, operands);
      }
    }

    private void drawObject(List<COSBase> operands) throws IOException {
      if (operands.isEmpty() || !(operands.get(0) instanceof COSName name) || getResources() == null) {
        return;
      }
      PDXObject xobject = getResources().getXObject(name);
      if (xobject instanceof PDImageXObject image) {
        if (underMark(unitSquare())) {
          decisions.put(index, image.isStencil() ? new Drop()
              : new RedactImage(image, getGraphicsState().getCurrentTransformationMatrix().clone()));
        }
      } else if (xobject instanceof PDFormXObject form) {
        PDRectangle bbox = form.getBBox();
        Matrix m = form.getMatrix().multiply(getGraphicsState().getCurrentTransformationMatrix());
        Rectangle2D area = bbox == null ? null
            : transformed(m, bbox.getLowerLeftX(), bbox.getLowerLeftY(), bbox.getUpperRightX(), bbox.getUpperRightY());
        if (area == null || underMark(area)) {
          decisions.put(index, new Drop());
        }
      }
    }

    private Rectangle2D unitSquare() {
      return transformed(getGraphicsState().getCurrentTransformationMatrix(), 0, 0, 1, 1);
    }

    private boolean underMark(Rectangle2D area) {
      return marks.stream().anyMatch(m -> m.intersects(area));
    }

    @Override
    public void showForm(PDFormXObject form) {
      // not entered: a form under a mark is dropped whole (see drawObject)
    }

    @Override
    public void showTransparencyGroup(PDTransparencyGroup form) {
      // as showForm
    }

    @Override
    protected void showGlyph(Matrix trm, PDFont font, int code, Vector displacement) {
      PDTextState state = getGraphicsState().getTextState();
      float advance = displacement.getX();
      Rectangle2D box = transformed(trm, 0, -PageText.DESCENT, Math.max(advance, 0.001f),
          PageText.HEIGHT - PageText.DESCENT);
      boolean removed = false;
      double area = box.getWidth() * box.getHeight();
      for (Rectangle2D mark : marks) {
        Rectangle2D overlap = mark.createIntersection(box);
        boolean covered = overlap.getWidth() > 0 && overlap.getHeight() > 0
            && overlap.getWidth() * overlap.getHeight() >= COVERED * area;
        if (covered || mark.contains(box.getCenterX(), box.getCenterY())) {
          removed = true;
          break;
        }
      }
      anyRemoved |= removed;
      if (glyphs != null) {
        glyphs.add(new Glyph(removed, advance, state.getFontSize(), state.getCharacterSpacing(),
            state.getWordSpacing()));
      }
    }
  }

  /** The axis-aligned bounds of the rectangle (x0, y0)-(x1, y1) transformed by m. */
  private static Rectangle2D transformed(Matrix m, float x0, float y0, float x1, float y1) {
    Point2D.Float[] corners = {m.transformPoint(x0, y0), m.transformPoint(x1, y0), m.transformPoint(x0, y1),
        m.transformPoint(x1, y1)};
    double minX = Double.MAX_VALUE;
    double minY = Double.MAX_VALUE;
    double maxX = -Double.MAX_VALUE;
    double maxY = -Double.MAX_VALUE;
    for (Point2D.Float c : corners) {
      minX = Math.min(minX, c.x);
      minY = Math.min(minY, c.y);
      maxX = Math.max(maxX, c.x);
      maxY = Math.max(maxY, c.y);
    }
    return new Rectangle2D.Double(minX, minY, maxX - minX, maxY - minY);
  }

  // ---- rewriting the content stream ----

  private List<Object> rewrite(PDDocument document, PDPage page, List<Object> tokens, Locator locator,
      Set<COSBase> hiddenGroups) throws IOException {
    List<Object> out = new ArrayList<>();
    List<COSBase> operands = new ArrayList<>();
    Deque<Boolean> marked = new ArrayDeque<>();
    int hidden = 0;
    int index = -1;
    int redactedImages = 0;
    COSDictionary xobjects = page.getResources().getCOSObject().getCOSDictionary(COSName.XOBJECT);
    for (Object token : tokens) {
      if (token instanceof COSBase operand) {
        operands.add(operand);
        continue;
      }
      Operator op = (Operator) token;
      index++;
      String name = op.getName();
      Decision decision = locator.decisions.get(index);
      switch (name) {
        case OperatorName.BEGIN_MARKED_CONTENT_SEQ -> {
          // property lists (/ActualText, /Alt, /E, optional content) are dropped with BDC -> BMC
          boolean hides = operands.size() >= 2 && isHidden(page, operands.get(1), hiddenGroups);
          marked.push(hides);
          hidden += hides ? 1 : 0;
          if (!operands.isEmpty() && operands.get(0) instanceof COSName tag) {
            out.add(tag);
            out.add(Operator.getOperator(OperatorName.BEGIN_MARKED_CONTENT));
          } else {
            out.add(COSName.getPDFName("Span"));
            out.add(Operator.getOperator(OperatorName.BEGIN_MARKED_CONTENT));
          }
        }
        case OperatorName.BEGIN_MARKED_CONTENT -> {
          marked.push(false);
          emit(out, operands, op);
        }
        case OperatorName.END_MARKED_CONTENT -> {
          if (!marked.isEmpty() && marked.pop()) {
            hidden--;
          }
          emit(out, operands, op);
        }
        case OperatorName.MARKED_CONTENT_POINT_WITH_PROPS, OperatorName.MARKED_CONTENT_POINT -> {
          // dropped: a point's properties may carry text
        }
        case OperatorName.SHOW_TEXT, OperatorName.SHOW_TEXT_ADJUSTED, OperatorName.SHOW_TEXT_LINE,
            OperatorName.SHOW_TEXT_LINE_AND_SPACE -> {
          if (hidden > 0 || decision instanceof Drop) {
            keepLineMoves(out, operands, name);
          } else if (decision instanceof CutGlyphs cut) {
            keepLineMoves(out, operands, name);
            COSArray array = cutGlyphs(cut, operands, name);
            out.add(array);
            out.add(Operator.getOperator(OperatorName.SHOW_TEXT_ADJUSTED));
          } else {
            emit(out, operands, op);
          }
        }
        case OperatorName.DRAW_OBJECT -> {
          if (hidden > 0 || decision instanceof Drop || hiddenXObject(page, operands, hiddenGroups)) {
            // dropped
          } else if (decision instanceof RedactImage redact) {
            PDImageXObject replacement = blackedOut(document, redact, locator.marks);
            COSName newName = COSName.getPDFName("Redacted" + (++redactedImages) + "_" + index);
            xobjects.setItem(newName, replacement);
            out.add(newName);
            out.add(op);
          } else {
            emit(out, operands, op);
          }
        }
        case OperatorName.BEGIN_INLINE_IMAGE -> {
          if (hidden == 0 && !(decision instanceof Drop)) {
            emit(out, operands, op);
          }
        }
        case OperatorName.SHADING_FILL, OperatorName.STROKE_PATH, OperatorName.CLOSE_AND_STROKE,
            OperatorName.FILL_NON_ZERO, OperatorName.LEGACY_FILL_NON_ZERO, OperatorName.FILL_EVEN_ODD,
            OperatorName.FILL_NON_ZERO_AND_STROKE, OperatorName.FILL_EVEN_ODD_AND_STROKE,
            OperatorName.CLOSE_FILL_NON_ZERO_AND_STROKE, OperatorName.CLOSE_FILL_EVEN_ODD_AND_STROKE -> {
          if (hidden > 0) {
            out.add(Operator.getOperator(OperatorName.ENDPATH));
          } else {
            emit(out, operands, op);
          }
        }
        default -> emit(out, operands, op);
      }
      operands.clear();
    }
    while (!marked.isEmpty()) {
      marked.pop();
      out.add(Operator.getOperator(OperatorName.END_MARKED_CONTENT));
    }
    return out;
  }

  private static void emit(List<Object> out, List<COSBase> operands, Operator op) {
    out.addAll(operands);
    out.add(op);
  }

  /** The line moves and spacing a removed ' or " operator would have made. */
  private static void keepLineMoves(List<Object> out, List<COSBase> operands, String name) {
    if (OperatorName.SHOW_TEXT_LINE_AND_SPACE.equals(name) && operands.size() >= 2) {
      out.add(operands.get(0));
      out.add(Operator.getOperator(OperatorName.SET_WORD_SPACING));
      out.add(operands.get(1));
      out.add(Operator.getOperator(OperatorName.SET_CHAR_SPACING));
    }
    if (OperatorName.SHOW_TEXT_LINE.equals(name) || OperatorName.SHOW_TEXT_LINE_AND_SPACE.equals(name)) {
      out.add(Operator.getOperator(OperatorName.NEXT_LINE));
    }
  }

  /** The shown strings with the removed glyphs cut out, each replaced by its advance (a TJ number). */
  private static COSArray cutGlyphs(CutGlyphs cut, List<COSBase> operands, String name) throws IOException {
    List<COSBase> parts = new ArrayList<>();
    if (OperatorName.SHOW_TEXT_ADJUSTED.equals(name) && !operands.isEmpty() && operands.get(0) instanceof COSArray a) {
      a.forEach(parts::add);
    } else if (!operands.isEmpty()) {
      parts.add(operands.get(operands.size() - 1));
    }
    COSArray result = new COSArray();
    ByteArrayOutputStream kept = new ByteArrayOutputStream();
    float pending = 0;
    int g = 0;
    for (COSBase part : parts) {
      if (part instanceof COSNumber number) {
        if (kept.size() > 0) {
          result.add(new COSString(kept.toByteArray()));
          kept.reset();
        }
        pending += number.floatValue();
      } else if (part instanceof COSString string) {
        byte[] bytes = string.getBytes();
        ByteArrayInputStream in = new ByteArrayInputStream(bytes);
        while (in.available() > 0) {
          int before = bytes.length - in.available();
          int code = cut.font().readCode(in);
          int after = bytes.length - in.available();
          Glyph glyph = g < cut.glyphs().size() ? cut.glyphs().get(g) : new Glyph(true, 0, 0, 0, 0);
          g++;
          if (glyph.removed()) {
            if (kept.size() > 0) {
              result.add(new COSString(kept.toByteArray()));
              kept.reset();
            }
            float space = after - before == 1 && code == 32 ? glyph.wordSpacing() : 0;
            if (glyph.fontSize() != 0) {
              pending -= (glyph.advance() * glyph.fontSize() + glyph.charSpacing() + space) / glyph.fontSize() * 1000;
            }
          } else {
            if (pending != 0) {
              result.add(new COSFloat(pending));
              pending = 0;
            }
            kept.write(bytes, before, after - before);
          }
        }
      }
    }
    if (kept.size() > 0) {
      result.add(new COSString(kept.toByteArray()));
    }
    if (pending != 0) {
      result.add(new COSFloat(pending));
    }
    return result;
  }

  /** A copy of the image with every pixel under a mark painted black. */
  private static PDImageXObject blackedOut(PDDocument document, RedactImage redact, List<Rectangle2D> marks)
      throws IOException {
    BufferedImage source = redact.image().getImage();
    BufferedImage image = new BufferedImage(source.getWidth(), source.getHeight(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.drawImage(source, 0, 0, null);
    g.dispose();
    int w = image.getWidth();
    int h = image.getHeight();
    Matrix ctm = redact.ctm();
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        Point2D.Float p = ctm.transformPoint((x + 0.5f) / w, 1 - (y + 0.5f) / h);
        for (Rectangle2D mark : marks) {
          if (mark.contains(p.x, p.y)) {
            image.setRGB(x, y, 0);
            break;
          }
        }
      }
    }
    return LosslessFactory.createFromImage(document, image);
  }

  // ---- optional content ----

  /** The optional content groups hidden in the default view (ON/OFF lists and the base state). */
  private static Set<COSBase> hiddenOptionalContent(PDDocument document) {
    Set<COSBase> hidden = new HashSet<>();
    COSDictionary properties = document.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.OCPROPERTIES);
    if (properties == null) {
      return hidden;
    }
    COSDictionary defaults = properties.getCOSDictionary(COSName.D);
    COSArray all = properties.getCOSArray(COSName.OCGS);
    boolean baseOff = defaults != null && COSName.OFF.equals(defaults.getCOSName(COSName.BASE_STATE));
    if (baseOff && all != null) {
      all.forEach(o -> hidden.add(resolve(o)));
      COSArray on = defaults.getCOSArray(COSName.ON);
      if (on != null) {
        on.forEach(o -> hidden.remove(resolve(o)));
      }
    }
    if (defaults != null && defaults.getCOSArray(COSName.OFF) != null) {
      defaults.getCOSArray(COSName.OFF).forEach(o -> hidden.add(resolve(o)));
    }
    return hidden;
  }

  private static COSBase resolve(COSBase base) {
    return base instanceof COSObject o ? o.getObject() : base;
  }

  /** Whether a marked-content property list names hidden optional content (a membership dictionary counts). */
  private static boolean isHidden(PDPage page, COSBase properties, Set<COSBase> hiddenGroups) {
    COSBase dict = resolve(properties);
    if (dict instanceof COSName name) {
      COSDictionary list = page.getResources().getCOSObject().getCOSDictionary(COSName.PROPERTIES);
      dict = list == null ? null : resolve(list.getDictionaryObject(name));
    }
    if (!(dict instanceof COSDictionary d)) {
      return false;
    }
    if (COSName.OCMD.equals(d.getCOSName(COSName.TYPE))) {
      return true;
    }
    return COSName.OCG.equals(d.getCOSName(COSName.TYPE)) && hiddenGroups.contains(d);
  }

  private static boolean hiddenXObject(PDPage page, List<COSBase> operands, Set<COSBase> hiddenGroups) {
    if (operands.isEmpty() || !(operands.get(0) instanceof COSName name)) {
      return true;
    }
    COSDictionary xobjects = page.getResources().getCOSObject().getCOSDictionary(COSName.XOBJECT);
    COSBase x = xobjects == null ? null : resolve(xobjects.getDictionaryObject(name));
    if (!(x instanceof COSStream stream)) {
      return true;
    }
    COSBase oc = resolve(stream.getDictionaryObject(COSName.OC));
    return oc instanceof COSDictionary d && (COSName.OCMD.equals(d.getCOSName(COSName.TYPE)) || hiddenGroups.contains(d));
  }

  // ---- the box and the document ----

  private static void drawBox(PDDocument document, PDPage page, ByteArrayOutputStream content, Rectangle2D r,
      String label) throws IOException {
    String box = String.format(java.util.Locale.ROOT, "q 0 g %.3f %.3f %.3f %.3f re f Q%n", r.getX(), r.getY(),
        r.getWidth(), r.getHeight());
    content.write(box.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    if (label == null || r.getWidth() < 12 || r.getHeight() < 6) {
      return;
    }
    // The label is drawn as an image: it is the only text in the box, and no font needs embedding.
    int scale = 4;
    int w = (int) Math.ceil(r.getWidth() * scale);
    int h = (int) Math.ceil(r.getHeight() * scale);
    if ((long) w * h > 8_000_000L) {
      scale = 1;
      w = (int) Math.ceil(r.getWidth());
      h = (int) Math.ceil(r.getHeight());
    }
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.BLACK);
    g.fillRect(0, 0, w, h);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    float size = Math.min(h * 0.7f, 10f * scale);
    Font font = labelFont().deriveFont(size);
    FontMetrics metrics = g.getFontMetrics(font);
    while (metrics.stringWidth(label) > w * 0.95 && size > 3 * scale) {
      size *= 0.9f;
      font = font.deriveFont(size);
      metrics = g.getFontMetrics(font);
    }
    if (metrics.stringWidth(label) <= w) {
      g.setFont(font);
      g.drawString(label, (w - metrics.stringWidth(label)) / 2, (h - metrics.getHeight()) / 2 + metrics.getAscent());
    }
    g.dispose();
    PDImageXObject xobject = LosslessFactory.createFromImage(document, image);
    COSDictionary xobjects = page.getResources().getCOSObject().getCOSDictionary(COSName.XOBJECT);
    if (xobjects == null) {
      xobjects = new COSDictionary();
      page.getResources().getCOSObject().setItem(COSName.XOBJECT, xobjects);
    }
    COSName name = COSName.getPDFName("RedactionLabel" + xobjects.size());
    xobjects.setItem(name, xobject);
    String draw = String.format(java.util.Locale.ROOT, "q %.3f 0 0 %.3f %.3f %.3f cm /%s Do Q%n", r.getWidth(),
        r.getHeight(), r.getX(), r.getY(), name.getName());
    content.write(draw.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  }

  private static volatile Font labelFont;

  /** A font that shows the Chinese labels (Noto Sans CJK SC from Debian's fonts-noto-cjk when installed). */
  private static Font labelFont() {
    Font font = labelFont;
    if (font == null) {
      font = new Font(Font.SANS_SERIF, Font.BOLD, 10);
      for (String family : List.of("Noto Sans CJK SC", "Noto Serif CJK SC", "WenQuanYi Zen Hei", "SimHei")) {
        Font candidate = new Font(family, Font.BOLD, 10);
        if (candidate.getFamily().equals(family) && candidate.canDisplayUpTo("商业秘密或个人隐私") == -1) {
          font = candidate;
          break;
        }
      }
      labelFont = font;
    }
    return font;
  }

  /** Removes what a reader could recover besides the pages' visible content. */
  private static void strip(PDDocument document) {
    document.setDocumentInformation(new PDDocumentInformation());
    document.getDocument().getTrailer().removeItem(COSName.INFO);
    PDDocumentCatalog catalog = document.getDocumentCatalog();
    COSDictionary root = catalog.getCOSObject();
    for (String key : List.of("Metadata", "OCProperties", "AcroForm", "Names", "OpenAction", "AA", "StructTreeRoot",
        "MarkInfo", "Outlines", "PieceInfo", "Threads", "Perms", "Collection", "Dests", "URI", "SpiderInfo",
        "Legal", "Requirements", "AF", "DSS")) {
      root.removeItem(COSName.getPDFName(key));
    }
  }
}

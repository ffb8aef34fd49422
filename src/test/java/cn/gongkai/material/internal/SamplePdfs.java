package cn.gongkai.material.internal;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.graphics.optionalcontent.PDOptionalContentGroup;
import org.apache.pdfbox.pdmodel.graphics.optionalcontent.PDOptionalContentProperties;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationText;

/**
 * Sample PDFs with Chinese text, built the way many government PDFs are: the Adobe CJK font STSong-Light, not
 * embedded, Unicode (UniGB-UCS2-H) encoding. PDFBox cannot embed the host's CJK fonts (Noto CJK has CFF outlines).
 */
public final class SamplePdfs {

  static final float SIZE = 12;
  static final float LEFT = 50;

  private SamplePdfs() {}

  /** A page builder: lines of Chinese text at given heights. */
  public static final class Page {
    final PDPage page = new PDPage(PDRectangle.A4);
    final StringBuilder content = new StringBuilder();

    public Page text(float x, float y, String text) {
      content.append("BT /F1 ").append((int) SIZE).append(" Tf ").append(x).append(' ').append(y).append(" Td <")
          .append(HexFormat.of().formatHex(text.getBytes(StandardCharsets.UTF_16BE))).append("> Tj ET\n");
      return this;
    }

    Page raw(String operators) {
      content.append(operators).append('\n');
      return this;
    }
  }

  /** A document of the pages, each with the CJK font as /F1. */
  public static byte[] document(List<Page> pages) throws IOException {
    try (PDDocument document = new PDDocument()) {
      for (Page p : pages) {
        add(document, p);
      }
      return save(document);
    }
  }

  static void add(PDDocument document, Page p) throws IOException {
    document.addPage(p.page);
    PDResources resources = new PDResources();
    COSDictionary fonts = new COSDictionary();
    fonts.setItem(COSName.getPDFName("F1"), cjkFont());
    resources.getCOSObject().setItem(COSName.FONT, fonts);
    p.page.setResources(resources);
    try (PDPageContentStream stream = new PDPageContentStream(document, p.page)) {
      stream.appendRawCommands(p.content.toString());
    }
  }

  static byte[] save(PDDocument document) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    document.save(out);
    return out.toByteArray();
  }

  /** Type0 font STSong-Light (Adobe-GB1), UniGB-UCS2-H: a string is the text in UTF-16BE. */
  static COSDictionary cjkFont() {
    return cn.gongkai.testing.ReleaseSamples.songFont();
  }

  /** A 200 x 100 picture: left half red (the secret part), right half blue. */
  static BufferedImage redBluePicture() {
    BufferedImage image = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.RED);
    g.fillRect(0, 0, 100, 100);
    g.setColor(Color.BLUE);
    g.fillRect(100, 0, 100, 100);
    g.dispose();
    return image;
  }

  /**
   * The redaction sample: personal data in the text, a picture, a span with /ActualText, a hidden layer, and
   * secrets in the document information, XMP metadata, an annotation, an attachment and JavaScript.
   */
  public static byte[] redactionSample() throws IOException {
    try (PDDocument document = new PDDocument()) {
      PDOptionalContentProperties layers = new PDOptionalContentProperties();
      PDOptionalContentGroup hidden = new PDOptionalContentGroup("内部图层");
      layers.addGroup(hidden);
      layers.setGroupEnabled(hidden, false);
      document.getDocumentCatalog().setOCProperties(layers);

      Page page = new Page()
          .text(LEFT, 780, "申请人张三的身份证号码为11010519491231002X。")
          .text(LEFT, 760, "联系电话13812345678，请勿外传。")
          .text(LEFT, 740, "本机关决定予以公开。")
          .raw("/Span <</ActualText <" + HexFormat.of().formatHex("\uFEFF".getBytes(StandardCharsets.UTF_16BE))
              + HexFormat.of().formatHex("实际文字秘密".getBytes(StandardCharsets.UTF_16BE)) + ">>> BDC")
          .text(LEFT, 720, "附件说明")
          .raw("EMC")
          .raw("/OC /oc1 BDC")
          .text(LEFT, 700, "隐藏图层秘密")
          .raw("EMC")
          .raw("q 200 0 0 100 50 400 cm /Im1 Do Q");
      add(document, page);
      PDResources resources = page.page.getResources();
      COSDictionary properties = new COSDictionary();
      properties.setItem(COSName.getPDFName("oc1"), hidden.getCOSObject());
      resources.getCOSObject().setItem(COSName.PROPERTIES, properties);
      PDImageXObject image = LosslessFactory.createFromImage(document, redBluePicture());
      resources.put(COSName.getPDFName("Im1"), image);

      PDDocumentInformation info = new PDDocumentInformation();
      info.setTitle("TITLE-SECRET 秘密标题");
      info.setAuthor("AUTHOR-SECRET");
      document.setDocumentInformation(info);
      PDMetadata xmp = new PDMetadata(document, new ByteArrayInputStream(
          "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><dc:title>XMP-SECRET-99</dc:title></x:xmpmeta>"
              .getBytes(StandardCharsets.UTF_8)));
      document.getDocumentCatalog().setMetadata(xmp);

      PDAnnotationText note = new PDAnnotationText();
      note.setContents("ANNOT-SECRET");
      note.setRectangle(new PDRectangle(300, 300, 20, 20));
      page.page.getAnnotations().add(note);

      PDEmbeddedFile file = new PDEmbeddedFile(document,
          new ByteArrayInputStream("ATTACH-SECRET".getBytes(StandardCharsets.US_ASCII)));
      PDComplexFileSpecification spec = new PDComplexFileSpecification();
      spec.setFile("secret.txt");
      spec.setEmbeddedFile(file);
      PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
      tree.setNames(Map.of("secret.txt", spec));
      PDDocumentNameDictionary names = new PDDocumentNameDictionary(document.getDocumentCatalog());
      names.setEmbeddedFiles(tree);
      document.getDocumentCatalog().setNames(names);
      document.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert('JS-SECRET')"));
      return save(document);
    }
  }
}

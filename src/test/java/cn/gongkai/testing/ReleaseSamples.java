package cn.gongkai.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;

/**
 * Files an office releases, for the workflow tests of issue 16: a short Chinese notice as a PDF whose text is set in
 * the Adobe CJK font STSong-Light (not embedded, UniGB-UCS2-H), as many government PDFs are; one page per list of
 * lines, 13 pt, 22 pt apart from the top of an A4 page.
 */
public final class ReleaseSamples {

  /** A project tender notice that names a person with ID number and mobile number (third-party privacy). */
  public static final List<String> TENDER_NOTICE = List.of(
      "楚雄市城市道路维修工程招标公告",
      "一、项目名称：2025年度城市道路维修工程",
      "二、招标人：楚雄市住房和城乡建设局",
      "三、项目负责人：王建国",
      "身份证号码：11010519491231002X",
      "联系电话：13812345678",
      "四、投标截止时间：2025年3月15日",
      "五、预算金额：人民币三百万元");

  /** A second page without personal data. */
  public static final List<String> BUDGET = List.of(
      "附件：工程预算说明",
      "本工程预算按照本市市政工程计价规定编制。",
      "投标人应当按照招标文件要求提交投标文件。");

  private ReleaseSamples() {}

  /** A PDF with one page per list of lines. */
  @SafeVarargs
  public static byte[] pdf(List<String>... pages) {
    try (PDDocument document = new PDDocument()) {
      for (List<String> lines : pages) {
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        PDResources resources = new PDResources();
        COSDictionary fonts = new COSDictionary();
        fonts.setItem(COSName.getPDFName("F1"), songFont());
        resources.getCOSObject().setItem(COSName.FONT, fonts);
        page.setResources(resources);
        StringBuilder content = new StringBuilder();
        float y = PDRectangle.A4.getHeight() - 80;
        for (String line : lines) {
          content.append("BT /F1 13 Tf 60 ").append(y).append(" Td <")
              .append(HexFormat.of().formatHex(line.getBytes(StandardCharsets.UTF_16BE))).append("> Tj ET\n");
          y -= 22;
        }
        PDStream stream = new PDStream(document);
        try (OutputStream out = stream.createOutputStream()) {
          out.write(content.toString().getBytes(StandardCharsets.US_ASCII));
        }
        page.setContents(stream);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The usual two-page tender notice. */
  public static byte[] tenderNotice() {
    return pdf(TENDER_NOTICE, BUDGET);
  }

  /**
   * A Type0 font STSong-Light (Adobe-GB1, UniGB-UCS2-H: a shown string is the text in UTF-16BE), not embedded, as
   * many government PDFs carry it.
   */
  public static COSDictionary songFont() {
    COSDictionary system = new COSDictionary();
    system.setString(COSName.REGISTRY, "Adobe");
    system.setString(COSName.ORDERING, "GB1");
    system.setInt(COSName.SUPPLEMENT, 2);
    COSDictionary descriptor = new COSDictionary();
    descriptor.setItem(COSName.TYPE, COSName.FONT_DESC);
    descriptor.setName(COSName.FONT_NAME, "STSong-Light");
    descriptor.setInt(COSName.FLAGS, 6);
    COSArray bbox = new COSArray();
    for (int v : new int[] {-25, -254, 1000, 880}) {
      bbox.add(COSInteger.get(v));
    }
    descriptor.setItem(COSName.FONT_BBOX, bbox);
    descriptor.setInt(COSName.ITALIC_ANGLE, 0);
    descriptor.setInt(COSName.ASCENT, 880);
    descriptor.setInt(COSName.DESCENT, -120);
    descriptor.setInt(COSName.CAP_HEIGHT, 880);
    descriptor.setInt(COSName.STEM_V, 93);
    COSDictionary cid = new COSDictionary();
    cid.setItem(COSName.TYPE, COSName.FONT);
    cid.setItem(COSName.SUBTYPE, COSName.CID_FONT_TYPE0);
    cid.setName(COSName.BASE_FONT, "STSong-Light");
    cid.setItem(COSName.CIDSYSTEMINFO, system);
    cid.setItem(COSName.FONT_DESC, descriptor);
    cid.setInt(COSName.DW, 1000);
    // half-width Latin letters and digits (CIDs 1-95 of Adobe-GB1)
    COSArray widths = new COSArray();
    widths.add(COSInteger.get(1));
    widths.add(COSInteger.get(95));
    widths.add(COSInteger.get(500));
    cid.setItem(COSName.W, widths);
    COSArray descendants = new COSArray();
    descendants.add(cid);
    COSDictionary font = new COSDictionary();
    font.setItem(COSName.TYPE, COSName.FONT);
    font.setItem(COSName.SUBTYPE, COSName.TYPE0);
    font.setName(COSName.BASE_FONT, "STSong-Light-UniGB-UCS2-H");
    font.setName(COSName.ENCODING, "UniGB-UCS2-H");
    font.setItem(COSName.DESCENDANT_FONTS, descendants);
    return font;
  }
}

package cn.gongkai.material.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.material.Box;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The redacted copy really loses what is marked, and everything a reader could recover besides the page. */
class PdfRedactorTest {

  final PdfRedactor redactor = new PdfRedactor();

  @Test
  void removesMarkedTextPictureMetadataActualTextAndHiddenLayers() throws IOException {
    // given the sample, whose text, metadata and objects carry every secret
    byte[] original = SamplePdfs.redactionSample();
    assertThat(text(original)).contains("张三", "11010519491231002X", "13812345678", "隐藏图层秘密");
    assertThat(everything(original)).contains("TITLE-SECRET", "XMP-SECRET-99", "实际文字秘密", "ANNOT-SECRET",
        "ATTACH-SECRET", "JS-SECRET");
    assertThat(redPixels(original)).isPositive();

    // when the name, the ID number and the phone number are marked by text, and the red half of the picture by area
    List<PdfRedactor.Area> areas = new ArrayList<>();
    for (String secret : List.of("张三", "11010519491231002X", "13812345678")) {
      redactor.find(original, secret).forEach(b -> areas.add(new PdfRedactor.Area(b, "商业秘密或个人隐私")));
    }
    areas.add(new PdfRedactor.Area(new Box(1, 50, 400, 100, 100), "商业秘密或个人隐私"));
    assertThat(areas).hasSize(4);
    byte[] redacted = redactor.redact(original, areas);

    // then the extracted text has none of the marked strings, nor the hidden layer, but the rest of the text
    String text = text(redacted);
    assertThat(text).doesNotContain("张三", "11010519491231002X", "13812345678", "隐藏图层秘密", "1381", "002X");
    assertThat(text).contains("申请人", "的身份证号码为", "联系电话", "请勿外传", "本机关决定予以公开", "附件说明");
    // and no object of the file keeps metadata, XMP, /ActualText, the annotation, the attachment or the script
    String all = everything(redacted);
    assertThat(all).doesNotContain("TITLE-SECRET", "AUTHOR-SECRET", "XMP-SECRET-99", "实际文字秘密", "ActualText",
        "ANNOT-SECRET", "ATTACH-SECRET", "JS-SECRET", "JavaScript", "EmbeddedFile", "OCProperties", "张三",
        "13812345678", "隐藏图层秘密");
    // and the picture's red half is gone from the image itself, the blue half still there
    assertThat(redPixels(redacted)).isZero();
    assertThat(bluePixels(redacted)).isPositive();
    // (what a person sees: target/material-redaction-sample.png)
    java.nio.file.Files.write(java.nio.file.Path.of("target", "material-redaction-sample.png"), redactor.png(redacted, 1));
  }

  @Test
  void aMarkedAreaRemovesTheTextUnderItAndKeepsTheLineAroundIt() throws IOException {
    // given a line whose middle is marked by area (the 6 characters after the first 2, 12 pt each)
    byte[] original = SamplePdfs.document(List.of(new SamplePdfs.Page().text(50, 700, "甲乙丙丁戊己庚辛壬癸")));
    Box middle = new Box(1, 50 + 2 * 12, 695, 6 * 12, 15);

    // when redacted
    byte[] redacted = redactor.redact(original, List.of(new PdfRedactor.Area(middle, "过程性信息")));

    // then the marked characters are gone and the others stay where they were
    String text = text(redacted).strip();
    assertThat(text).doesNotContain("丙", "丁", "戊", "己", "庚", "辛").contains("甲乙").contains("壬癸");
    assertThat(redactor.find(redacted, "壬癸")).isEqualTo(redactor.find(original, "壬癸"));
  }

  @Test
  void findsEveryOccurrenceOfAText() throws IOException {
    byte[] pdf = SamplePdfs.document(List.of(
        new SamplePdfs.Page().text(50, 700, "李四来函，李四签收").text(50, 680, "另抄送李四"),
        new SamplePdfs.Page().text(50, 700, "李 四")));
    List<Box> found = redactor.find(pdf, "李四");
    assertThat(found).hasSize(4);
    assertThat(found.get(0).page()).isEqualTo(1);
    assertThat(found.get(0).x()).isEqualTo(50f);
    assertThat(found.get(0).w()).isEqualTo(24f);
    assertThat(found.get(3).page()).isEqualTo(2);
  }

  static String text(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    }
  }

  /** Every object of the file, streams decoded, strings as text (PDFDocEncoding or UTF-16). */
  static String everything(byte[] pdf) throws IOException {
    StringBuilder all = new StringBuilder();
    try (PDDocument document = Loader.loadPDF(pdf)) {
      for (COSObject object : document.getDocument().getXrefTable().keySet().stream()
          .map(k -> document.getDocument().getObjectFromPool(k)).toList()) {
        append(all, object.getObject(), 0);
      }
      append(all, document.getDocument().getTrailer(), 0);
    }
    return all.toString();
  }

  private static void append(StringBuilder all, COSBase base, int depth) throws IOException {
    if (base == null || depth > 20) {
      return;
    }
    if (base instanceof COSObject o) {
      return; // reached through the xref table
    }
    if (base instanceof COSString s) {
      all.append(s.getString()).append('\n');
    } else if (base instanceof COSDictionary d) {
      for (var e : d.entrySet()) {
        all.append(e.getKey().getName()).append('\n');
        append(all, e.getValue(), depth + 1);
      }
      if (d instanceof COSStream stream) {
        byte[] bytes;
        try (var in = stream.createInputStream()) {
          bytes = in.readAllBytes();
        } catch (IOException e) {
          bytes = new byte[0];
        }
        all.append(new String(bytes, StandardCharsets.ISO_8859_1)).append('\n');
        all.append(new String(bytes, StandardCharsets.UTF_8)).append('\n');
        all.append(new String(bytes, StandardCharsets.UTF_16BE)).append('\n');
        // content streams: their strings and inline dictionaries (as BDC property lists) decoded too
        try {
          for (Object token : new org.apache.pdfbox.pdfparser.PDFStreamParser(bytes).parse()) {
            if (token instanceof COSBase operand) {
              append(all, operand, depth + 1);
            }
          }
        } catch (IOException | RuntimeException e) {
          // not a content stream
        }
      }
    } else if (base instanceof org.apache.pdfbox.cos.COSArray a) {
      for (COSBase item : a) {
        append(all, item, depth + 1);
      }
    } else if (base instanceof COSName n) {
      all.append(n.getName()).append('\n');
    }
  }

  private static long redPixels(byte[] pdf) throws IOException {
    return pixels(pdf, 0xFF0000);
  }

  private static long bluePixels(byte[] pdf) throws IOException {
    return pixels(pdf, 0x0000FF);
  }

  /** Pixels of that colour in the pictures of page 1. */
  private static long pixels(byte[] pdf, int rgb) throws IOException {
    long count = 0;
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDResources resources = document.getPage(0).getResources();
      for (COSName name : resources.getXObjectNames()) {
        if (resources.getXObject(name) instanceof PDImageXObject image) {
          BufferedImage picture = image.getImage();
          for (int y = 0; y < picture.getHeight(); y++) {
            for (int x = 0; x < picture.getWidth(); x++) {
              if ((picture.getRGB(x, y) & 0xFFFFFF) == rgb) {
                count++;
              }
            }
          }
        }
      }
    }
    return count;
  }
}

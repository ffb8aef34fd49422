package cn.gongkai.letters;

import ch.qos.logback.classic.Level;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.slf4j.LoggerFactory;

/** Letter data for every kind, and reading a generated letter back as text. */
final class LetterSamples {

  static final LocalDate RECEIVED = LocalDate.of(2026, 2, 10);
  static final LocalDate ISSUED = LocalDate.of(2026, 3, 16);
  static final String APPLICANT = "李明";
  static final String REQUEST = "2025年楚雄市老旧小区改造项目的资金拨付明细";
  static final String DECISION = "（本案决定文本）";
  static final String REASONS = "（本案理由文本）";
  static final String GUIDANCE = "（本案获取途径文本）";
  static final String COMPETENT = "楚雄市住房和城乡建设局，电话0878-3000000";
  static final String ADDRESSEE = "楚雄某建筑工程有限公司";
  static final String CORRECTION_ITEMS = "1.请写明所需信息的名称、文号；\n2.请写明所需信息的形成时间。";

  /** poi-tl logs every tag at INFO; call first in fast tests to keep their output readable. */
  static void quietPoiTl() {
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("com.deepoove")).setLevel(Level.WARN);
  }

  private LetterSamples() {}

  /** Everything the kind needs, with the exemption code given (may be null). */
  static LetterData data(CaseRef ref, LetterKind kind, String exemptionCode) {
    LetterData.Builder b = LetterData.builder(ref)
        .applicantName(APPLICANT)
        .receivedOn(RECEIVED)
        .request(REQUEST)
        .decision(DECISION)
        .exemptionCode(exemptionCode)
        .issuedOn(ISSUED);
    for (LetterField field : kind.requiredData()) {
      switch (field) {
        case REASONS -> b.reasons(REASONS);
        case GUIDANCE -> b.guidance(GUIDANCE);
        case DECISION -> b.decision(DECISION);
        case ARTICLES -> b.articles("《中华人民共和国政府信息公开条例》第二条、第二十七条。");
        case REPLY_DUE -> b.replyDueOn(LocalDate.of(2026, 3, 10));
        case EXTENDED_DUE -> b.replyDueOn(LocalDate.of(2026, 3, 10)).extendedDueOn(LocalDate.of(2026, 4, 8));
        case CORRECTION_ITEMS -> b.correctionItems(CORRECTION_ITEMS);
        case CORRECTION_DUE -> b.correctionDueOn(LocalDate.of(2026, 3, 20));
        case CONSULTATION_DUE -> b.consultationDueOn(LocalDate.of(2026, 3, 27));
        case FEE_AMOUNT -> b.feeAmount(new BigDecimal("200"));
        case FEE_BASIS -> b.feeBasis("按件计收：本月第11至30件，每件100元，共2件。");
        case FEE_DUE -> b.feeDueOn(LocalDate.of(2026, 4, 14));
        default -> throw new IllegalArgumentException(field.name());
      }
    }
    if (kind == LetterKind.NOT_THIS_AGENCY) {
      b.competentAgency(COMPETENT);
    }
    if (kind.audience() != LetterKind.Audience.APPLICANT) {
      b.addressee(ADDRESSEE);
    }
    if (kind.needsExemption() && exemptionCode == null) {
      b.exemptionCode("THIRD_PARTY");
    }
    return b.build();
  }

  /** The text of a .docx as Word shows it. */
  static String text(byte[] docx) {
    try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx));
        XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
      return extractor.getText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

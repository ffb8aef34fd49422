package cn.gongkai.letters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gongkai.agency.Agencies;
import cn.gongkai.web.BadRequestException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Generating, numbering, correcting, freezing, delivering and archiving letters against the database. */
@SpringBootTest
@ActiveProfiles("test")
class LettersIT {

  @Autowired Letters letters;
  @Autowired CaseArchive archive;
  @Autowired Agencies agencies;
  @Autowired JdbcClient jdbc;
  @Autowired PlatformTransactionManager transactionManager;

  CaseRef ref;

  @BeforeEach
  void registerCase() {
    ref = TestCases.disclosureCase(jdbc, agencies.defaultAgency().code());
  }

  @ParameterizedTest
  @EnumSource(LetterKind.class)
  void generatedLetterIsNumberedStoredAndReadableBack(LetterKind kind) {
    // given the data the kind needs
    LetterData data = LetterSamples.data(ref, kind, null);

    // when the letter is generated
    StoredDocument stored = letters.generate(kind, data, "handler");

    // then it is stored as version 1 with a number of its kind and year, and reads back with that number
    assertThat(stored.version()).isEqualTo(1);
    assertThat(stored.number()).matches("楚政办公开" + kind.numberMark() + "〔2026〕第\\d+号");
    assertThat(stored.caseRef()).isEqualTo(ref);
    assertThat(stored.frozen()).isFalse();
    DocumentContent content = letters.content(stored.id(), null);
    assertThat(content.contentType()).isEqualTo(DocumentContent.DOCX);
    assertThat(content.fileName()).isEqualTo(stored.number() + "_" + kind.title() + ".docx");
    // (the file is rendered after the commit or on this first read: the checksum is the one read back)
    assertThat(Sha256.of(content.content())).isEqualTo(letters.get(stored.id()).sha256());
    assertThat(LetterSamples.text(content.content()))
        .contains(stored.number(), "楚雄彝族自治州人民政府办公室", "2026年2月10日", "2026年3月16日", "（盖章）");
    assertThat(letters.documents(ref)).extracting(StoredDocument::id).containsExactly(stored.id());
  }

  @Test
  void numbersRunPerAgencyKindAndYearWithoutGaps() {
    // given a new agency and one of its cases
    CaseRef own = TestCases.disclosureCase(jdbc, TestCases.agency(jdbc));
    String mark = TestCases.shortName(own.agencyCode());

    // when refusals, a receipt and a refusal of the next year are generated
    String first = letters.generate(LetterKind.REFUSE, LetterSamples.data(own, LetterKind.REFUSE, null), "legal").number();
    String second = letters.generate(LetterKind.REFUSE, LetterSamples.data(own, LetterKind.REFUSE, null), "legal").number();
    String receipt = letters.generate(LetterKind.RECEIPT, LetterSamples.data(own, LetterKind.RECEIPT, null), "intake").number();
    String nextYear = letters.generate(LetterKind.REFUSE, LetterSamples.data(own, LetterKind.REFUSE, null).toBuilder()
        .issuedOn(LocalDate.of(2027, 1, 4)).build(), "legal").number();

    // then each kind and year counts on its own from 1
    assertThat(List.of(first, second, receipt, nextYear))
        .containsExactly(mark + "公开否〔2026〕第1号", mark + "公开否〔2026〕第2号", mark + "公开收〔2026〕第1号",
            mark + "公开否〔2027〕第1号");
  }

  @Test
  void rolledBackGenerationGivesItsNumberBack() {
    // given a new agency
    CaseRef own = TestCases.disclosureCase(jdbc, TestCases.agency(jdbc));
    LetterData data = LetterSamples.data(own, LetterKind.DISCLOSE, null);

    // when a generation is rolled back with the caller's transaction, and another one follows
    String lost = new TransactionTemplate(transactionManager).execute(status -> {
      String number = letters.generate(LetterKind.DISCLOSE, data, "handler").number();
      status.setRollbackOnly();
      return number;
    });
    StoredDocument kept = letters.generate(LetterKind.DISCLOSE, data, "handler");

    // then the number is given again: no gap, and nothing was stored for the rolled-back letter
    assertThat(lost).isEqualTo(TestCases.shortName(own.agencyCode()) + "公开予〔2026〕第1号");
    assertThat(kept.number()).isEqualTo(lost);
    assertThat(letters.documents(own)).hasSize(1);
  }

  @Test
  void correctedVersionIsAddedAndHistoryKeptUntilFrozen() throws IOException {
    // given a generated refusal
    StoredDocument generated = letters.generate(LetterKind.REFUSE, LetterSamples.data(ref, LetterKind.REFUSE, null), "legal");
    byte[] original = letters.content(generated.id(), null).content();

    // when staff upload a corrected .docx and regenerate with a changed reason
    StoredDocument corrected = letters.addVersion(generated.id(), "更正.docx", docx("更正后的不予公开答复书"), "legal");
    StoredDocument regenerated = letters.regenerate(generated.id(),
        LetterSamples.data(ref, LetterKind.REFUSE, null).toBuilder().reasons("更新后的理由").build(), "legal");

    // then every version is kept under the same number
    assertThat(corrected.version()).isEqualTo(2);
    assertThat(regenerated.version()).isEqualTo(3);
    assertThat(regenerated.number()).isEqualTo(generated.number());
    assertThat(letters.versions(generated.id())).extracting(DocumentVersion::version, DocumentVersion::note)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "系统生成"), org.assertj.core.groups.Tuple.tuple(2, "上传更正版本"),
            org.assertj.core.groups.Tuple.tuple(3, "重新生成"));
    assertThat(letters.content(generated.id(), 1).content()).isEqualTo(original);
    assertThat(LetterSamples.text(letters.content(generated.id(), 2).content())).contains("更正后的不予公开答复书");
    assertThat(LetterSamples.text(letters.content(generated.id(), null).content())).contains("更新后的理由");

    // when the letter is signed off and frozen
    StoredDocument frozen = letters.freeze(generated.id(), "leader");

    // then no further version is accepted
    assertThat(frozen.frozen()).isTrue();
    assertThatThrownBy(() -> letters.addVersion(generated.id(), "再改.docx", docx("再改"), "legal"))
        .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.problems().get(0).message())
            .isEqualTo("文书 " + generated.number() + " 已签发定稿，不能再产生新版本"));
    assertThatThrownBy(() -> letters.regenerate(generated.id(), LetterSamples.data(ref, LetterKind.REFUSE, null), "legal"))
        .isInstanceOf(BadRequestException.class);
    assertThat(letters.versions(generated.id())).hasSize(3);
  }

  @Test
  void uploadThatIsNeitherWordNorPdfIsRefused() {
    // given a generated receipt
    StoredDocument receipt = letters.generate(LetterKind.RECEIPT, LetterSamples.data(ref, LetterKind.RECEIPT, null), "intake");

    // when / then a text file is refused, a PDF accepted
    assertThatThrownBy(() -> letters.addVersion(receipt.id(), "a.txt", "hello".getBytes(), "intake"))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("只能上传 Word 文档（.docx）或 PDF 文件");
    StoredDocument scanned = letters.addVersion(receipt.id(), "扫描件.pdf", "%PDF-1.7 ...".getBytes(), "intake");
    assertThat(letters.content(receipt.id(), scanned.version()).contentType()).isEqualTo(DocumentContent.PDF);
    assertThat(letters.content(receipt.id(), scanned.version()).fileName()).endsWith("_第2版.pdf");
  }

  @Test
  void postedLetterCountsFromTheDayHandedToChinaPost() {
    // given a signed-off reply
    StoredDocument reply = letters.generate(LetterKind.DISCLOSE, LetterSamples.data(ref, LetterKind.DISCLOSE, null), "handler");
    letters.freeze(reply.id(), "leader");

    // when a post delivery lacks the posting day / then it is refused
    assertThatThrownBy(() -> letters.recordDelivery(reply.id(), DeliveryMethod.POST, null, null))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("postedOn");
    assertThatThrownBy(() -> letters.recordDelivery(reply.id(), DeliveryMethod.EMAIL, LocalDate.of(2026, 3, 17),
        LocalDate.of(2026, 3, 17))).isInstanceOf(BadRequestException.class);
    assertThatThrownBy(() -> letters.recordDelivery(reply.id(), DeliveryMethod.IN_PERSON, LocalDate.of(2026, 3, 1), null))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("deliveredOn");

    assertThat(letters.replyDate(reply.id())).isEmpty();

    // when it is posted on the 17th and signed for on the 20th
    Delivery delivery = letters.recordDelivery(reply.id(), DeliveryMethod.POST, LocalDate.of(2026, 3, 20),
        LocalDate.of(2026, 3, 17), "intake");

    // then the day of reply is the posting day
    assertThat(delivery.replyDate()).isEqualTo(LocalDate.of(2026, 3, 17));
    assertThat(letters.deliveries(reply.id())).containsExactly(delivery);
    assertThat(letters.replyDate(reply.id())).contains(LocalDate.of(2026, 3, 17));
  }

  @Test
  void archivedCaseVerifiesAndIsWrittenOnlyOnce() throws IOException {
    // given a case with a receipt and a refusal in two versions, delivered
    StoredDocument receipt = letters.generate(LetterKind.RECEIPT, LetterSamples.data(ref, LetterKind.RECEIPT, null), "intake");
    StoredDocument refusal = letters.generate(LetterKind.REFUSE, LetterSamples.data(ref, LetterKind.REFUSE, null), "legal");
    letters.addVersion(refusal.id(), "更正.docx", docx("更正版"), "legal");
    letters.freeze(refusal.id(), "leader");
    letters.recordDelivery(refusal.id(), DeliveryMethod.POST, null, LocalDate.of(2026, 3, 17), "intake");

    // when the case is archived
    ArchivePackage written = archive.write(input("office"));

    // then the package holds register, history, every letter with earlier versions, and verifies
    assertThat(written.fileName()).isEqualTo("归档_" + ref.caseNumber() + ".zip");
    byte[] zip = archive.content(ref);
    assertThat(Sha256.of(zip)).isEqualTo(written.sha256());
    assertThat(names(zip)).containsExactly("register.json", "history.json", "documents.json",
        "documents/01-RECEIPT.docx", "documents/earlier/02-REFUSE-v1.docx", "documents/02-REFUSE.docx",
        "attachments/申请书扫描件.pdf", "manifest.json", "manifest.sha256");
    VerificationResult result = archive.verifyStored(ref);
    assertThat(result.valid()).isTrue();
    assertThat(result.archive().ok()).isTrue();
    assertThat(result.files()).hasSize(8).allSatisfy(f -> assertThat(f.ok()).isTrue());
    assertThat(receipt.id()).isPositive();

    // when it is archived again, or a letter is added afterwards / then both are refused
    assertThatThrownBy(() -> archive.write(input("office")))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("已归档，归档包不可改写");
    assertThatThrownBy(() -> letters.generate(LetterKind.OTHER, LetterSamples.data(ref, LetterKind.OTHER, null), "handler"))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("已归档");
    assertThat(archive.content(ref)).isEqualTo(zip);
  }

  @Test
  void alteringOneByteOfTheStoredPackageFailsVerificationNamingTheFile() throws IOException {
    // given an archived case with one letter
    letters.generate(LetterKind.DISCLOSE, LetterSamples.data(ref, LetterKind.DISCLOSE, null), "handler");
    archive.write(input("office"));
    byte[] zip = archive.content(ref);

    // when one byte inside the letter is altered in the database
    byte[] altered = zip.clone();
    int offset = ArchiveZipTest.dataOffset(altered, "documents/01-DISCLOSE.docx") + 200;
    altered[offset] ^= 0x01;
    jdbc.sql("UPDATE gk_archive_package SET content = ? WHERE case_kind = ? AND case_id = ?")
        .params(altered, ref.kind(), ref.id()).update();

    // then verification fails and names the letter and the package checksum
    VerificationResult result = archive.verifyStored(ref);
    assertThat(result.valid()).isFalse();
    assertThat(result.failures()).extracting(VerificationResult.FileCheck::name)
        .containsExactly("documents/01-DISCLOSE.docx");
    assertThat(result.archive().ok()).isFalse();
  }

  private ArchiveInput input(String by) {
    List<ArchiveInput.HistoryEntry> history = List.of(
        new ArchiveInput.HistoryEntry("Task_RegisterRequest", "登记申请", "intake",
            OffsetDateTime.parse("2026-02-10T09:00:00+08:00"), null, "网上申请"),
        new ArchiveInput.HistoryEntry("Task_SignOff", "签发", "leader",
            OffsetDateTime.parse("2026-03-16T15:00:00+08:00"), "APPROVED", "同意"));
    return new ArchiveInput(ref, "{\"caseNumber\":\"" + ref.caseNumber() + "\",\"applicant\":\"李明\"}", history,
        List.of(new ArchiveInput.Attachment("申请书扫描件.pdf", "%PDF-1.7".getBytes())), by);
  }

  static byte[] docx(String text) throws IOException {
    try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      document.createParagraph().createRun().setText(text);
      document.write(out);
      return out.toByteArray();
    }
  }

  static List<String> names(byte[] zip) throws IOException {
    List<String> names = new ArrayList<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      ZipEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        names.add(entry.getName());
      }
    }
    return names;
  }
}

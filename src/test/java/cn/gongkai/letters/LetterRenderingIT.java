package cn.gongkai.letters;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.agency.Agencies;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Letters are rendered after their step commits (issue 15), and none is ever lost: a letter is committed with
 * everything it says; if the JVM dies between the commit and the rendering, reading the letter or the sweep at
 * the next start still produces it, identical to a letter rendered at once.
 */
@SpringBootTest
@ActiveProfiles("test")
class LetterRenderingIT {

  @Autowired Letters letters;
  @Autowired LetterRendering rendering;
  @Autowired CaseArchive archive;
  @Autowired Agencies agencies;
  @Autowired JdbcClient jdbc;
  @Autowired PlatformTransactionManager transactionManager;

  CaseRef ref;
  Executor afterCommit;
  /** Renderings that were due after a commit but never ran: the JVM "died" right after the commit. */
  final AtomicInteger lostWithTheJvm = new AtomicInteger();

  @BeforeEach
  void crashRightAfterEveryCommit() {
    ref = TestCases.disclosureCase(jdbc, agencies.defaultAgency().code());
    afterCommit = rendering.useExecutor(task -> lostWithTheJvm.incrementAndGet());
  }

  @AfterEach
  void restoreTheRenderingThread() {
    rendering.useExecutor(afterCommit);
  }

  @Test
  void aLetterCommittedButNotRenderedBeforeACrashIsRenderedByTheSweepAtStartUp() {
    // given a receipt generated in a step's transaction, and the JVM gone before the after-commit rendering ran
    StoredDocument receipt = inTransaction(() -> letters.generate(LetterKind.RECEIPT,
        LetterSamples.data(ref, LetterKind.RECEIPT, null), "intake"));
    assertThat(lostWithTheJvm).hasValue(1);

    // then the committed row holds what the letter says, and no file yet
    assertThat(pendingRows(receipt.id())).isEqualTo(1);
    assertThat(receipt.number()).matches("楚政办公开.*〔2026〕第\\d+号");
    assertThat(receipt.sha256()).as("no checksum before the file exists").isNull();

    // when the application starts again and sweeps what was left
    rendering.useExecutor(Runnable::run);
    rendering.renderLeftOvers();

    // then the letter exists, complete, with its number, and nothing is left pending
    assertThat(pendingRows(receipt.id())).isZero();
    StoredDocument rendered = letters.peek(receipt.id());
    byte[] content = storedContent(receipt.id());
    assertThat(rendered.sha256()).isEqualTo(Sha256.of(content));
    assertThat(LetterSamples.text(content)).contains(receipt.number(), "楚雄彝族自治州人民政府办公室", "2026年2月10日");
  }

  @Test
  void aLetterNotYetRenderedIsRenderedOnItsFirstReadAndTheSameAsOneRenderedAtOnce() {
    // given a draft reply and its sign-off, both committed, neither rendered (crash after each commit)
    StoredDocument draft = inTransaction(() -> letters.draft(LetterKind.DISCLOSE,
        LetterSamples.data(ref, LetterKind.DISCLOSE, null), "handler"));
    StoredDocument signed = inTransaction(() -> letters.sign(draft.id(), LetterSamples.ISSUED, "leader"));
    assertThat(lostWithTheJvm).hasValue(2);
    assertThat(pendingRows(draft.id())).isEqualTo(2);

    // when someone opens the letter
    DocumentContent content = letters.content(signed.id(), null);
    List<DocumentVersion> versions = letters.versions(signed.id());

    // then both versions exist, the signed one numbered and dated at sign-off, with checksums that match
    assertThat(pendingRows(draft.id())).isZero();
    assertThat(versions).hasSize(2).allSatisfy(v -> assertThat(v.sha256()).isNotNull());
    assertThat(LetterSamples.text(content.content())).contains(signed.number(), "2026年3月16日")
        .doesNotContain(Letters.UNNUMBERED);
    assertThat(Sha256.of(content.content())).isEqualTo(versions.get(1).sha256());
    assertThat(LetterSamples.text(letters.content(signed.id(), 1).content())).contains(Letters.UNNUMBERED);

    // and it reads the same as the letter rendered straight from its template
    rendering.useExecutor(Runnable::run);
    StoredDocument again = letters.generate(LetterKind.RECEIPT, LetterSamples.data(ref, LetterKind.RECEIPT, null),
        "intake");
    assertThat(pendingRows(again.id())).isZero();
    assertThat(LetterSamples.text(storedContent(again.id()))).contains(again.number());
  }

  @Test
  void theArchivePackageHoldsLettersThatWereStillWaitingForTheirFile() {
    // given a receipt committed but not rendered
    StoredDocument receipt = inTransaction(() -> letters.generate(LetterKind.RECEIPT,
        LetterSamples.data(ref, LetterKind.RECEIPT, null), "intake"));

    // when the case is archived
    ArchivePackage written = archive.write(new ArchiveInput(ref, "{\"case\":1}", List.of(), "intake"));

    // then the letter was rendered into the package, and its row is complete
    assertThat(pendingRows(receipt.id())).isZero();
    assertThat(written.size()).isGreaterThan(storedContent(receipt.id()).length);
    assertThat(archive.verifyStored(ref).valid()).isTrue();
    assertThat(archive.verifyStored(ref).files()).extracting(VerificationResult.FileCheck::name)
        .contains("documents/01-RECEIPT.docx");
  }

  private <T> T inTransaction(java.util.function.Supplier<T> work) {
    return new TransactionTemplate(transactionManager).execute(status -> work.get());
  }

  private int pendingRows(long documentId) {
    return jdbc.sql("SELECT COUNT(*) FROM gk_document_version WHERE document_id = ? AND render_model IS NOT NULL")
        .param(documentId).query(Integer.class).single();
  }

  private byte[] storedContent(long documentId) {
    return jdbc.sql("SELECT content FROM gk_document_version WHERE document_id = ? ORDER BY version DESC")
        .param(documentId).query((rs, i) -> rs.getBytes(1)).list().get(0);
  }
}

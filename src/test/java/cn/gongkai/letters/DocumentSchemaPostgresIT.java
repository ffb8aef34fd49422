package cn.gongkai.letters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The V20 document tables on a real PostgreSQL: migration, binary content, locking, uniqueness. */
class DocumentSchemaPostgresIT {

  static DataSource dataSource;
  static JdbcClient jdbc;

  @BeforeAll
  static void migrate() throws IOException {
    // The embedded server's own shutdown hook stops it (closing it here can hang the JVM exit).
    dataSource = EmbeddedPostgres.start().getPostgresDatabase();
    cn.gongkai.testing.Migrations.migrate(dataSource);
    jdbc = JdbcClient.create(dataSource);
  }

  @Test
  void documentsVersionsDeliveriesAndPackagesRoundTripOnPostgres() {
    // given the store on PostgreSQL and a letter of 3 MB
    DocumentStore store = new DocumentStore(jdbc);
    CaseRef ref = new CaseRef(CaseRef.DISCLOSURE, 42, "〔2026〕第42号", "chuxiong");
    byte[] content = new byte[3 * 1024 * 1024];
    for (int i = 0; i < content.length; i++) {
      content[i] = (byte) (i % 251);
    }
    OffsetDateTime now = OffsetDateTime.parse("2026-03-16T10:00:00+08:00");

    // when a document, two versions and a delivery are stored, inside a transaction that locks the row
    long id = new TransactionTemplate(new DataSourceTransactionManager(dataSource)).execute(status -> {
      long documentId = store.insertDocument(ref, LetterKind.REFUSE, "楚政办公开否〔2026〕第1号", 2026, 1,
          LocalDate.of(2026, 3, 16), now, "legal");
      store.insertVersion(documentId, 1, "a.docx", DocumentContent.DOCX, content, now, "legal", "系统生成");
      assertThat(store.lock(documentId)).isPresent();
      store.insertVersion(documentId, 2, "b.pdf", DocumentContent.PDF, new byte[] {'%', 'P', 'D', 'F'}, now, "legal", null);
      store.freeze(documentId, now, "leader");
      return documentId;
    });
    store.insertDelivery(id, DeliveryMethod.POST, null, LocalDate.of(2026, 3, 17), now, "intake");

    // then everything reads back intact
    StoredDocument document = store.find(id).orElseThrow();
    assertThat(document.version()).isEqualTo(2);
    assertThat(document.frozen()).isTrue();
    assertThat(document.createdAt().toInstant()).isEqualTo(now.toInstant());
    assertThat(store.content(id, 1)).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(content));
    assertThat(store.versions(id)).extracting(DocumentVersion::sha256).first().isEqualTo(Sha256.of(content));
    assertThat(store.deliveries(id)).singleElement()
        .satisfies(d -> assertThat(d.replyDate()).isEqualTo(LocalDate.of(2026, 3, 17)));
    assertThat(store.documents(ref.kind(), ref.id())).extracting(StoredDocument::id).containsExactly(id);

    // and the same number of the same kind and year cannot be stored twice
    assertThatThrownBy(() -> store.insertDocument(ref, LetterKind.REFUSE, "楚政办公开否〔2026〕第1号", 2026, 1,
        LocalDate.of(2026, 3, 16), now, "legal")).isInstanceOf(DataIntegrityViolationException.class);
  }

  @Test
  void archivePackageIsWrittenOncePerCase() {
    // given a package row
    String insert = "INSERT INTO gk_archive_package (case_kind, case_id, case_number, file_name, size_bytes, sha256,"
        + " content, created_at, created_by) VALUES ('DISCLOSURE', 7, 'x', 'x.zip', 1, 'ab', ?, ?, 'office')";
    OffsetDateTime now = OffsetDateTime.parse("2026-04-01T10:00:00+08:00");
    jdbc.sql(insert).params(new byte[] {1}, now).update();

    // when / then a second package for the case is refused by the database
    assertThatThrownBy(() -> jdbc.sql(insert).params(new byte[] {2}, now).update())
        .isInstanceOf(DataIntegrityViolationException.class);
    assertThat(jdbc.sql("SELECT content FROM gk_archive_package WHERE case_id = 7").query((rs, i) -> rs.getBytes(1))
        .single()).containsExactly(1);
  }
}

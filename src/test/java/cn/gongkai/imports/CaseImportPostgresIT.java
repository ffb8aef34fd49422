package cn.gongkai.imports;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same imports on a real PostgreSQL (embedded), as in production: migration V70, numbering, report. */
// close this context before PostgreSQL's own shutdown hook runs (see PostgresLifecycleIT)
@DirtiesContext
class CaseImportPostgresIT extends CaseImportIT {

  static final EmbeddedPostgres POSTGRES = startPostgres();

  static EmbeddedPostgres startPostgres() {
    try {
      return EmbeddedPostgres.builder().start();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> POSTGRES.getJdbcUrl("postgres", "postgres"));
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "postgres");
  }
}

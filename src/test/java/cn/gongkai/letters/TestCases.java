package cn.gongkai.letters;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Registers cases and agencies directly in the tables, for integration tests of the letters module. */
final class TestCases {

  private static final AtomicLong SEQ = new AtomicLong(900_000);

  private TestCases() {}

  /** A fresh agency, so that its letter numbers start at 1 (short names are unique on the platform: 楚测1, 楚测2…). */
  static String agency(JdbcClient jdbc) {
    String code = "t-" + UUID.randomUUID().toString().substring(0, 8);
    jdbc.sql("INSERT INTO gk_agency (code, name, short_name, reconsideration_body) VALUES (?, ?, ?, ?)")
        .params(code, "楚雄市测试局" + code, "楚测" + code.substring(2), "楚雄市人民政府")
        .update();
    return code;
  }

  /** The short name that agency's letter numbers start with. */
  static String shortName(String agencyCode) {
    return "楚测" + agencyCode.substring(2);
  }

  /** A registered disclosure request of that agency, with a unique case number. */
  static CaseRef disclosureCase(JdbcClient jdbc, String agencyCode) {
    long seq = SEQ.incrementAndGet();
    String number = "〔2026〕第" + seq + "号";
    jdbc.sql("INSERT INTO gk_disclosure_case (agency_code, case_number, case_year, case_seq, applicant_type,"
            + " applicant_name, id_type, id_number, channel, received_on, description, status, registered_at)"
            + " VALUES (?, ?, 2026, ?, 'PERSON', '李明', 'ID_CARD', '530000000000000000', 'ONLINE', ?, ?, 'HANDLING', ?)")
        .params(agencyCode, number, seq, LetterSamples.RECEIVED, LetterSamples.REQUEST,
            OffsetDateTime.parse("2026-02-10T09:00:00+08:00"))
        .update();
    long id = jdbc.sql("SELECT id FROM gk_disclosure_case WHERE agency_code = ? AND case_number = ?")
        .params(agencyCode, number)
        .query(Long.class)
        .single();
    return new CaseRef(CaseRef.DISCLOSURE, id, number, agencyCode);
  }

  static LocalDate issued() {
    return LetterSamples.ISSUED;
  }
}

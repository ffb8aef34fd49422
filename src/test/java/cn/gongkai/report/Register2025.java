package cn.gongkai.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A register that touches every row and column of the 2025 report, and its expected figures counted by
 * hand from the case list below (not by the code under test). Columns: NP natural person, CO commercial,
 * RE research, PI public interest, LS legal service, OO other.
 */
final class Register2025 {

  /** The case numbers the remedies are recorded against. */
  record Cases(String refusedStateSecret, String refusedLawProhibits, String refusedThirdParty,
      String refusedInternalAffairs, String refusedAdminQuery, String repliedIn2024) {}

  private Register2025() {}

  static Cases write(RegisterFixture f) {
    // concluded in 2025, received in 2025
    f.received("NATURAL_PERSON", "2025-03-03").channel("IN_PERSON").replied("2025-03-20", "DISCLOSE").insert(); // c1
    f.received("NATURAL_PERSON", "2025-04-01").replied("2025-04-10", "ALREADY_PUBLIC").insert(); // c2
    f.received("COMMERCIAL", "2025-05-06").channel("SIGNED_POST").replied("2025-05-20", "DISCLOSE")
        .fee("100.00", "2025-05-15").insert(); // c3
    f.received("NATURAL_PERSON", "2025-06-02").replied("2025-06-30", "PARTIAL", "THIRD_PARTY").extension(15)
        .fee("300.00", "2025-06-20").insert(); // c4
    f.received("RESEARCH", "2025-02-10").channel("FAX").replied("2025-03-05", "PARTIAL", "PROCESS_INFO").insert(); // c5
    String c6 = f.received("NATURAL_PERSON", "2025-01-06").channel("IN_PERSON")
        .replied("2025-01-24", "REFUSE", "STATE_SECRET").insert();
    String c7 = f.received("COMMERCIAL", "2025-02-03").replied("2025-02-20", "REFUSE", "LAW_PROHIBITS").insert();
    f.received("RESEARCH", "2025-03-10").replied("2025-03-28", "REFUSE", "SECURITY_STABILITY").insert(); // c8
    String c9 = f.received("PUBLIC_INTEREST", "2025-04-07").channel("ORDINARY_LETTER")
        .replied("2025-04-25", "REFUSE", "THIRD_PARTY").insert();
    String c10 = f.received("LEGAL_SERVICE", "2025-05-12").replied("2025-06-03", "REFUSE", "INTERNAL_AFFAIRS").insert();
    f.received("OTHER_ORG", "2025-06-09").channel("IN_PERSON").replied("2025-06-27", "REFUSE", "PROCESS_INFO")
        .insert(); // c11
    f.received("NATURAL_PERSON", "2025-07-07").replied("2025-07-25", "REFUSE", "ENFORCEMENT_FILE").overdue()
        .insert(); // c12
    String c13 = f.received("COMMERCIAL", "2025-08-04").replied("2025-08-22", "REFUSE", "ADMIN_QUERY").insert();
    f.received("NATURAL_PERSON", "2025-08-11").replied("2025-08-29", "NOT_EXIST").insert(); // c14
    f.received("NATURAL_PERSON", "2025-09-01").channel("SIGNED_POST").replied("2025-09-12", "NOT_THIS_AGENCY")
        .insert(); // c15
    f.received("RESEARCH", "2025-09-08").replied("2025-09-26", "NEEDS_CREATION").insert(); // c16
    f.received("PUBLIC_INTEREST", "2025-03-03").replied("2025-04-15", "UNCLEAR_AFTER_CORRECTION").insert(); // c17
    f.received("LEGAL_SERVICE", "2025-10-09").channel("IN_PERSON").replied("2025-10-20", "PETITION").insert(); // c18
    f.received("OTHER_ORG", "2025-10-13").replied("2025-10-24", "REPEAT").insert(); // c19
    f.received("NATURAL_PERSON", "2025-10-20").channel("FAX").replied("2025-10-31", "PUBLICATION").insert(); // c20
    f.received("COMMERCIAL", "2025-11-03").replied("2025-11-28", "UNREASONABLE_VOLUME").extension(10).insert(); // c21
    f.received("RESEARCH", "2025-11-10").replied("2025-11-21", "CONFIRM_REISSUE").insert(); // c22
    f.received("PUBLIC_INTEREST", "2025-07-01").archivedWithoutReply("2025-08-10T02:00:00Z", "NO_CORRECTION")
        .insert(); // c23
    f.received("LEGAL_SERVICE", "2025-07-14").channel("SIGNED_POST")
        .archivedWithoutReply("2025-09-01T03:00:00Z", "FEE_UNPAID").insert(); // c24
    f.received("OTHER_ORG", "2025-08-18").archivedWithoutReply("2025-08-25T08:00:00Z", "OTHER").insert(); // c25
    // carried in from 2024 (and 2023)
    f.received("NATURAL_PERSON", "2024-12-20").channel("IN_PERSON").replied("2025-01-10", "DISCLOSE")
        .fee("50.00", "2024-12-28").insert(); // c26
    f.received("COMMERCIAL", "2024-12-25").archivedWithoutReply("2025-01-05T01:00:00Z", "OTHER").insert(); // c27
    f.received("PUBLIC_INTEREST", "2024-11-28").channel("SIGNED_POST").insert(); // c28, still open
    // archived 2024-12-31 17:30 UTC = 2025-01-01 01:30 in Beijing: concluded in 2025
    f.received("LEGAL_SERVICE", "2024-12-30").archivedWithoutReply("2024-12-31T17:30:00Z", "NO_CORRECTION")
        .insert(); // c29
    // concluded in 2024: counts nowhere in 2025
    String c30 = f.received("NATURAL_PERSON", "2024-10-08").replied("2024-11-01", "DISCLOSE").insert();
    // archived 2024-12-31 15:00 UTC = 23:00 in Beijing: concluded in 2024
    f.received("OTHER_ORG", "2024-12-30").archivedWithoutReply("2024-12-31T15:00:00Z", "OTHER").insert(); // c31
    // received in December 2025, concluded in 2026: carried over
    f.received("NATURAL_PERSON", "2025-12-15").replied("2026-01-12", "DISCLOSE").fee("200.00", "2026-01-05")
        .insert(); // c32
    f.received("RESEARCH", "2025-12-29").replied("2026-01-20", "NOT_EXIST").insert(); // c33
    f.received("OTHER_ORG", "2025-12-31").channel("FAX").insert(); // c34, open
    // archived 2025-12-31 16:30 UTC = 2026-01-01 00:30 in Beijing: concluded in 2026
    f.received("COMMERCIAL", "2025-12-31").channel("IN_PERSON")
        .archivedWithoutReply("2025-12-31T16:30:00Z", "OTHER").insert(); // c35
    f.received("NATURAL_PERSON", "2026-01-05").insert(); // c36, received in 2026
    f.received("NATURAL_PERSON", "2025-07-01").replied("2025-07-15", "DISCLOSE").insert(); // c37
    f.received("LEGAL_SERVICE", "2025-07-02").channel("IN_PERSON").replied("2025-07-28", "DISCLOSE").extension(20)
        .insert(); // c38
    // decided but not yet answered: an outcome without a conclusion date is not concluded
    f.received("NATURAL_PERSON", "2025-09-15").outcome("DISCLOSE", null).insert(); // c39
    f.received("RESEARCH", "2023-06-01").channel("IN_PERSON").insert(); // c40, open since 2023
    f.received("PUBLIC_INTEREST", "2025-12-01").replied("2025-12-19", "DISCLOSE").insert(); // c41
    f.received("OTHER_ORG", "2025-01-02").channel("SIGNED_POST").replied("2025-01-20", "DISCLOSE").insert(); // c42
    return new Cases(c6, c7, c9, c10, c13, c30);
  }

  /** Remedies: kind, result, filed, decided, and the case; with where each counts. */
  static List<String[]> remedies(Cases c) {
    return List.of(
        new String[] {c.refusedStateSecret(), "RECONSIDERATION", "UPHELD", "2025-02-10", "2025-04-01"}, // 2025 UPHELD
        new String[] {c.refusedLawProhibits(), "RECONSIDERATION", "PENDING", "2025-11-01", null}, // 2025 PENDING
        // decided after the year: pending at 2025's end
        new String[] {c.refusedThirdParty(), "RECONSIDERATION", "CORRECTED", "2025-12-01", "2026-01-15"},
        new String[] {c.repliedIn2024(), "LAWSUIT_DIRECT", "OTHER", "2024-11-20", "2025-03-01"}, // 2025 OTHER
        new String[] {c.refusedStateSecret(), "LAWSUIT_AFTER_RECONSIDERATION", "CORRECTED", "2025-04-20", "2025-10-10"},
        new String[] {c.repliedIn2024(), "LAWSUIT_DIRECT", "PENDING", "2024-12-01", null}, // 2024 only
        new String[] {c.refusedAdminQuery(), "LAWSUIT_DIRECT", "UPHELD", "2025-09-01", "2025-11-01"},
        new String[] {c.refusedInternalAffairs(), "LAWSUIT_DIRECT", "UPHELD", "2025-06-10", "2025-08-01"},
        new String[] {c.repliedIn2024(), "RECONSIDERATION", "UPHELD", "2024-11-15", "2024-12-20"}); // 2024 only
  }

  /** Table 三 for 2025, counted by hand. */
  static final Map<String, long[]> TABLE_THREE = new LinkedHashMap<>();

  static {
    //                                  NP  CO  RE  PI  LS  OO  TOTAL
    TABLE_THREE.put("1", new long[] {   11,  5,  5,  4,  4,  5, 34});
    TABLE_THREE.put("2", new long[] {    1,  1,  1,  1,  1,  0,  5});
    TABLE_THREE.put("3.1", new long[] {  4,  1,  0,  1,  1,  1,  8});
    TABLE_THREE.put("3.2", new long[] {  1,  0,  1,  0,  0,  0,  2});
    TABLE_THREE.put("3.3.1", new long[] {1,  0,  0,  0,  0,  0,  1});
    TABLE_THREE.put("3.3.2", new long[] {0,  1,  0,  0,  0,  0,  1});
    TABLE_THREE.put("3.3.3", new long[] {0,  0,  1,  0,  0,  0,  1});
    TABLE_THREE.put("3.3.4", new long[] {0,  0,  0,  1,  0,  0,  1});
    TABLE_THREE.put("3.3.5", new long[] {0,  0,  0,  0,  1,  0,  1});
    TABLE_THREE.put("3.3.6", new long[] {0,  0,  0,  0,  0,  1,  1});
    TABLE_THREE.put("3.3.7", new long[] {1,  0,  0,  0,  0,  0,  1});
    TABLE_THREE.put("3.3.8", new long[] {0,  1,  0,  0,  0,  0,  1});
    TABLE_THREE.put("3.4.1", new long[] {2,  0,  0,  0,  0,  0,  2});
    TABLE_THREE.put("3.4.2", new long[] {0,  0,  1,  0,  0,  0,  1});
    TABLE_THREE.put("3.4.3", new long[] {0,  0,  0,  1,  0,  0,  1});
    TABLE_THREE.put("3.5.1", new long[] {0,  0,  0,  0,  1,  0,  1});
    TABLE_THREE.put("3.5.2", new long[] {0,  0,  0,  0,  0,  1,  1});
    TABLE_THREE.put("3.5.3", new long[] {1,  0,  0,  0,  0,  0,  1});
    TABLE_THREE.put("3.5.4", new long[] {0,  1,  0,  0,  0,  0,  1});
    TABLE_THREE.put("3.5.5", new long[] {0,  0,  1,  0,  0,  0,  1});
    TABLE_THREE.put("3.6.1", new long[] {0,  0,  0,  1,  1,  0,  2});
    TABLE_THREE.put("3.6.2", new long[] {0,  0,  0,  0,  1,  0,  1});
    TABLE_THREE.put("3.6.3", new long[] {0,  1,  0,  0,  0,  1,  2});
    TABLE_THREE.put("3.7", new long[] { 10,  5,  4,  4,  5,  4, 32});
    TABLE_THREE.put("4", new long[] {    2,  1,  2,  1,  0,  1,  7});
  }

  static final String[] COLUMNS =
      {"NATURAL_PERSON", "COMMERCIAL", "RESEARCH", "PUBLIC_INTEREST", "LEGAL_SERVICE", "OTHER_ORG", "TOTAL"};

  /** Table 四 for 2025: UPHELD, CORRECTED, OTHER, PENDING, TOTAL per kind. */
  static final Map<String, long[]> TABLE_FOUR_2025 = Map.of(
      "RECONSIDERATION", new long[] {1, 0, 0, 2, 3},
      "LAWSUIT_DIRECT", new long[] {2, 0, 1, 0, 3},
      "LAWSUIT_AFTER_RECONSIDERATION", new long[] {0, 1, 0, 0, 1});

  /** Table 四 for 2024: the 2024-12-20 decision, and two lawsuits filed in 2024 still pending at its end. */
  static final Map<String, long[]> TABLE_FOUR_2024 = Map.of(
      "RECONSIDERATION", new long[] {1, 0, 0, 0, 1},
      "LAWSUIT_DIRECT", new long[] {0, 0, 0, 2, 2},
      "LAWSUIT_AFTER_RECONSIDERATION", new long[] {0, 0, 0, 0, 0});

  static final String[] RESULTS = {"UPHELD", "CORRECTED", "OTHER", "PENDING", "TOTAL"};

  /** New requests of 2025 by channel: 当面, 传真, 网络, 信函 (signed post + ordinary letter), total. */
  static final Map<String, Long> CHANNELS =
      Map.of("IN_PERSON", 6L, "FAX", 3L, "ONLINE", 20L, "LETTER", 5L, "TOTAL", 34L);

  /** Replies sent in 2025: on time, after an extension (c4, c21, c38), overdue (c12). */
  static final Map<String, Long> REPLIED = Map.of("ON_TIME", 23L, "AFTER_EXTENSION", 3L, "OVERDUE", 1L, "TOTAL", 27L);

  /** Fees paid in 2025: c3 100.00 and c4 300.00. */
  static final String FEES = "400.00";
  static final long FEE_CASES = 2;
}

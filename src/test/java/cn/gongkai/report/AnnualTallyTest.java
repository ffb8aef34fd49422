package cn.gongkai.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import cn.gongkai.report.AnnualTally.ScanRow;
import cn.gongkai.report.CrossCheck.Kind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The tally's reading of the scan buckets and its per-column check (no database). */
class AnnualTallyTest {

  // bucket = received (0 before, 1 in, 2 after the year) * 1000 + replied-before-received * 100 + conclusion
  private static ScanRow group(String type, String outcome, int bucket, long n) {
    return new ScanRow(type, outcome, null, "ONLINE", bucket, n);
  }

  @Test
  void countsReceivedCarriedInConcludedAndCarriedOutFromTheBuckets() {
    AnnualTally tally = new AnnualTally();
    // given: 3 received and replied on time in the year, 2 received in the year still open,
    // 4 carried in and replied in the year after an extension, 1 carried in still open,
    // 5 received in December and replied in January (after the year), 7 concluded before the year
    tally.add(group("NATURAL_PERSON", "DISCLOSE", 1021, 3));
    tally.add(group("NATURAL_PERSON", null, 1000, 2));
    tally.add(group("NATURAL_PERSON", "NOT_EXIST", 22, 4));
    tally.add(group("NATURAL_PERSON", null, 0, 1));
    tally.add(group("NATURAL_PERSON", "DISCLOSE", 1030, 5));
    tally.add(group("NATURAL_PERSON", "DISCLOSE", 10, 7));

    // when
    Map<String, Map<String, Long>> t = tally.tableThree();

    // then
    assertThat(t.get("1").get("NATURAL_PERSON")).isEqualTo(10);
    assertThat(t.get("2").get("NATURAL_PERSON")).isEqualTo(5);
    assertThat(t.get("3.1").get("NATURAL_PERSON")).isEqualTo(3);
    assertThat(t.get("3.4.1").get("NATURAL_PERSON")).isEqualTo(4);
    assertThat(t.get("3.7").get("NATURAL_PERSON")).isEqualTo(7);
    assertThat(t.get("4").get("NATURAL_PERSON")).isEqualTo(8);
    assertThat(t.get("4").get("TOTAL")).isEqualTo(8);
    assertThat(AnnualTally.checkSums(t)).isEmpty();
    assertThat(tally.replied()).containsEntry("ON_TIME", 3L).containsEntry("AFTER_EXTENSION", 4L)
        .containsEntry("TOTAL", 7L);
    assertThat(tally.receivedByChannel()).containsEntry("ONLINE", 10L).containsEntry("TOTAL", 10L);
    assertThat(tally.findings()).isEmpty();
  }

  @Test
  void readsArchivedWithoutReplyAsConcludedOnTheArchiveDate() {
    AnnualTally tally = new AnnualTally();
    // given one carried-in case archived in the year (withdrawn), one archived after the year
    tally.add(group("COMMERCIAL", "OTHER", 50, 1));
    tally.add(group("COMMERCIAL", "OTHER", 1060, 1));

    Map<String, Map<String, Long>> t = tally.tableThree();

    assertThat(t.get("2").get("COMMERCIAL")).isEqualTo(1);
    assertThat(t.get("3.6.3").get("COMMERCIAL")).isEqualTo(1);
    assertThat(t.get("1").get("COMMERCIAL")).isEqualTo(1);
    assertThat(t.get("4").get("COMMERCIAL")).isEqualTo(1);
    assertThat(tally.replied()).containsEntry("TOTAL", 0L);
  }

  @Test
  void saysWhichColumnsSumsDisagreeAndByHowMuch() {
    AnnualTally tally = new AnnualTally();
    // given a case concluded in the year without an outcome: in 一 but in no row of 三
    tally.add(group("RESEARCH", null, 1021, 1));
    tally.add(group("RESEARCH", "DISCLOSE", 1021, 2));

    List<CrossCheck.Failure> failures = AnnualTally.checkSums(tally.tableThree());

    assertThat(failures).extracting(CrossCheck.Failure::column).containsExactly("RESEARCH", "TOTAL");
    assertThat(failures.get(0).message()).isEqualTo("科研机构列：一（本年新收）3 + 二（上年结转）0 = 3，"
        + "不等于 三(七)（本年度办理结果总计）2 + 四（结转下年度）0 = 2，办理结果与结转少计 1 件");
    assertThat(tally.findings()).extracting(AnnualTally.Finding::kind, AnnualTally.Finding::column)
        .containsExactly(tuple(Kind.NO_RESULT_ROW, ReportColumn.RESEARCH));
  }

  @Test
  void flagsClosedCasesWithoutDatesRepliesBeforeReceiptAndUnknownCodes() {
    AnnualTally tally = new AnnualTally();
    tally.add(group("PUBLIC_INTEREST", "OTHER", 1070, 1));
    tally.add(group("LEGAL_SERVICE", "DISCLOSE", 1121, 1));
    tally.add(group("OTHER_ORG", "DISCLOSE", 1040, 1));
    tally.add(group("ROBOT", "DISCLOSE", 1021, 1));
    tally.add(new ScanRow("NATURAL_PERSON", "DISCLOSE", null, "PIGEON", 1021, 1));

    assertThat(tally.findings()).extracting(AnnualTally.Finding::kind, AnnualTally.Finding::column).containsExactly(
        tuple(Kind.CLOSED_WITHOUT_DATE, ReportColumn.PUBLIC_INTEREST),
        tuple(Kind.CONCLUDED_BEFORE_RECEIVED, ReportColumn.LEGAL_SERVICE),
        tuple(Kind.CONCLUDED_BEFORE_RECEIVED, ReportColumn.OTHER_ORG),
        tuple(Kind.UNKNOWN_APPLICANT_TYPE, ReportColumn.TOTAL),
        tuple(Kind.UNKNOWN_CHANNEL, ReportColumn.TOTAL));
  }

  @Test
  void ignoresCasesThatDoNotTouchTheYear() {
    AnnualTally tally = new AnnualTally();
    // concluded before the year; received after it and still open
    tally.add(group("NATURAL_PERSON", "DISCLOSE", 40, 3));
    tally.add(group("NATURAL_PERSON", null, 2000, 2));

    assertThat(tally.tableThree().values()).allSatisfy(cells -> assertThat(cells.values()).containsOnly(0L));
    assertThat(tally.findings()).isEmpty();
  }
}

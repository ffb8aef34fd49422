package cn.gongkai.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.request.ApplicantType;
import cn.gongkai.request.Channel;
import cn.gongkai.request.ExemptionCode;
import cn.gongkai.request.Outcome;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which row of table 三 each register outcome counts in (domain README §4, format 2021). */
class TableThreeRowTest {

  @Test
  void putsEveryOutcomeInItsOfficialRow() {
    // given the contract written out by hand: outcome, exemption code, row code
    String[][] contract = {
        {"ALREADY_PUBLIC", null, "3.1"}, {"DISCLOSE", null, "3.1"},
        {"PARTIAL", null, "3.2"}, {"PARTIAL", "THIRD_PARTY", "3.2"},
        {"REFUSE", "STATE_SECRET", "3.3.1"}, {"REFUSE", "LAW_PROHIBITS", "3.3.2"},
        {"REFUSE", "SECURITY_STABILITY", "3.3.3"}, {"REFUSE", "THIRD_PARTY", "3.3.4"},
        {"REFUSE", "INTERNAL_AFFAIRS", "3.3.5"}, {"REFUSE", "PROCESS_INFO", "3.3.6"},
        {"REFUSE", "ENFORCEMENT_FILE", "3.3.7"}, {"REFUSE", "ADMIN_QUERY", "3.3.8"},
        {"NOT_EXIST", null, "3.4.1"}, {"NOT_THIS_AGENCY", null, "3.4.1"}, {"NEEDS_CREATION", null, "3.4.2"},
        {"UNCLEAR_AFTER_CORRECTION", null, "3.4.3"},
        {"PETITION", null, "3.5.1"}, {"REPEAT", null, "3.5.2"}, {"PUBLICATION", null, "3.5.3"},
        {"UNREASONABLE_VOLUME", null, "3.5.4"}, {"CONFIRM_REISSUE", null, "3.5.5"},
        {"NO_CORRECTION", null, "3.6.1"}, {"FEE_UNPAID", null, "3.6.2"}, {"OTHER", null, "3.6.3"}};

    for (String[] c : contract) {
      // when the row is looked up, then it is the official one
      assertThat(TableThreeRow.forOutcome(c[0], c[1])).as(c[0] + "/" + c[1]).map(TableThreeRow::code).hasValue(c[2]);
    }
  }

  @Test
  void knowsEveryCodeTheRequestModuleCanStore() {
    // every outcome the register can hold has a row (a refusal with each exemption code)
    for (Outcome outcome : Outcome.values()) {
      if (outcome == Outcome.REFUSE) {
        for (ExemptionCode code : ExemptionCode.values()) {
          assertThat(TableThreeRow.forOutcome(outcome.name(), code.name())).as(code.name()).isPresent();
        }
      } else {
        assertThat(TableThreeRow.forOutcome(outcome.name(), null)).as(outcome.name()).isPresent();
      }
    }
    // and every applicant type is a column, every channel is in a group of the older format
    for (ApplicantType type : ApplicantType.values()) {
      assertThat(ReportColumn.ofApplicantType(type.name())).as(type.name()).isPresent();
    }
    assertThat(ReportColumn.APPLICANT_TYPES).hasSameSizeAs(ApplicantType.values());
    for (Channel channel : Channel.values()) {
      assertThat(OlderFormat.ChannelGroup.ofChannel(channel.name())).as(channel.name()).isPresent();
    }
  }

  @Test
  void findsNoRowForAMissingOrUnknownOutcomeOrARefusalWithoutExemption() {
    assertThat(TableThreeRow.forOutcome(null, null)).isEmpty();
    assertThat(TableThreeRow.forOutcome("APPROVED", null)).isEmpty();
    assertThat(TableThreeRow.forOutcome("REFUSE", null)).isEmpty();
    assertThat(TableThreeRow.forOutcome("REFUSE", "TOO_BUSY")).isEmpty();
  }

  @Test
  void listsTheRowsInTheOrderAndWithTheLabelsOfTheOfficialTable() {
    assertThat(Arrays.stream(TableThreeRow.values()).map(TableThreeRow::code)).containsExactly(
        "1", "2", "3.1", "3.2", "3.3.1", "3.3.2", "3.3.3", "3.3.4", "3.3.5", "3.3.6", "3.3.7", "3.3.8",
        "3.4.1", "3.4.2", "3.4.3", "3.5.1", "3.5.2", "3.5.3", "3.5.4", "3.5.5", "3.6.1", "3.6.2", "3.6.3", "3.7", "4");
    assertThat(TableThreeRow.REFUSED_SECURITY_STABILITY.label()).isEqualTo("3.危及“三安全一稳定”");
    assertThat(TableThreeRow.OTHER_FEE_UNPAID.label())
        .isEqualTo("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请");
    assertThat(TableThreeRow.RESULTS).hasSize(21).doesNotContain(TableThreeRow.RESULT_TOTAL);
    assertThat(List.of(ReportColumn.values())).extracting(ReportColumn::label)
        .containsExactly("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计");
  }
}

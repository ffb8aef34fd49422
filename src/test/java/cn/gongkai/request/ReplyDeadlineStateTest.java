package cn.gongkai.request;

import static cn.gongkai.request.ReplyDeadlineState.MET;
import static cn.gongkai.request.ReplyDeadlineState.MISSED;
import static cn.gongkai.request.ReplyDeadlineState.RUNNING;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** 超期 from the dates alone (条例第三十三条第二款): reply due 2026-10-22. */
class ReplyDeadlineStateTest {

  static final LocalDate DUE = LocalDate.parse("2026-10-22");

  static ReplyDeadlineState state(String repliedOn, String pausedSince, boolean closed, String today) {
    return ReplyDeadlineState.of(DUE, repliedOn == null ? null : LocalDate.parse(repliedOn),
        pausedSince == null ? null : LocalDate.parse(pausedSince), closed, LocalDate.parse(today));
  }

  @Test
  void aReplyOnTheLastDayIsInTimeWhenEverItIsRecorded() {
    assertThat(state("2026-10-22", null, false, "2026-10-23")).isEqualTo(MET);
    assertThat(state("2026-10-22", null, true, "2027-03-01")).isEqualTo(MET);
  }

  @Test
  void aReplyAfterTheLastDayIsOverdue() {
    assertThat(state("2026-10-23", null, true, "2026-10-23")).isEqualTo(MISSED);
  }

  @Test
  void anOpenCaseIsOverdueFromTheDayAfterItsLastDay() {
    assertThat(state(null, null, false, "2026-10-22")).isEqualTo(RUNNING);
    assertThat(state(null, null, false, "2026-10-23")).isEqualTo(MISSED);
  }

  @Test
  void aClockStoppedWithinTheDeadlineKeepsTheCaseInTimeOneStoppedAfterItDoesNot() {
    assertThat(state(null, "2026-10-22", false, "2026-11-30")).isEqualTo(RUNNING);
    assertThat(state(null, "2026-10-23", false, "2026-11-30")).isEqualTo(MISSED);
  }

  @Test
  void aCaseClosedWithoutAReplyIsNotOverdueAndNoClockIsNeverOverdue() {
    assertThat(state(null, null, true, "2026-11-30")).isEqualTo(MET);
    assertThat(ReplyDeadlineState.of(null, null, null, false, LocalDate.parse("2026-11-30"))).isEqualTo(RUNNING);
  }
}

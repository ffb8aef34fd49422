package cn.gongkai.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Which state wins when several apply: overdue, paused, due soon, provisional, normal. */
class SupervisionStateTest {

  static final LocalDate TODAY = LocalDate.parse("2026-11-25");
  // 3 working days after Wednesday 2026-11-25 is Monday 2026-11-30
  static final SupervisionWindow WINDOW = new SupervisionWindow(TODAY, 3, LocalDate.parse("2026-11-30"));

  static SupervisionState state(boolean repliedLate, String due, String pausedSince, boolean provisional) {
    LocalDate repliedOn = repliedLate ? LocalDate.parse(due).plusDays(1) : null;
    return SupervisionState.of(repliedOn, due == null ? null : LocalDate.parse(due),
        pausedSince == null ? null : LocalDate.parse(pausedSince), provisional, WINDOW);
  }

  @Test
  void aDateBeforeTodayIsOverdueWhileTheClockRuns() {
    assertThat(state(false, "2026-11-24", null, false)).isEqualTo(SupervisionState.OVERDUE);
  }

  @Test
  void aClockStoppedAfterItsDeadlineDayDoesNotUndoTheDelay() {
    assertThat(state(false, "2026-11-17", "2026-11-18", false)).isEqualTo(SupervisionState.OVERDUE);
  }

  @Test
  void overdueComesFromTheDatesNotFromATimerHavingFired() {
    // replied the day after its deadline: overdue even though the deadline lies ahead of today's window
    assertThat(state(true, "2026-12-20", null, false)).isEqualTo(SupervisionState.OVERDUE);
    // a clock stopped on its last day stays paused however long ago that day was
    assertThat(state(false, "2026-11-17", "2026-11-17", false)).isEqualTo(SupervisionState.PAUSED);
  }

  @Test
  void aPausedClockIsNeitherOverdueNorDueSoonByItsDate() {
    assertThat(state(false, "2026-11-17", "2026-11-10", false)).isEqualTo(SupervisionState.PAUSED);
    assertThat(state(false, "2026-11-26", "2026-11-24", true)).isEqualTo(SupervisionState.PAUSED);
  }

  @Test
  void dueTodayOrWithinThreeWorkingDaysIsDueSoonEvenWhenProvisional() {
    assertThat(state(false, "2026-11-25", null, false)).isEqualTo(SupervisionState.DUE_SOON);
    assertThat(state(false, "2026-11-30", null, true)).isEqualTo(SupervisionState.DUE_SOON);
  }

  @Test
  void aProvisionalDeadlineFurtherAwayIsProvisional() {
    assertThat(state(false, "2026-12-01", null, true)).isEqualTo(SupervisionState.PROVISIONAL);
  }

  @Test
  void everythingElseIsNormalIncludingACaseWithoutAClock() {
    assertThat(state(false, "2026-12-01", null, false)).isEqualTo(SupervisionState.NORMAL);
    assertThat(state(false, null, null, false)).isEqualTo(SupervisionState.NORMAL);
  }
}

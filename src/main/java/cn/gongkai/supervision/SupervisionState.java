package cn.gongkai.supervision;

import java.time.LocalDate;

/**
 * Where an open case stands against its reply deadline (督办). Exactly one state per case; when
 * several apply, the first in declaration order wins:
 * <ol>
 *   <li>{@link #OVERDUE}: from the dates alone, never from a timer having fired: still not done after the
 *       end of its deadline day, or done after it (as {@code cn.gongkai.request.ReplyDeadlineState}).
 *       Inaction past the deadline is unlawful (条例第三十三条第二款); a clock stopped after the deadline
 *       day does not undo it.</li>
 *   <li>{@link #PAUSED}: the clock stopped within the deadline (补正, 征求意见, 缴费). Its due date is not the
 *       real one yet: it moves by the paused working days on resume, so it is neither overdue nor due soon
 *       by date.</li>
 *   <li>{@link #DUE_SOON}: due within N working days (today included). A provisional date near at hand
 *       counts here, because staff must act on the best estimate; the row still says provisional.</li>
 *   <li>{@link #PROVISIONAL}: the deadline reaches into a year whose holidays are not yet published
 *       (domain §10.6) and is not near.</li>
 *   <li>{@link #NORMAL}: everything else, including a case whose clock has not started.</li>
 * </ol>
 */
public enum SupervisionState {
  OVERDUE("已逾期"),
  PAUSED("计时暂停"),
  DUE_SOON("即将到期"),
  PROVISIONAL("期限待定"),
  NORMAL("正常");

  private final String label;

  SupervisionState(String label) {
    this.label = label;
  }

  /** The Chinese name supervisors read. */
  public String label() {
    return label;
  }

  /** The precedence rule above, for one case: the reference that SQL implementations must match. */
  public static SupervisionState of(LocalDate doneOn, LocalDate dueOn, LocalDate pausedSince,
      boolean provisional, SupervisionWindow window) {
    boolean paused = pausedSince != null;
    if (overdue(doneOn, dueOn, pausedSince, window.today())) {
      return OVERDUE;
    }
    if (paused) {
      return PAUSED;
    }
    if (dueOn != null && !dueOn.isAfter(window.dueSoonUntil())) {
      return DUE_SOON;
    }
    if (provisional) {
      return PROVISIONAL;
    }
    return NORMAL;
  }

  /** Done after the deadline day, or not done and the deadline day over without a clock stopped within it. */
  static boolean overdue(LocalDate doneOn, LocalDate dueOn, LocalDate pausedSince, LocalDate today) {
    if (dueOn == null) {
      return false;
    }
    if (doneOn != null) {
      return doneOn.isAfter(dueOn);
    }
    return dueOn.isBefore(today) && (pausedSince == null || pausedSince.isAfter(dueOn));
  }
}

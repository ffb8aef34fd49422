package cn.gongkai.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A span whose working days are not counted in a deadline, e.g. a third-party consultation
 * (条例第三十三条第三款: 征求意见所需时间不计算在答复期限内).
 *
 * @param from first day not counted (inclusive)
 * @param to last day not counted (inclusive)
 * @param reason why, in Chinese, as the explanation shows it, e.g. 征求第三方意见
 */
public record Pause(LocalDate from, LocalDate to, String reason) {

  public Pause {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("pause ends before it starts: " + from + " > " + to);
    }
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("pause needs a reason");
    }
  }

  /** Whether {@code day} lies inside the span. */
  public boolean covers(LocalDate day) {
    return !day.isBefore(from) && !day.isAfter(to);
  }
}

package cn.gongkai.request.internal;

import java.time.LocalDate;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * The rules every fact's day follows (domain §11): a fact is entered as the day it happened, which is
 * never after today (Beijing) nor before the fact it follows.
 */
final class FactDates {

  private FactDates() {}

  static LocalDate check(LocalDate day, String variable, String label, LocalDate notBefore, String notBeforeLabel) {
    LocalDate today = ReplyClock.today();
    if (day.isAfter(today)) {
      throw new BadUserRequestException(label + "不能晚于今天（" + today + "）（" + variable + "）");
    }
    if (notBefore != null && day.isBefore(notBefore)) {
      throw new BadUserRequestException(
          label + "不能早于" + notBeforeLabel + "（" + notBefore + "）（" + variable + "）");
    }
    return day;
  }
}

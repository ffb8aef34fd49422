package cn.gongkai.request;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the law leaves a number open, a setting (domain §2, §10); defaults as the domain file names them.
 *
 * @param replyWorkingDays reply deadline, 条例第三十三条第二款 (20)
 * @param maxExtensionWorkingDays longest extension, 条例第三十三条第二款 (20)
 * @param correctionNoticeWorkingDays correction notice within, 条例第三十条 (7)
 * @param correctionPeriodWorkingDays reasonable correction period, 条例第三十条 (15)
 * @param consultationWorkingDays third party / co-agency answer time, 条例第三十二条、第三十四条 (15)
 * @param feePaymentWorkingDays fee payment window, 国办函〔2020〕109号 (20)
 * @param feePausesReplyClock whether the fee period is not counted in the reply deadline (true)
 * @param reminderWorkingDays reminder this many working days before the reply deadline (3)
 */
@ConfigurationProperties("gongkai.clock")
public record ClockSettings(
    Integer replyWorkingDays,
    Integer maxExtensionWorkingDays,
    Integer correctionNoticeWorkingDays,
    Integer correctionPeriodWorkingDays,
    Integer consultationWorkingDays,
    Integer feePaymentWorkingDays,
    Boolean feePausesReplyClock,
    Integer reminderWorkingDays) {

  public ClockSettings {
    replyWorkingDays = replyWorkingDays == null ? 20 : replyWorkingDays;
    maxExtensionWorkingDays = maxExtensionWorkingDays == null ? 20 : maxExtensionWorkingDays;
    correctionNoticeWorkingDays = correctionNoticeWorkingDays == null ? 7 : correctionNoticeWorkingDays;
    correctionPeriodWorkingDays = correctionPeriodWorkingDays == null ? 15 : correctionPeriodWorkingDays;
    consultationWorkingDays = consultationWorkingDays == null ? 15 : consultationWorkingDays;
    feePaymentWorkingDays = feePaymentWorkingDays == null ? 20 : feePaymentWorkingDays;
    feePausesReplyClock = feePausesReplyClock == null ? Boolean.TRUE : feePausesReplyClock;
    reminderWorkingDays = reminderWorkingDays == null ? 3 : reminderWorkingDays;
  }
}

package cn.gongkai.proposal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the proposal-reply process.
 *
 * @param answerWithinMonths the handling unit answers within this many calendar months of the assignment (3:
 *     the usual limit of the 人大代表建议和政协提案办理办法, "自交办之日起三个月内办复"; the seeds leave it open)
 * @param remindDaysBefore the handling unit is reminded this many days before the limit (15, a project choice)
 */
@ConfigurationProperties("gongkai.proposal-reply")
public record ProposalSettings(Integer answerWithinMonths, Integer remindDaysBefore) {

  public ProposalSettings {
    answerWithinMonths = answerWithinMonths == null ? 3 : answerWithinMonths;
    remindDaysBefore = remindDaysBefore == null ? 15 : remindDaysBefore;
    if (answerWithinMonths < 1 || answerWithinMonths > 12) {
      throw new IllegalArgumentException("gongkai.proposal-reply.answer-within-months must lie between 1 and 12");
    }
    if (remindDaysBefore < 0 || remindDaysBefore > 60) {
      throw new IllegalArgumentException("gongkai.proposal-reply.remind-days-before must lie between 0 and 60");
    }
  }
}

package cn.gongkai.opinion;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of 政务舆情回应 (domain §8). The limits are clock hours from the moment the event was first seen,
 * day and night, holidays included. Defaults: 国办发〔2016〕61号 as the seeds quote it (楚政服发〔2018〕15号
 * item 4(2): 力争3小时内、最迟不超过5小时发布权威信息，24小时内举行新闻发布会) and, for other government
 * public opinion, 61号's 48 hours.
 *
 * @param responseTarget authoritative information for a 特别重大/重大 event, aimed for (3 h)
 * @param responseLimit authoritative information for a 特别重大/重大 event, at the latest (5 h)
 * @param pressConferenceWithin press conference for a 特别重大/重大 event (24 h)
 * @param generalResponseWithin response to any other event (48 h)
 * @param responseReminderBefore reminder this long before the 5-hour limit (2 h: when the 3-hour target passes)
 * @param pressConferenceReminderBefore reminder this long before the press-conference limit (4 h)
 * @param generalResponseReminderBefore reminder this long before the 48-hour limit (12 h)
 * @param caseNumberPattern case numbers: {@code YYYY} year, {@code N} sequence ({@code 舆情〔YYYY〕第N号})
 */
@ConfigurationProperties("gongkai.public-opinion")
public record OpinionSettings(
    Duration responseTarget,
    Duration responseLimit,
    Duration pressConferenceWithin,
    Duration generalResponseWithin,
    Duration responseReminderBefore,
    Duration pressConferenceReminderBefore,
    Duration generalResponseReminderBefore,
    String caseNumberPattern) {

  public OpinionSettings {
    responseTarget = orDefault(responseTarget, Duration.ofHours(3));
    responseLimit = orDefault(responseLimit, Duration.ofHours(5));
    pressConferenceWithin = orDefault(pressConferenceWithin, Duration.ofHours(24));
    generalResponseWithin = orDefault(generalResponseWithin, Duration.ofHours(48));
    responseReminderBefore = orDefault(responseReminderBefore, Duration.ofHours(2));
    pressConferenceReminderBefore = orDefault(pressConferenceReminderBefore, Duration.ofHours(4));
    generalResponseReminderBefore = orDefault(generalResponseReminderBefore, Duration.ofHours(12));
    caseNumberPattern = caseNumberPattern == null || caseNumberPattern.isBlank() ? "舆情〔YYYY〕第N号"
        : caseNumberPattern;
  }

  private static Duration orDefault(Duration value, Duration fallback) {
    return value == null || value.isNegative() || value.isZero() ? fallback : value;
  }
}

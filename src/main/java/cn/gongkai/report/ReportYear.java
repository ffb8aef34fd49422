package cn.gongkai.report;

import cn.gongkai.GongkaiApplication;
import cn.gongkai.web.BadRequestException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * A report year and its boundaries in Beijing time. Dates in the register ({@code received_on},
 * {@code replied_on}) are Beijing calendar dates already; instants ({@code archived_at}) are compared
 * with the year's start and end as Beijing midnights, so the host's time zone never matters.
 */
public record ReportYear(int value) {

  /** The Regulations' first year in force (2007 Regulations, in force 2008-05-01): no report before. */
  public static final int FIRST = 2008;

  static final ZoneId BEIJING = ZoneId.of(GongkaiApplication.ZONE);

  public LocalDate firstDay() {
    return LocalDate.of(value, 1, 1);
  }

  public LocalDate lastDay() {
    return LocalDate.of(value, 12, 31);
  }

  /** 00:00 Beijing time on 1 January. */
  public OffsetDateTime start() {
    return firstDay().atStartOfDay(BEIJING).toOffsetDateTime();
  }

  /** 00:00 Beijing time on 1 January of the next year (exclusive end). */
  public OffsetDateTime nextStart() {
    return firstDay().plusYears(1).atStartOfDay(BEIJING).toOffsetDateTime();
  }

  /** Today's date in Beijing. */
  static LocalDate today() {
    return LocalDate.now(BEIJING);
  }

  /** Parses a year from a URL: four digits, from {@value #FIRST} to the current year; 400 otherwise. */
  public static ReportYear parse(String raw, LocalDate today) {
    if (raw == null || !raw.matches("\\d{4}")) {
      throw new BadRequestException("year", "年度格式不正确，应为四位数字年份，例如 " + (today.getYear() - 1));
    }
    int year = Integer.parseInt(raw);
    if (year < FIRST) {
      throw new BadRequestException("year", "年度不能早于 " + FIRST + " 年（《政府信息公开条例》施行之年）");
    }
    if (year > today.getYear()) {
      throw new BadRequestException("year", "年度不能晚于当前年度 " + today.getYear() + " 年");
    }
    return new ReportYear(year);
  }
}

package cn.gongkai.supervision;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Supervision settings.
 *
 * @param dueSoonWorkingDays a case is 即将到期 when due within this many working days (3)
 * @param tasklistDueSoonDays the Tasklist filter 即将到期 shows tasks due within this many calendar days (5):
 *     filter expressions know no working days; 5 calendar days cover 3 working days over a weekend
 */
@ConfigurationProperties("gongkai.supervision")
public record SupervisionSettings(Integer dueSoonWorkingDays, Integer tasklistDueSoonDays) {

  public SupervisionSettings {
    dueSoonWorkingDays = dueSoonWorkingDays == null ? 3 : dueSoonWorkingDays;
    tasklistDueSoonDays = tasklistDueSoonDays == null ? 5 : tasklistDueSoonDays;
  }
}

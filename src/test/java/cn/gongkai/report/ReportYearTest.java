package cn.gongkai.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gongkai.web.BadRequestException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Report years from URLs, and their bounds in Beijing time. */
class ReportYearTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

  @Test
  void acceptsFourDigitYearsFrom2008ToThisYear() {
    assertThat(ReportYear.parse("2008", TODAY).value()).isEqualTo(2008);
    assertThat(ReportYear.parse("2026", TODAY).value()).isEqualTo(2026);
  }

  @Test
  void refusesOtherYearsWithAChineseMessage() {
    for (String bad : new String[] {"0", "99999", "abc", "2025.5", "", "-2025"}) {
      assertThatThrownBy(() -> ReportYear.parse(bad, TODAY)).as(bad).isInstanceOf(BadRequestException.class)
          .hasMessageContaining("年度格式不正确");
    }
    assertThatThrownBy(() -> ReportYear.parse("2007", TODAY)).hasMessageContaining("不能早于 2008 年");
    assertThatThrownBy(() -> ReportYear.parse("2027", TODAY)).hasMessageContaining("不能晚于当前年度 2026 年");
  }

  @Test
  void boundsTheYearAtBeijingMidnight() {
    ReportYear year = new ReportYear(2025);
    assertThat(year.start()).hasToString("2025-01-01T00:00+08:00");
    assertThat(year.nextStart().toInstant()).hasToString("2025-12-31T16:00:00Z");
  }
}

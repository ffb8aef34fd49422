package cn.gongkai.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The date and number fields of task forms: a sane range, refused in Chinese naming the field. */
class FormFieldsTest {

  @BeforeEach
  void onTheTwentyFifthOfNovemberInBeijing() {
    // 2026-11-25 00:30 in Beijing is still the 24th in UTC: today is the Beijing date
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-24T16:30:00Z")));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  static VariableScope form(Map<String, Object> fields) {
    return (VariableScope) Proxy.newProxyInstance(FormFieldsTest.class.getClassLoader(),
        new Class<?>[] {VariableScope.class}, (proxy, method, args) -> {
          if (method.getName().equals("getVariable")) {
            return fields.get((String) args[0]);
          }
          throw new UnsupportedOperationException(method.getName());
        });
  }

  static String refusal(Runnable read) {
    try {
      read.run();
    } catch (BadUserRequestException e) {
      return e.getMessage();
    }
    throw new AssertionError("not refused");
  }

  @Test
  void takesAFactDateFrom2000UpToTodayInBeijing() {
    assertThat(FormFields.date(form(Map.of("repliedOn", "2000-01-01")), "repliedOn", "答复日期"))
        .isEqualTo(LocalDate.of(2000, 1, 1));
    assertThat(FormFields.date(form(Map.of("repliedOn", "2026-11-25")), "repliedOn", "答复日期"))
        .isEqualTo(LocalDate.of(2026, 11, 25));
    assertThat(FormFields.date(form(Map.of("repliedOn", "2026-11-25T00:00:00")), "repliedOn", "答复日期"))
        .isEqualTo(LocalDate.of(2026, 11, 25));
  }

  @Test
  void refusesAbsurdEarlyAndFutureFactDatesNamingTheField() {
    assertThat(refusal(() -> FormFields.date(form(Map.of("repliedOn", "-9999999-01-01")), "repliedOn", "答复日期")))
        .isEqualTo("答复日期不是有效日期（repliedOn）");
    assertThat(refusal(() -> FormFields.date(form(Map.of("repliedOn", "+10000-01-01")), "repliedOn", "答复日期")))
        .isEqualTo("答复日期不是有效日期（repliedOn）");
    assertThat(refusal(() -> FormFields.date(form(Map.of("repliedOn", "1999-12-31")), "repliedOn", "答复日期")))
        .isEqualTo("答复日期不能早于2000年1月1日（repliedOn）");
    assertThat(refusal(() -> FormFields.date(form(Map.of("repliedOn", "2026-11-26")), "repliedOn", "答复日期")))
        .isEqualTo("答复日期不能晚于今天（2026-11-25）（repliedOn）");
  }

  @Test
  void takesAPlannedDateUpToAYearAhead() {
    VariableScope planned = form(Map.of("delayedReplyOn", "2027-11-26"));
    assertThat(FormFields.plannedDate(planned, "delayedReplyOn", "延迟答复期限")).isEqualTo("2027-11-26");
    assertThat(refusal(() -> FormFields.plannedDate(form(Map.of("delayedReplyOn", "2027-11-27")), "delayedReplyOn",
        "延迟答复期限"))).isEqualTo("延迟答复期限不能晚于一年之后（delayedReplyOn）");
    assertThat(refusal(() -> FormFields.plannedDate(form(Map.of("delayedReplyOn", "9999-12-31")), "delayedReplyOn",
        "延迟答复期限"))).isEqualTo("延迟答复期限不能晚于一年之后（delayedReplyOn）");
  }

  @Test
  void refusesANumberBeyondIntInsteadOfWrappingAround() {
    assertThat(FormFields.number(form(Map.of("extensionWorkingDays", 20L)), "extensionWorkingDays", "延长的工作日数"))
        .isEqualTo(20);
    assertThat(refusal(() -> FormFields.number(form(Map.of("extensionWorkingDays", 4_294_967_297L)),
        "extensionWorkingDays", "延长的工作日数"))).isEqualTo("延长的工作日数必须是整数（extensionWorkingDays）");
  }
}

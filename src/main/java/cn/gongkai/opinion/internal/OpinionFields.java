package cn.gongkai.opinion.internal;

import cn.gongkai.opinion.OpinionClock;
import cn.gongkai.workflow.FormFields;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Reads a completed 舆情 form's fields; a missing or malformed one answers in Chinese (HTTP 400 in Tasklist). */
final class OpinionFields {

  private static final Pattern TIME = Pattern.compile("^([01]?\\d|2[0-3])[:：]([0-5]\\d)$");
  private static final Pattern URL = Pattern.compile("^https?://\\S+$");

  private OpinionFields() {}

  /**
   * The moment a fact happened, entered as a day and a Beijing time of day (HH:mm): not in the future (engine
   * clock), not before 2000, not before {@code notBefore} (named {@code notBeforeLabel}) when given.
   */
  static OffsetDateTime moment(VariableScope scope, String dayVariable, String timeVariable, String label,
      OffsetDateTime notBefore, String notBeforeLabel) {
    LocalDate day = FormFields.date(scope, dayVariable, label + "日期");
    String time = FormFields.required(scope, timeVariable, label + "时间");
    var m = TIME.matcher(time);
    if (!m.matches()) {
      throw new BadUserRequestException(label + "时间应为“时:分”，如 22:05（" + timeVariable + "）");
    }
    OffsetDateTime at = day.atTime(LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))))
        .atZone(OpinionClock.BEIJING).toOffsetDateTime();
    OffsetDateTime now = OpinionClock.now();
    if (at.isAfter(now)) {
      throw new BadUserRequestException(label + "时间不能晚于现在（" + OpinionClock.text(now) + "）（" + timeVariable + "）");
    }
    if (notBefore != null && at.isBefore(notBefore)) {
      throw new BadUserRequestException(label + "时间不能早于" + notBeforeLabel + "（" + OpinionClock.text(notBefore)
          + "）（" + timeVariable + "）");
    }
    return at;
  }

  static String url(VariableScope scope, String variable, String label, boolean required) {
    String value = required ? FormFields.required(scope, variable, label) : FormFields.text(scope, variable);
    if (value != null && (!URL.matcher(value).matches() || value.length() > 1000)) {
      throw new BadUserRequestException(label + "应为以 http:// 或 https:// 开头的网址（" + variable + "）");
    }
    return value;
  }

  static String text(VariableScope scope, String variable, String label, int max, boolean required) {
    String value = required ? FormFields.required(scope, variable, label) : FormFields.text(scope, variable);
    if (value != null && value.length() > max) {
      throw new BadUserRequestException(label + "不能超过" + max + "字（" + variable + "）");
    }
    return value;
  }

  static boolean flag(VariableScope scope, String variable) {
    Object value = scope.getVariable(variable);
    return value instanceof Boolean b ? b : value != null && "true".equalsIgnoreCase(value.toString().strip());
  }

  /** One of the allowed codes of a select field. */
  static String choice(VariableScope scope, String variable, String label, java.util.Set<String> allowed) {
    String value = FormFields.required(scope, variable, label);
    if (!allowed.contains(value)) {
      throw new BadUserRequestException(label + "的取值无效（" + variable + "）");
    }
    return value;
  }
}

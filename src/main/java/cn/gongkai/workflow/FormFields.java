package cn.gongkai.workflow;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Reads what a completed task form submitted, for the listeners of both processes. A missing or
 * malformed field answers with a Chinese {@link BadUserRequestException} (HTTP 400 in Tasklist and REST)
 * naming the field, and nothing of the step is stored.
 */
public final class FormFields {

  private FormFields() {}

  /** The user who completed the step (the engine's authenticated user), or null for the engine itself. */
  public static String actor(DelegateExecution execution) {
    Authentication auth = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return auth == null ? null : auth.getUserId();
  }

  /** The field's text, stripped; null when absent or blank. */
  public static String text(VariableScope scope, String variable) {
    Object value = scope.getVariable(variable);
    return value == null || value.toString().isBlank() ? null : value.toString().strip();
  }

  public static String required(VariableScope scope, String variable, String label) {
    String value = text(scope, variable);
    if (value == null) {
      throw new BadUserRequestException(label + "为必填项（" + variable + "）");
    }
    return value;
  }

  /**
   * The day a fact happened (an ISO date, or a date-time whose date part counts): on or after
   * {@link #FIRST_DAY} and not after today, Beijing date by the engine's clock.
   */
  public static LocalDate date(VariableScope scope, String variable, String label) {
    LocalDate date = anyDate(scope, variable, label);
    LocalDate today = today();
    if (date.isAfter(today)) {
      throw new BadUserRequestException(label + "不能晚于今天（" + today + "）（" + variable + "）");
    }
    return date;
  }

  /**
   * A planned day (e.g. a delayed reply deadline): on or after {@link #FIRST_DAY} and at most
   * {@link #PLANNING_HORIZON_DAYS} days after today, Beijing date by the engine's clock.
   */
  public static LocalDate plannedDate(VariableScope scope, String variable, String label) {
    LocalDate date = anyDate(scope, variable, label);
    if (date.isAfter(today().plusDays(PLANNING_HORIZON_DAYS))) {
      throw new BadUserRequestException(label + "不能晚于一年之后（" + variable + "）");
    }
    return date;
  }

  /** No fact in a case gongkai keeps happened before this day. */
  public static final LocalDate FIRST_DAY = LocalDate.of(2000, 1, 1);

  /** How far ahead a planned date may lie: a year covers every statutory period with room. */
  public static final int PLANNING_HORIZON_DAYS = 366;

  private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(T.*)?");
  private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

  private static LocalDate anyDate(VariableScope scope, String variable, String label) {
    String value = required(scope, variable, label);
    LocalDate date;
    try {
      // four-digit years only: a signed or five-digit year (-9999999-01-01) is never meant
      if (!ISO_DATE.matcher(value).matches()) {
        throw new DateTimeParseException("not yyyy-MM-dd", value, 0);
      }
      date = LocalDate.parse(value.substring(0, 10));
    } catch (DateTimeParseException e) {
      throw new BadUserRequestException(label + "不是有效日期（" + variable + "）");
    }
    if (date.isBefore(FIRST_DAY)) {
      throw new BadUserRequestException(label + "不能早于2000年1月1日（" + variable + "）");
    }
    return date;
  }

  private static LocalDate today() {
    return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), BEIJING);
  }

  public static int number(VariableScope scope, String variable, String label) {
    Object value = scope.getVariable(variable);
    if (value instanceof Number n) {
      // a Long or Double beyond int would wrap around into a plausible small count
      if (n.doubleValue() != n.intValue()) {
        throw new BadUserRequestException(label + "必须是整数（" + variable + "）");
      }
      return n.intValue();
    }
    try {
      return Integer.parseInt(required(scope, variable, label));
    } catch (NumberFormatException e) {
      throw new BadUserRequestException(label + "必须是整数（" + variable + "）");
    }
  }

  /** A review's APPROVED or RETURNED; a return must give its reasons in {@code commentVariable}. */
  public static String reviewResult(VariableScope scope, String variable, String commentVariable, String step) {
    String result = required(scope, variable, step + "结论");
    if (!"APPROVED".equals(result) && !"RETURNED".equals(result)) {
      throw new BadUserRequestException(step + "结论的取值无效：" + result);
    }
    if ("RETURNED".equals(result) && text(scope, commentVariable) == null) {
      throw new BadUserRequestException("退回时必须写明理由");
    }
    return result;
  }
}

package cn.gongkai.workflow;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.identity.Authentication;

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

  /** An ISO date (a Camunda Forms date field, or a date-time whose date part counts). */
  public static LocalDate date(VariableScope scope, String variable, String label) {
    String value = required(scope, variable, label);
    try {
      return LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
    } catch (DateTimeParseException e) {
      throw new BadUserRequestException(label + "不是有效日期（" + variable + "）");
    }
  }

  public static int number(VariableScope scope, String variable, String label) {
    Object value = scope.getVariable(variable);
    if (value instanceof Number n) {
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

package cn.gongkai.interpretation.internal;

import cn.gongkai.interpretation.PolicySubmission;
import cn.gongkai.workflow.FormFields;
import java.time.LocalDate;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Reads a completed form's fields; a missing or malformed one answers in Chinese (HTTP 400 in Tasklist). */
final class TaskFields {

  private static final Pattern URL = Pattern.compile("^https?://\\S+$");

  private TaskFields() {}

  static String actor(DelegateExecution execution) {
    return FormFields.actor(execution);
  }

  static long caseId(VariableScope scope) {
    return ((Number) scope.getVariable("caseId")).longValue();
  }

  static PolicySubmission submission(VariableScope scope) {
    try {
      return PolicySubmission.from(scope.getVariables());
    } catch (PolicySubmission.InvalidSubmission e) {
      throw new BadUserRequestException(e.getMessage());
    }
  }

  static String text(VariableScope scope, String variable) {
    return FormFields.text(scope, variable);
  }

  static String required(VariableScope scope, String variable, String label) {
    return FormFields.required(scope, variable, label);
  }

  static LocalDate date(VariableScope scope, String variable, String label) {
    return FormFields.date(scope, variable, label);
  }

  /** A date that has happened: not after today (Beijing). */
  static LocalDate pastDate(VariableScope scope, String variable, String label, LocalDate today) {
    LocalDate date = date(scope, variable, label);
    if (date.isAfter(today)) {
      throw new BadUserRequestException(label + "不能晚于今天（" + variable + "）");
    }
    return date;
  }

  static int number(VariableScope scope, String variable, String label) {
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

  static boolean flag(VariableScope scope, String variable) {
    Object value = scope.getVariable(variable);
    return value instanceof Boolean b ? b : value != null && "true".equalsIgnoreCase(value.toString().strip());
  }

  static String url(VariableScope scope, String variable, String label, boolean required) {
    String value = required ? required(scope, variable, label) : text(scope, variable);
    if (value != null && !URL.matcher(value).matches()) {
      throw new BadUserRequestException(label + "应为以 http:// 或 https:// 开头的网址（" + variable + "）");
    }
    return value;
  }
}

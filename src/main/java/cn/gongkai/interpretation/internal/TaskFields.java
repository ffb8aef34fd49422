package cn.gongkai.interpretation.internal;

import cn.gongkai.interpretation.PolicySubmission;
import cn.gongkai.workflow.FormFields;
import java.time.LocalDate;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Reads a completed form's fields; a missing or malformed one answers in Chinese (HTTP 400 in Tasklist). */
final class TaskFields {

  private static final Pattern URL = Pattern.compile("^https?://\\S+$");

  private TaskFields() {}

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

  /** A date that has happened: not after today (Beijing). */
  static LocalDate pastDate(VariableScope scope, String variable, String label, LocalDate today) {
    LocalDate date = FormFields.date(scope, variable, label);
    if (date.isAfter(today)) {
      throw new BadUserRequestException(label + "不能晚于今天（" + variable + "）");
    }
    return date;
  }

  static boolean flag(VariableScope scope, String variable) {
    Object value = scope.getVariable(variable);
    return value instanceof Boolean b ? b : value != null && "true".equalsIgnoreCase(value.toString().strip());
  }

  static String url(VariableScope scope, String variable, String label, boolean required) {
    String value = required ? FormFields.required(scope, variable, label) : FormFields.text(scope, variable);
    if (value != null && !URL.matcher(value).matches()) {
      throw new BadUserRequestException(label + "应为以 http:// 或 https:// 开头的网址（" + variable + "）");
    }
    return value;
  }
}

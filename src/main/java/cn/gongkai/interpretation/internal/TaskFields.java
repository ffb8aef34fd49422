package cn.gongkai.interpretation.internal;

import cn.gongkai.interpretation.InterpretationClock;
import cn.gongkai.interpretation.PolicyCase;
import cn.gongkai.interpretation.PolicyRegister;
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
  /** No fact of a 三同步 case lies before this day (a sane range for every date a user enters). */
  static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

  private TaskFields() {}

  /**
   * The case this execution belongs to, found by its process instance in the register: a variable such as
   * {@code caseId} can be set by any user and never says which case a step acts on.
   */
  static PolicyCase caseOf(PolicyRegister register, DelegateExecution execution) {
    return register.findByProcessInstance(execution.getProcessInstanceId())
        .orElseThrow(() -> new IllegalStateException(
            "no policy case for process instance " + execution.getProcessInstanceId()));
  }

  /** What the drafter's form submitted (start form, revision): only the drafter's own steps read this. */
  static PolicySubmission submission(VariableScope scope) {
    try {
      return PolicySubmission.from(scope.getVariables());
    } catch (PolicySubmission.InvalidSubmission e) {
      throw new BadUserRequestException(e.getMessage());
    }
  }

  /**
   * The day a fact happened, entered as such (issue 10 §1): not in the future (Beijing date, engine clock),
   * not before the fact it follows ({@code notBefore}, named {@code notBeforeLabel}), not before 2000.
   */
  static LocalDate factDay(VariableScope scope, String variable, String label, LocalDate notBefore,
      String notBeforeLabel) {
    LocalDate date = FormFields.date(scope, variable, label);
    LocalDate today = InterpretationClock.today();
    if (date.isAfter(today)) {
      throw new BadUserRequestException(label + "不能晚于今天（" + today + "）（" + variable + "）");
    }
    if (notBefore != null && date.isBefore(notBefore)) {
      throw new BadUserRequestException(
          label + "不能早于" + notBeforeLabel + "（" + notBefore + "）（" + variable + "）");
    }
    if (date.isBefore(EARLIEST)) {
      throw new BadUserRequestException(label + "不能早于2000年1月1日（" + variable + "）");
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

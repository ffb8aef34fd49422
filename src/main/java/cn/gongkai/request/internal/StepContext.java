package cn.gongkai.request.internal;

import cn.gongkai.request.CaseRegister;
import cn.gongkai.request.DisclosureCase;
import cn.gongkai.request.Labelled;
import cn.gongkai.request.Outcome;
import cn.gongkai.workflow.FormFields;
import java.time.LocalDate;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * A completed step of one case: the submitted fields, the case found by process instance, the user who
 * completed it. Field readers answer a missing or malformed field with a Chinese refusal naming it.
 */
final class StepContext {

  private final DelegateExecution execution;
  private final CaseRegister register;
  private final DisclosureCase atStart;
  private final String actor;

  StepContext(DelegateExecution execution, CaseRegister register, DisclosureCase c) {
    this.execution = execution;
    this.register = register;
    this.atStart = c;
    this.actor = FormFields.actor(execution);
  }

  DelegateExecution execution() {
    return execution;
  }

  long caseId() {
    return atStart.id();
  }

  /** The register row as it is now (steps may have changed it since the step began). */
  DisclosureCase row() {
    return register.get(atStart.id());
  }

  String actor() {
    return actor;
  }

  String taskKey() {
    return execution.getCurrentActivityId();
  }

  String processInstanceId() {
    return execution.getProcessInstanceId();
  }

  String text(String variable) {
    return FormFields.text(execution, variable);
  }

  String required(String variable, String label) {
    return FormFields.required(execution, variable, label);
  }

  int number(String variable, String label) {
    return FormFields.number(execution, variable, label);
  }

  LocalDate date(String variable, String label) {
    return FormFields.date(execution, variable, label);
  }

  /** A planned day (a period's end), which may lie ahead. */
  LocalDate plannedDate(String variable, String label) {
    return FormFields.plannedDate(execution, variable, label);
  }

  /**
   * The day a fact happened, entered by staff perhaps days later (domain §11): not in the future
   * (Beijing date) and not before the fact it follows.
   */
  LocalDate factDate(String variable, String label, LocalDate notBefore, String notBeforeLabel) {
    return FactDates.check(date(variable, label), variable, label, notBefore, notBeforeLabel);
  }

  String reviewResult(String variable, String commentVariable, String step) {
    return FormFields.reviewResult(execution, variable, commentVariable, step);
  }

  void setVariable(String name, Object value) {
    execution.setVariable(name, value);
  }

  /** The moved reply clock, written into the process variables Tasklist shows. */
  void clockMoved(ReplyClock.ClockState state) {
    if (state == null) {
      return;
    }
    execution.setVariable("replyDueOn", state.due().toString());
    execution.setVariable("replyDueProvisional", state.provisional());
    execution.setVariable("replyOverdueAt", state.overdueAt());
    execution.setVariable("replyReminderAt", state.reminderAt());
  }

  Outcome outcome(String variable, String label) {
    return code(variable, label, Outcome.class);
  }

  <E extends Enum<E> & Labelled> E code(String variable, String label, Class<E> type) {
    String value = required(variable, label);
    return Labelled.parse(type, value)
        .orElseThrow(() -> new BadUserRequestException(label + "的取值无效：" + value + "（" + variable + "）"));
  }
}

package cn.gongkai.request.internal;

import cn.gongkai.request.CaseRegister;
import cn.gongkai.request.DisclosureCase;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Finds the register row an engine execution works on by its process instance
 * ({@code gk_disclosure_case.process_instance_id}), never by a process variable: variables can be
 * written by users, the link between a case and its process instance cannot.
 */
@Component
class CaseOfExecution {

  private final CaseRegister register;

  CaseOfExecution(CaseRegister register) {
    this.register = register;
  }

  /** The case of that execution's process instance; empty only before registration links it. */
  Optional<DisclosureCase> find(DelegateExecution execution) {
    return register.findByProcessInstance(execution.getProcessInstanceId());
  }

  Optional<DisclosureCase> find(DelegateTask task) {
    return register.findByProcessInstance(task.getProcessInstanceId());
  }

  /** The case of that execution's process instance, which must exist. */
  DisclosureCase of(DelegateExecution execution) {
    return find(execution).orElseThrow(() -> new IllegalStateException(
        "no register row for process instance " + execution.getProcessInstanceId()));
  }

  long id(DelegateExecution execution) {
    return of(execution).id();
  }
}

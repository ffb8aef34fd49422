package cn.gongkai.request.internal;

import cn.gongkai.request.CaseRegister;
import cn.gongkai.request.ReplyDeadlineState;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The overdue timer fired (条例第三十三条第二款): the timer is only the alarm, the case's dates decide. Overdue
 * (open after the end of its deadline day) goes to the supervisor; a clock stopped within the deadline, or a
 * deadline moved, waits for the deadline again.
 */
@Component("markOverdueDelegate")
class MarkOverdueDelegate implements JavaDelegate {

  private final CaseRegister register;
  private final OverdueWatch watch;

  MarkOverdueDelegate(CaseRegister register, OverdueWatch watch) {
    this.register = register;
    this.watch = watch;
  }

  @Override
  public void execute(DelegateExecution execution) {
    // the case registered for this process instance, never a variable a user could set
    long caseId = register.findByProcessInstance(execution.getProcessInstanceId()).orElseThrow().id();
    boolean overdue = watch.onTimer(caseId) == ReplyDeadlineState.MISSED;
    execution.setVariable("overdue", overdue);
  }
}

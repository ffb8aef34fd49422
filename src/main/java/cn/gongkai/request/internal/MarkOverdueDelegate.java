package cn.gongkai.request.internal;

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

  private final OverdueWatch watch;

  MarkOverdueDelegate(OverdueWatch watch) {
    this.watch = watch;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long caseId = ((Number) execution.getVariable("caseId")).longValue();
    boolean overdue = watch.onTimer(caseId) == ReplyDeadlineState.MISSED;
    execution.setVariable("overdue", overdue);
  }
}

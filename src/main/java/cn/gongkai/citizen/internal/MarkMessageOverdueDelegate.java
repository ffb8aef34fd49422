package cn.gongkai.citizen.internal;

import static cn.gongkai.citizen.CitizenMessageVariables.OVERDUE;
import static cn.gongkai.citizen.CitizenMessageVariables.OVERDUE_DUE_ON;
import static cn.gongkai.citizen.CitizenMessageVariables.OVERDUE_STEP_NAME;

import cn.gongkai.citizen.CitizenMessage;
import cn.gongkai.citizen.CitizenMessageClock;
import cn.gongkai.citizen.CitizenMessageRegister;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * A deadline timer fired: the register's dates decide whether the message is late (its step still open after the
 * end of the deadline day, Beijing time); the timer is only the alarm.
 */
@Component("markMessageOverdueDelegate")
class MarkMessageOverdueDelegate implements JavaDelegate {

  private final CitizenMessageRegister register;

  MarkMessageOverdueDelegate(CitizenMessageRegister register) {
    this.register = register;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CitizenMessage m = register.findByProcessInstance(execution.getProcessInstanceId()).orElseThrow();
    boolean accepting = MessageSteps.ACCEPT.equals(m.currentStep());
    LocalDate due = accepting ? m.acceptDueOn() : m.answerDueOn();
    boolean late = due != null && CitizenMessageClock.today().isAfter(due)
        && (accepting || m.answeredOn() == null);
    execution.setVariable(OVERDUE, late);
    execution.setVariable(OVERDUE_STEP_NAME, m.currentStepName());
    execution.setVariable(OVERDUE_DUE_ON, due == null ? null : due.toString());
    if (late) {
      register.markOverdue(m.id());
    }
    register.recordEvent(m.id(), "Task_MarkMessageOverdue", "标记逾期", null, CitizenMessageClock.now(),
        late ? due.plusDays(1) : null, late ? "OVERDUE" : "NOT_OVERDUE",
        m.currentStepName() + "期限" + due + (late ? "已届满，转督办" : "尚未届满，未逾期"));
  }
}

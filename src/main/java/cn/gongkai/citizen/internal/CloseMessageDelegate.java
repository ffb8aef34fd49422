package cn.gongkai.citizen.internal;

import cn.gongkai.citizen.CitizenMessage;
import cn.gongkai.citizen.CitizenMessageClock;
import cn.gongkai.citizen.CitizenMessageRegister;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 办结归档 ({@code Task_CloseMessage}): the message leaves the open cases supervision watches. */
@Component("closeMessageDelegate")
class CloseMessageDelegate implements JavaDelegate {

  private final CitizenMessageRegister register;

  CloseMessageDelegate(CitizenMessageRegister register) {
    this.register = register;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CitizenMessage m = register.findByProcessInstance(execution.getProcessInstanceId()).orElseThrow();
    register.close(m.id(), CitizenMessageClock.now());
    register.recordEvent(m.id(), "Task_CloseMessage", "办结归档", null, CitizenMessageClock.now(),
        CitizenMessageClock.today(), "已办结", null);
  }
}

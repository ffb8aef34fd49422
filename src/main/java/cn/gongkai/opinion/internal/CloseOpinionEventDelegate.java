package cn.gongkai.opinion.internal;

import cn.gongkai.opinion.OpinionClock;
import cn.gongkai.opinion.OpinionEvent;
import cn.gongkai.opinion.OpinionRegister;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 办结归档: the event's response, evaluation and any accountability stay in the register. */
@Component("closeOpinionEventDelegate")
class CloseOpinionEventDelegate implements JavaDelegate {

  private final OpinionRegister register;

  CloseOpinionEventDelegate(OpinionRegister register) {
    this.register = register;
  }

  @Override
  public void execute(DelegateExecution execution) {
    OpinionEvent e = register.findByProcessInstance(execution.getProcessInstanceId()).orElseThrow();
    register.close(e.id(), OpinionClock.now());
    register.recordStep(e.id(), new OpinionRegister.Step("Task_CloseOpinionEvent", "办结归档", null,
        OpinionClock.now(), null, "CLOSED", null));
  }
}

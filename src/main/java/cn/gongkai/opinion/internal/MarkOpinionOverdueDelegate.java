package cn.gongkai.opinion.internal;

import cn.gongkai.opinion.OpinionClock;
import cn.gongkai.opinion.OpinionEvent;
import cn.gongkai.opinion.OpinionRegister;
import cn.gongkai.opinion.OpinionVariables;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 标记超期: a limit's alarm rang. Which limits passed unanswered is read from the register's moments (the timer
 * only rings); the case goes to the supervisors (督办) and the handler can still respond.
 */
@Component("markOpinionOverdueDelegate")
class MarkOpinionOverdueDelegate implements JavaDelegate {

  private final OpinionRegister register;

  MarkOpinionOverdueDelegate(OpinionRegister register) {
    this.register = register;
  }

  @Override
  public void execute(DelegateExecution execution) {
    OpinionEvent e = register.findByProcessInstance(execution.getProcessInstanceId()).orElseThrow();
    OffsetDateTime now = OpinionClock.now();
    List<String> late = new ArrayList<>();
    if (e.firstResponseAt() == null && e.responseLate(now)) {
      late.add((e.pressConferenceDueAt() != null ? "发布权威信息（最迟 " : "回应（")
          + OpinionClock.text(e.responseDueAt()) + (e.pressConferenceDueAt() != null ? "）" : "前）"));
    }
    if (e.pressConferenceAt() == null && e.pressConferenceLate(now)) {
      late.add("举行新闻发布会（" + OpinionClock.text(e.pressConferenceDueAt()) + " 前）");
    }
    String what = late.isEmpty() ? "无" : String.join("、", late);
    execution.setVariable(OpinionVariables.OVERDUE, !late.isEmpty());
    execution.setVariable(OpinionVariables.OVERDUE_WHAT, what);
    register.supervised(e.id());
    register.recordStep(e.id(), new OpinionRegister.Step(execution.getCurrentActivityId(),
        execution.getCurrentActivityName(), null, now, null, late.isEmpty() ? "NOT_OVERDUE" : "OVERDUE",
        "超期未办：" + what));
  }
}

package cn.gongkai.opinion.internal;

import cn.gongkai.opinion.OpinionClock;
import cn.gongkai.opinion.OpinionEvent;
import cn.gongkai.opinion.OpinionRegister;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * 提醒办理: a limit approaches (reminder settings gongkai.public-opinion.*-reminder-before). The handler's open
 * tasks on a running clock are raised to high priority (Tasklist sorts them first) and the reminder, with the
 * time left, is written to the case's history.
 */
@Component("remindOpinionHandlerDelegate")
class RemindOpinionHandlerDelegate implements JavaDelegate {

  static final int REMINDED_PRIORITY = 80;

  private final OpinionRegister register;

  RemindOpinionHandlerDelegate(OpinionRegister register) {
    this.register = register;
  }

  @Override
  public void execute(DelegateExecution execution) {
    OpinionEvent e = register.findByProcessInstance(execution.getProcessInstanceId()).orElseThrow();
    OffsetDateTime now = OpinionClock.now();
    var taskService = execution.getProcessEngineServices().getTaskService();
    List<String> notes = new ArrayList<>();
    for (Task task : taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId()).list()) {
      if (task.getDueDate() != null && !OpinionTaskListener.SUPERVISE.equals(task.getTaskDefinitionKey())) {
        taskService.setPriority(task.getId(), Math.max(task.getPriority(), REMINDED_PRIORITY));
        notes.add(task.getName() + "：" + OpinionClock.countdown(
            OffsetDateTime.ofInstant(task.getDueDate().toInstant(), OpinionClock.BEIJING), now.toInstant()));
      }
    }
    register.reminded(e.id());
    register.recordStep(e.id(), new OpinionRegister.Step(execution.getCurrentActivityId(),
        execution.getCurrentActivityName(), null, now, null, "REMINDED", String.join("；", notes)));
  }
}

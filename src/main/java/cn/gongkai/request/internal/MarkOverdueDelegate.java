package cn.gongkai.request.internal;

import cn.gongkai.request.CaseEvent;
import cn.gongkai.request.CaseRegister;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The reply deadline passed unanswered (条例第三十三条): the case is marked overdue in register and process. */
@Component("markOverdueDelegate")
class MarkOverdueDelegate implements JavaDelegate {

  private final CaseRegister register;
  private final JdbcClient jdbc;

  MarkOverdueDelegate(CaseRegister register, JdbcClient jdbc) {
    this.register = register;
    this.jdbc = jdbc;
  }

  @Override
  public void execute(DelegateExecution execution) {
    // the case registered for this process instance, never a variable a user could set
    long caseId = register.findByProcessInstance(execution.getProcessInstanceId()).orElseThrow().id();
    jdbc.sql("UPDATE gk_disclosure_case SET overdue = TRUE, overdue_since = ? WHERE id = ?")
        .params(ReplyClock.today(), caseId)
        .update();
    execution.setVariable("overdue", true);
    register.recordEvent(caseId, new CaseEvent("Task_MarkOverdue", "标记逾期", null, ReplyClock.now(),
        "OVERDUE", "答复期限 " + register.get(caseId).replyDueOn() + " 已届满，转督办"));
  }
}

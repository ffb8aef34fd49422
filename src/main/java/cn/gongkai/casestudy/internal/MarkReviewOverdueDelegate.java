package cn.gongkai.casestudy.internal;

import cn.gongkai.casestudy.CaseStudy;
import cn.gongkai.casestudy.CaseStudyClock;
import cn.gongkai.casestudy.CaseStudyRegister;
import cn.gongkai.casestudy.CaseStudyVariables;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The review deadline timer fired: the dates decide (still unreviewed after the end of the deadline day); the
 * case study is marked overdue from the day after and goes to 督办.
 */
@Component("markCaseStudyReviewOverdueDelegate")
class MarkReviewOverdueDelegate implements JavaDelegate {

  private final CaseStudyRegister register;

  MarkReviewOverdueDelegate(CaseStudyRegister register) {
    this.register = register;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseStudy c = register.findByProcessInstance(execution.getProcessInstanceId()).orElseThrow();
    boolean late = c.reviewDueOn() != null && c.reviewedOn() == null && CaseStudyClock.today().isAfter(c.reviewDueOn());
    LocalDate since = late ? c.reviewDueOn().plusDays(1) : null;
    register.setOverdue(c.id(), late, since);
    execution.setVariable(CaseStudyVariables.OVERDUE, late);
    register.recordEvent(c.id(), new CaseStudyRegister.Event("Task_MarkReviewOverdue", "标记逾期", null,
        CaseStudyClock.now(), late ? "OVERDUE" : "NOT_OVERDUE",
        "案例审核期限 " + c.reviewDueOn() + (late ? " 已届满，转督办" : " 尚未届满，未逾期")));
  }
}

package cn.gongkai.casestudy.internal;

import cn.gongkai.casestudy.CaseStudy;
import cn.gongkai.casestudy.CaseStudyClock;
import cn.gongkai.casestudy.CaseStudyRegister;
import org.springframework.stereotype.Component;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** 催办提醒: the review's last day has begun; the register records the reminder, the review stays open. */
@Component("remindCaseStudyReviewerDelegate")
class RemindReviewerDelegate implements JavaDelegate {

  private final CaseStudyRegister register;

  RemindReviewerDelegate(CaseStudyRegister register) {
    this.register = register;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseStudy c = register.findByProcessInstance(execution.getProcessInstanceId()).orElseThrow();
    register.recordReminder(c.id(), CaseStudyClock.now());
    register.recordEvent(c.id(), new CaseStudyRegister.Event("Task_RemindReviewer", "催办提醒", null,
        CaseStudyClock.now(), "REMINDED", "案例审核期限为" + c.reviewDueOn() + "，今日到期"));
  }
}

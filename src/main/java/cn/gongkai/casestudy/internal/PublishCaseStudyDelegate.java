package cn.gongkai.casestudy.internal;

import cn.gongkai.casestudy.CaseStudy;
import cn.gongkai.casestudy.CaseStudyClock;
import cn.gongkai.casestudy.CaseStudyRegister;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 发布入库: the approved case study enters the case library on the day of approval, under the reviewer's name. */
@Component("publishCaseStudyDelegate")
class PublishCaseStudyDelegate implements JavaDelegate {

  private final CaseStudyRegister register;

  PublishCaseStudyDelegate(CaseStudyRegister register) {
    this.register = register;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseStudy c = register.findByProcessInstance(execution.getProcessInstanceId()).orElseThrow();
    register.publish(c.id(), c.reviewedOn(), c.reviewedBy());
    register.close(c.id(), "已入库");
    register.recordEvent(c.id(), new CaseStudyRegister.Event("Task_PublishCaseStudy", "发布入库", null,
        CaseStudyClock.now(), "PUBLISHED", "入库日期" + c.reviewedOn()));
  }
}

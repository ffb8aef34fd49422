package cn.gongkai.request.internal;

import org.springframework.stereotype.Component;

/** 督办逾期案件: the supervisor's note on an overdue case; the case's current step stays where it waits. */
@Component
class SuperviseOverdueCaseStep implements CaseStep {

  @Override
  public String taskKey() {
    return "Task_SuperviseOverdueCase";
  }

  @Override
  public boolean isCaseStep() {
    return false;
  }

  @Override
  public StepRecord completed(StepContext step) {
    return StepRecord.of(null, step.text("supervisionComment"));
  }
}

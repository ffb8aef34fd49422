package cn.gongkai.request.internal;

import org.springframework.stereotype.Component;

/** 审查申请理由: reasonable reasons may set a delayed reply date (条例第三十五条). */
@Component
class ReviewVolumeReasonsStep implements CaseStep {

  private final ReplyClock clock;

  ReviewVolumeReasonsStep(ReplyClock clock) {
    this.clock = clock;
  }

  @Override
  public String taskKey() {
    return "Task_ReviewVolumeReasons";
  }

  @Override
  public StepRecord completed(StepContext step) {
    String decision = step.required("volumeReasonsDecision", "审查结论");
    if ("ACCEPTED".equals(decision) && step.text("delayedReplyOn") != null) {
      step.clockMoved(clock.delayTo(step.caseId(), step.plannedDate("delayedReplyOn", "延迟答复期限"), step.actor()));
    }
    return StepRecord.of(decision, step.text("volumeReasons"));
  }
}

package cn.gongkai.request.internal;

import cn.gongkai.request.CaseRegister;
import cn.gongkai.request.CaseRegister.Stage;
import cn.gongkai.request.DisclosureCase;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * 保密审查: every release is reviewed first (先审查、后公开, 条例第十七条), never by the case's own handler
 * (the handler as the register records it, not as a variable says).
 */
@Component
class SecrecyReviewStep implements CaseStep {

  private final CaseRegister register;
  private final CaseRelease release;

  SecrecyReviewStep(CaseRegister register, CaseRelease release) {
    this.register = register;
    this.release = release;
  }

  @Override
  public String taskKey() {
    return "Task_SecrecyReview";
  }

  @Override
  public void assigned(DelegateTask task, DisclosureCase c) {
    if (task.getAssignee() != null && task.getAssignee().equals(c.handledBy())) {
      throw new BadUserRequestException("保密审查员不得审查本人承办的案件，请由其他审查员认领");
    }
  }

  @Override
  public StepRecord completed(StepContext step) {
    if (step.actor() != null && step.actor().equals(step.row().handledBy())) {
      throw new BadUserRequestException("保密审查员不得审查本人承办的案件");
    }
    String decision = step.reviewResult("secrecyReviewResult", "secrecyReviewComment", "保密审查");
    // what goes out is reviewed as it goes out: every redaction mark approved, or returned with its reason
    step.setVariable("returnedMarks", release.checkReview(step.row(), decision, "保密审查"));
    register.stamp(step.caseId(), Stage.SECRECY_REVIEWED, ReplyClock.now());
    return StepRecord.of(decision, step.text("secrecyReviewComment"));
  }
}

package cn.gongkai.request.internal;

import cn.gongkai.request.CaseRegister;
import cn.gongkai.request.CaseRegister.Stage;
import org.springframework.stereotype.Component;

/** 法制审核: refusals and partial disclosures are checked by legal staff before sign-off. */
@Component
class LegalReviewStep implements CaseStep {

  private final CaseRegister register;
  private final CaseRelease release;

  LegalReviewStep(CaseRegister register, CaseRelease release) {
    this.register = register;
    this.release = release;
  }

  @Override
  public String taskKey() {
    return "Task_LegalReview";
  }

  @Override
  public StepRecord completed(StepContext step) {
    String decision = step.reviewResult("legalReviewResult", "legalReviewComment", "法制审核");
    // a partial disclosure's marks and grounds are checked again; a returned mark goes back with its reason
    step.setVariable("returnedMarks", release.checkReview(step.row(), decision, "法制审核"));
    register.stamp(step.caseId(), Stage.LEGAL_REVIEWED, ReplyClock.now());
    return StepRecord.of(decision, step.text("legalReviewComment"));
  }
}

package cn.gongkai.interpretation.internal;

import static cn.gongkai.workflow.FormFields.reviewResult;
import static cn.gongkai.workflow.FormFields.text;

import cn.gongkai.interpretation.InterpretationClock;
import cn.gongkai.interpretation.PolicyRegister;
import cn.gongkai.interpretation.PolicyRegister.Review;

/** A review of the pair (legality, secrecy): APPROVED, or RETURNED to the drafter with its reasons. */
abstract class ReviewStep implements PolicyStep {

  private final PolicyRegister register;
  private final ReturnToDrafter returns;
  private final Review review;
  private final String resultVariable;
  private final String commentVariable;

  ReviewStep(PolicyRegister register, ReturnToDrafter returns, Review review, String resultVariable,
      String commentVariable) {
    this.register = register;
    this.returns = returns;
    this.review = review;
    this.resultVariable = resultVariable;
    this.commentVariable = commentVariable;
  }

  @Override
  public Outcome complete(Completion step) {
    String result = reviewResult(step.task(), resultVariable, commentVariable, step.stepName());
    String comment = text(step.task(), commentVariable);
    register.recordReview(step.caseId(), review, result, comment, InterpretationClock.now(), step.actor());
    if ("RETURNED".equals(result)) {
      returns.returnFrom(step, comment);
    }
    return new Outcome(result, comment);
  }
}

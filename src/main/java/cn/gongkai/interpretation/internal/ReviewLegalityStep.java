package cn.gongkai.interpretation.internal;

import static cn.gongkai.interpretation.PolicyVariables.LEGAL_REVIEW_COMMENT;
import static cn.gongkai.interpretation.PolicyVariables.LEGAL_REVIEW_RESULT;

import cn.gongkai.interpretation.PolicyRegister;
import cn.gongkai.interpretation.PolicyRegister.Review;
import org.springframework.stereotype.Component;

/** 合法性审核 ({@code Task_ReviewLegality}) of the policy and its interpretation materials. */
@Component
class ReviewLegalityStep extends ReviewStep {

  ReviewLegalityStep(PolicyRegister register, ReturnToDrafter returns) {
    super(register, returns, Review.LEGAL, LEGAL_REVIEW_RESULT, LEGAL_REVIEW_COMMENT);
  }

  @Override
  public String taskKey() {
    return "Task_ReviewLegality";
  }
}

package cn.gongkai.interpretation.internal;

import static cn.gongkai.interpretation.PolicyVariables.SECRECY_REVIEW_COMMENT;
import static cn.gongkai.interpretation.PolicyVariables.SECRECY_REVIEW_RESULT;

import cn.gongkai.interpretation.PolicyRegister;
import cn.gongkai.interpretation.PolicyRegister.Review;
import org.springframework.stereotype.Component;

/** 保密审查 ({@code Task_ReviewSecrecy}): 先审查、后公开 (条例第十七条). */
@Component
class ReviewSecrecyStep extends ReviewStep {

  ReviewSecrecyStep(PolicyRegister register, ReturnToDrafter returns) {
    super(register, returns, Review.SECRECY, SECRECY_REVIEW_RESULT, SECRECY_REVIEW_COMMENT);
  }

  @Override
  public String taskKey() {
    return "Task_ReviewSecrecy";
  }
}

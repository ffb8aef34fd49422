package cn.gongkai.interpretation.internal;

import static cn.gongkai.interpretation.PolicyVariables.COMMENT_ADOPTION;
import static cn.gongkai.interpretation.PolicyVariables.COMMENT_COUNT;
import static cn.gongkai.interpretation.PolicyVariables.COMMENT_END_ON;
import static cn.gongkai.interpretation.PolicyVariables.COMMENT_START_ON;
import static cn.gongkai.workflow.FormFields.number;
import static cn.gongkai.workflow.FormFields.required;

import cn.gongkai.interpretation.PolicyRegister;
import java.time.LocalDate;
import org.camunda.bpm.engine.BadUserRequestException;
import org.springframework.stereotype.Component;

/**
 * 公开征求意见 ({@code Task_ConductPublicComment}): the comment period (which may have run while the policy was
 * drafted, before it was submitted), the comments received and how they were adopted.
 */
@Component
class ConductPublicCommentStep implements PolicyStep {

  private final PolicyRegister register;

  ConductPublicCommentStep(PolicyRegister register) {
    this.register = register;
  }

  @Override
  public String taskKey() {
    return "Task_ConductPublicComment";
  }

  @Override
  public Outcome complete(Completion step) {
    LocalDate start = TaskFields.factDay(step.task(), COMMENT_START_ON, "征求意见开始日期", null, null);
    LocalDate end = TaskFields.factDay(step.task(), COMMENT_END_ON, "征求意见截止日期", null, null);
    if (end.isBefore(start)) {
      throw new BadUserRequestException("征求意见截止日期不能早于开始日期");
    }
    int count = number(step.task(), COMMENT_COUNT, "收到意见条数");
    if (count < 0) {
      throw new BadUserRequestException("收到意见条数不能为负数");
    }
    String adoption = required(step.task(), COMMENT_ADOPTION, "意见采纳情况");
    register.recordPublicComment(step.caseId(), start, end, count, adoption);
    return new Outcome(start + " 至 " + end + "，收到意见" + count + "条", adoption, end);
  }
}

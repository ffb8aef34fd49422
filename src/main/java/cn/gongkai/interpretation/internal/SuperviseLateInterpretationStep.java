package cn.gongkai.interpretation.internal;

import static cn.gongkai.interpretation.PolicyVariables.SUPERVISION_COMMENT;
import static cn.gongkai.workflow.FormFields.required;

import org.springframework.stereotype.Component;

/** 督办解读发布 ({@code Task_SuperviseLateInterpretation}): the supervisor's comment on a late interpretation. */
@Component
class SuperviseLateInterpretationStep implements PolicyStep {

  static final String TASK = "Task_SuperviseLateInterpretation";

  @Override
  public String taskKey() {
    return TASK;
  }

  @Override
  public Outcome complete(Completion step) {
    return new Outcome(null, required(step.task(), SUPERVISION_COMMENT, "督办意见"));
  }
}

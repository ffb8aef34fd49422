package cn.gongkai.interpretation.internal;

import static cn.gongkai.interpretation.PolicyVariables.INTERPRETATION_LINKS_POLICY;
import static cn.gongkai.interpretation.PolicyVariables.INTERPRETATION_PUBLISHED_ON;
import static cn.gongkai.interpretation.PolicyVariables.INTERPRETATION_URL;
import static cn.gongkai.interpretation.PolicyVariables.OVERDUE;
import static cn.gongkai.interpretation.PolicyVariables.POLICY_LINKS_INTERPRETATION;

import cn.gongkai.interpretation.InterpretationClock;
import cn.gongkai.interpretation.PolicyCase;
import cn.gongkai.interpretation.PolicyRegister;
import java.time.LocalDate;
import org.camunda.bpm.engine.BadUserRequestException;
import org.springframework.stereotype.Component;

/**
 * 发布政策解读 ({@code Task_PublishInterpretation}): the interpretation is published on the interpretation
 * column, linked both ways, on the day entered (not before the policy, not in the future). 按期 or 逾期 follows
 * from the two publication days alone: a publication on time but entered after the overdue timer fired
 * clears the overdue mark.
 */
@Component
class PublishInterpretationStep implements PolicyStep {

  private final PolicyRegister register;
  private final InterpretationClock clock;
  private final InterpretationOverdue overdue;

  PublishInterpretationStep(PolicyRegister register, InterpretationClock clock, InterpretationOverdue overdue) {
    this.register = register;
    this.clock = clock;
    this.overdue = overdue;
  }

  @Override
  public String taskKey() {
    return InterpretationClock.PUBLISH_TASK;
  }

  @Override
  public Outcome complete(Completion step) {
    PolicyCase c = step.policyCase();
    LocalDate publishedOn = TaskFields.factDay(step.task(), INTERPRETATION_PUBLISHED_ON, "解读发布日期",
        c.policyPublishedOn(), "政策文件发布日期");
    String url = TaskFields.url(step.task(), INTERPRETATION_URL, "解读网址", true);
    if (!TaskFields.flag(step.task(), POLICY_LINKS_INTERPRETATION)
        || !TaskFields.flag(step.task(), INTERPRETATION_LINKS_POLICY)) {
      throw new BadUserRequestException("政策文件与解读应相互链接：请在政策文件页面链接解读、在解读页面链接政策文件后再登记发布");
    }
    register.recordInterpretationPublication(c.id(), publishedOn, url, true, true);
    int workingDays = clock.workingDaysBetween(c.policyPublishedOn(), publishedOn);
    // the one rule of 逾期 (dates alone); clears a mark the timer set, with the reason on record
    boolean onTime = !overdue.reassess(c.id());
    step.task().setVariable(OVERDUE, !onTime);
    return new Outcome("解读于 " + publishedOn + " 发布，" + (onTime ? "按时" : "逾期"),
        "距政策文件发布 " + workingDays + " 个工作日，期限 " + c.interpretationDueOn(), publishedOn);
  }
}

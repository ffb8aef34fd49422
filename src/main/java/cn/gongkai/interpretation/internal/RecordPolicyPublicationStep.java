package cn.gongkai.interpretation.internal;

import static cn.gongkai.interpretation.PolicyVariables.INTERPRETATION_DUE_ON;
import static cn.gongkai.interpretation.PolicyVariables.INTERPRETATION_DUE_PROVISIONAL;
import static cn.gongkai.interpretation.PolicyVariables.INTERPRETATION_OVERDUE_AT;
import static cn.gongkai.interpretation.PolicyVariables.POLICY_GAZETTE;
import static cn.gongkai.interpretation.PolicyVariables.POLICY_PUBLISHED_ON;
import static cn.gongkai.interpretation.PolicyVariables.POLICY_URL;
import static cn.gongkai.workflow.FormFields.text;

import cn.gongkai.calendar.Deadline;
import cn.gongkai.interpretation.InterpretationClock;
import cn.gongkai.interpretation.PolicyCase;
import cn.gongkai.interpretation.PolicyRegister;
import java.time.LocalDate;
import org.camunda.bpm.engine.BadUserRequestException;
import org.springframework.stereotype.Component;

/**
 * 登记政策文件发布 ({@code Task_RecordPolicyPublication}): the day the policy was published, entered as such
 * (not before the joint approval, not in the future). The interpretation's deadline runs from that day: N
 * working days (setting, default 3), 24:00 Beijing, whatever day the publication is entered.
 */
@Component
class RecordPolicyPublicationStep implements PolicyStep {

  private final PolicyRegister register;
  private final InterpretationClock clock;

  RecordPolicyPublicationStep(PolicyRegister register, InterpretationClock clock) {
    this.register = register;
    this.clock = clock;
  }

  @Override
  public String taskKey() {
    return "Task_RecordPolicyPublication";
  }

  @Override
  public Outcome complete(Completion step) {
    PolicyCase c = step.policyCase();
    LocalDate publishedOn = TaskFields.factDay(step.task(), POLICY_PUBLISHED_ON, "政策文件发布日期",
        c.jointApprovalDay(), "同步审批日期");
    String url = TaskFields.url(step.task(), POLICY_URL, "政策文件发布网址", false);
    String gazette = text(step.task(), POLICY_GAZETTE);
    if (url == null && gazette == null) {
      throw new BadUserRequestException("请填写政策文件的发布网址或政府公报期号");
    }
    int limit = clock.limit();
    Deadline deadline = clock.interpretationDeadline(publishedOn, limit);
    step.task().setVariable(INTERPRETATION_DUE_ON, deadline.due().toString());
    step.task().setVariable(INTERPRETATION_DUE_PROVISIONAL, deadline.provisional());
    step.task().setVariable(INTERPRETATION_OVERDUE_AT, clock.endOf(deadline.due()));
    register.recordPolicyPublication(c.id(), publishedOn, url, gazette, limit, deadline.due(),
        deadline.provisional());
    return new Outcome("政策文件于 " + publishedOn + " 发布",
        "解读应于 " + deadline.due() + " 24时前发布（政策文件公开后" + limit + "个工作日）"
            + (deadline.provisional() ? "，暂定：所涉年度节假日安排尚未公布" : ""),
        publishedOn);
  }
}

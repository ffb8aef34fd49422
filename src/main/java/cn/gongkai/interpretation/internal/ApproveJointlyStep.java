package cn.gongkai.interpretation.internal;

import static cn.gongkai.interpretation.PolicyVariables.JOINT_APPROVAL_COMMENT;
import static cn.gongkai.interpretation.PolicyVariables.JOINT_APPROVAL_RESULT;
import static cn.gongkai.interpretation.PolicyVariables.JOINT_APPROVED_ON;
import static cn.gongkai.workflow.FormFields.required;
import static cn.gongkai.workflow.FormFields.reviewResult;
import static cn.gongkai.workflow.FormFields.text;

import cn.gongkai.interpretation.InterpretationClock;
import cn.gongkai.interpretation.PolicyCase;
import cn.gongkai.interpretation.PolicyRegister;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.springframework.stereotype.Component;

/**
 * 同步审批 ({@code Task_ApproveJointly}): one decision for the pair (国办发〔2016〕80号), dated the day the
 * leader took it, which may be before the day it is entered but not before the office received the pair.
 * Approval needs the interpretation plan and materials the drafter submitted (the register); there is no
 * way to approve one document and not the other.
 */
@Component
class ApproveJointlyStep implements PolicyStep {

  private final PolicyRegister register;
  private final ReturnToDrafter returns;

  ApproveJointlyStep(PolicyRegister register, ReturnToDrafter returns) {
    this.register = register;
    this.returns = returns;
  }

  @Override
  public String taskKey() {
    return "Task_ApproveJointly";
  }

  @Override
  public Outcome complete(Completion step) {
    String result = required(step.task(), JOINT_APPROVAL_RESULT, "同步审批结论");
    if (!"APPROVED".equals(result) && !"RETURNED".equals(result)) {
      throw new BadUserRequestException("同步审批结论只能是政策文件与解读同时批准或一并退回：" + result);
    }
    PolicyCase c = step.policyCase();
    if ("APPROVED".equals(result)) {
      List<String> missing = c.missingItems();
      if (!missing.isEmpty()) {
        throw new BadUserRequestException("政策文件与解读须同步审批，不能只批准政策文件：" + String.join("；", missing));
      }
    }
    reviewResult(step.task(), JOINT_APPROVAL_RESULT, JOINT_APPROVAL_COMMENT, step.stepName());
    LocalDate decidedOn = TaskFields.factDay(step.task(), JOINT_APPROVED_ON, "同步审批日期", c.receiptDay(), "收文日期");
    String comment = text(step.task(), JOINT_APPROVAL_COMMENT);
    register.recordJointApproval(c.id(), result, comment, decidedOn, InterpretationClock.now(), step.actor());
    if ("RETURNED".equals(result)) {
      returns.returnFrom(step, comment);
    }
    return new Outcome("APPROVED".equals(result) ? "政策文件与解读同时批准" : "政策文件与解读一并退回", comment,
        decidedOn);
  }
}

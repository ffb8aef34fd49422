package cn.gongkai.interpretation.internal;

import static cn.gongkai.interpretation.PolicyVariables.RECEIPT_COMMENT;
import static cn.gongkai.interpretation.PolicyVariables.RECEIPT_DECISION;
import static cn.gongkai.interpretation.PolicyVariables.RECEIVED_ON;
import static cn.gongkai.workflow.FormFields.required;
import static cn.gongkai.workflow.FormFields.text;

import cn.gongkai.interpretation.InterpretationClock;
import cn.gongkai.interpretation.PolicyCase;
import cn.gongkai.interpretation.PolicyRegister;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.springframework.stereotype.Component;

/**
 * 收文审核 ({@code Task_ReceiveSubmission}): the office decides, but cannot accept what the drafter submitted
 * incomplete (domain §7: no plan, no materials, no reason for a non-主动公开 attribute → 不予收文). The check
 * reads the submission in the register, which only the drafter's steps write: fields the office sends with
 * its decision change nothing.
 */
@Component
class ReceiveSubmissionStep implements PolicyStep {

  private final PolicyRegister register;
  private final ReturnToDrafter returns;

  ReceiveSubmissionStep(PolicyRegister register, ReturnToDrafter returns) {
    this.register = register;
    this.returns = returns;
  }

  @Override
  public String taskKey() {
    return "Task_ReceiveSubmission";
  }

  @Override
  public Outcome complete(Completion step) {
    String decision = required(step.task(), RECEIPT_DECISION, "收文审核结论");
    PolicyCase c = step.policyCase();
    switch (decision) {
      case "ACCEPTED" -> {
        List<String> missing = c.missingItems();
        if (!missing.isEmpty()) {
          throw new BadUserRequestException("报送材料不全，不予收文：" + String.join("；", missing) + "。请选择退文");
        }
        LocalDate receivedOn = TaskFields.factDay(step.task(), RECEIVED_ON, "收文日期", c.lastSubmittedOn(),
            "报送日期");
        register.recordReceipt(c.id(), receivedOn, InterpretationClock.now(), step.actor());
        return new Outcome("收文", null, receivedOn);
      }
      case "RETURNED" -> {
        String reason = text(step.task(), RECEIPT_COMMENT);
        if (reason == null) {
          throw new BadUserRequestException("退文时必须写明理由");
        }
        returns.returnFrom(step, reason);
        return new Outcome("退文（不予收文）", reason);
      }
      default -> throw new BadUserRequestException("收文审核结论的取值无效：" + decision);
    }
  }
}

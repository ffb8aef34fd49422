package cn.gongkai.request.internal;

import cn.gongkai.letters.LetterKind;
import cn.gongkai.request.CaseRegister;
import cn.gongkai.request.CaseRegister.Stage;
import cn.gongkai.request.ClockSettings;
import cn.gongkai.request.DisclosureCase;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/**
 * 发出补正告知: one notice listing everything to correct; the correction period runs from the day the
 * applicant received it and the reply clock waits for the corrected request (条例第三十条).
 */
@Component
class SendCorrectionNoticeStep implements CaseStep {

  private final CaseRegister register;
  private final ReplyClock clock;
  private final ClockSettings settings;
  private final CaseLetters letters;

  SendCorrectionNoticeStep(CaseRegister register, ReplyClock clock, ClockSettings settings, CaseLetters letters) {
    this.register = register;
    this.clock = clock;
    this.settings = settings;
    this.letters = letters;
  }

  @Override
  public String taskKey() {
    return "Task_SendCorrectionNotice";
  }

  @Override
  public StepRecord completed(StepContext step) {
    long caseId = step.caseId();
    DisclosureCase c = step.row();
    String items = step.required("correctionItems", "需要补正的事项");
    LocalDate delivered = step.factDate("correctionNoticeDeliveredOn", "申请人收到补正告知书日期",
        c.receivedOn(), "收到申请日期");
    LocalDate correctionDue = clock.deadline(delivered, settings.correctionPeriodWorkingDays()).due();
    step.setVariable("correctionDueAt", clock.endOf(correctionDue));
    // the notice is dated the day it went out, which is the day of the fact entered
    letters.issue(step.execution(), caseId, LetterKind.CORRECTION_NOTICE,
        b -> b.correctionItems(items).correctionDueOn(correctionDue).issuedOn(delivered), step.actor());
    // the reply clock will restart in full from the corrected request (条例第三十条)
    clock.pause(caseId, step.processInstanceId(), delivered, "CORRECTION");
    register.stamp(caseId, Stage.CORRECTION_NOTICED, ReplyClock.now());
    return new StepRecord(null, items, delivered);
  }
}

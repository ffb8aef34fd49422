package cn.gongkai.request.internal;

import cn.gongkai.request.CaseRegister;
import cn.gongkai.request.DisclosureCase;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/** 登记补正申请: the reply clock restarts in full from the day the corrected request arrived (条例第三十条). */
@Component
class RegisterCorrectionStep implements CaseStep {

  private final CaseRegister register;
  private final ReplyClock clock;

  RegisterCorrectionStep(CaseRegister register, ReplyClock clock) {
    this.register = register;
    this.clock = clock;
  }

  @Override
  public String taskKey() {
    return "Task_RegisterCorrection";
  }

  @Override
  public StepRecord completed(StepContext step) {
    long caseId = step.caseId();
    DisclosureCase c = step.row();
    boolean noticed = "CORRECTION".equals(c.pauseReason()) && c.pausedSince() != null;
    LocalDate correctedOn = step.factDate("correctedOn", "收到补正申请日期",
        noticed ? c.pausedSince() : c.receivedOn(), noticed ? "申请人收到补正告知书日期" : "收到申请日期");
    register.recordCorrection(caseId, correctedOn, step.text("correctedDescription"));
    var state = clock.start(caseId, correctedOn);
    step.setVariable("receivedOn", correctedOn.toString());
    step.clockMoved(state);
    return new StepRecord("补正于 " + correctedOn, null, correctedOn);
  }
}

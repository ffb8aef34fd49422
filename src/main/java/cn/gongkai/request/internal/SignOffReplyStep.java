package cn.gongkai.request.internal;

import cn.gongkai.request.CaseRegister;
import cn.gongkai.request.CaseRegister.Stage;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/**
 * 签发答复: the leader signs the reply off on a day (签发日期), which becomes the letter's date; the letter
 * gets its document number then and can no longer change. A returned reply consumes no number.
 */
@Component
class SignOffReplyStep implements CaseStep {

  private final CaseRegister register;
  private final CaseLetters letters;

  SignOffReplyStep(CaseRegister register, CaseLetters letters) {
    this.register = register;
    this.letters = letters;
  }

  @Override
  public String taskKey() {
    return "Task_SignOffReply";
  }

  @Override
  public StepRecord completed(StepContext step) {
    String decision = step.reviewResult("signOffResult", "signOffComment", "签发");
    String comment = step.text("signOffComment");
    LocalDate signedOn = null;
    if ("APPROVED".equals(decision)) {
      signedOn = step.factDate("signedOn", "签发日期", HandleRequestStep.clockStart(step.row()), "收到申请日期");
      letters.signReply(step.execution(), step.caseId(), signedOn, step.actor());
      register.recordSignOff(step.caseId(), signedOn);
    }
    register.stamp(step.caseId(), Stage.SIGNED_OFF, ReplyClock.now());
    return new StepRecord(decision, comment, signedOn);
  }
}

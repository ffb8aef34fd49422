package cn.gongkai.request.internal;

import cn.gongkai.request.CaseRegister;
import cn.gongkai.request.CaseRegister.Stage;
import java.time.LocalDate;
import org.camunda.bpm.engine.BadUserRequestException;
import org.springframework.stereotype.Component;

/**
 * 签发答复: the leader signs the reply off on a day (签发日期), which becomes the letter's date; the letter
 * gets its document number then and can no longer change. A returned reply consumes no number.
 */
@Component
class SignOffReplyStep implements CaseStep {

  private final CaseRegister register;
  private final CaseLetters letters;
  private final CaseRelease release;

  SignOffReplyStep(CaseRegister register, CaseLetters letters, CaseRelease release) {
    this.register = register;
    this.letters = letters;
    this.release = release;
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
      if (step.row().outcome() != null && step.row().outcome().releasesInformation()
          && release.changedSinceReview(step.row())) {
        throw new BadUserRequestException("拟公开文件的区分处理标注在审查后又有修改，未经审查不得签发，请退回承办重新送审");
      }
      signedOn = step.factDate("signedOn", "签发日期", HandleRequestStep.clockStart(step.row()), "收到申请日期");
      letters.signReply(step.execution(), step.caseId(), signedOn, step.actor());
      register.recordSignOff(step.caseId(), signedOn);
    }
    register.stamp(step.caseId(), Stage.SIGNED_OFF, ReplyClock.now());
    return new StepRecord(decision, comment, signedOn);
  }
}

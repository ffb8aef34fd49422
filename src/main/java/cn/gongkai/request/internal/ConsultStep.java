package cn.gongkai.request.internal;

import cn.gongkai.request.DisclosureCase;
import java.time.LocalDate;

/**
 * A consultation answered (条例第三十二、三十四条): the reply clock resumes from the day the answer was
 * received, the span since the letter was sent not counted (第三十三条第三款).
 */
abstract class ConsultStep implements CaseStep {

  private final ReplyClock clock;
  private final String answerVariable;
  private final String opinionVariable;

  ConsultStep(ReplyClock clock, String answerVariable, String opinionVariable) {
    this.clock = clock;
    this.answerVariable = answerVariable;
    this.opinionVariable = opinionVariable;
  }

  @Override
  public StepRecord completed(StepContext step) {
    String decision = step.required(answerVariable, "意见");
    DisclosureCase c = step.row();
    LocalDate sent = c.pausedSince() != null ? c.pausedSince() : HandleRequestStep.clockStart(c);
    LocalDate answered = step.factDate("answerReceivedOn", "收到意见日期", sent, "发出征求意见书日期");
    step.clockMoved(clock.resume(step.caseId(), answered, step.actor()));
    return new StepRecord(decision, step.text(opinionVariable), answered);
  }
}

package cn.gongkai.interpretation.internal;

import static cn.gongkai.interpretation.PolicyVariables.REVISION_NOTE;
import static cn.gongkai.workflow.FormFields.text;

import cn.gongkai.interpretation.InterpretationClock;
import cn.gongkai.interpretation.PolicyRegister;
import cn.gongkai.interpretation.PolicyVariables;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/**
 * 修改并重新报送 ({@code Task_ReviseSubmission}): the drafter's revised pair replaces the stored one (with the
 * start form, the only step that writes the submission); every decision is taken afresh.
 */
@Component
class ReviseSubmissionStep implements PolicyStep {

  private final PolicyRegister register;

  ReviseSubmissionStep(PolicyRegister register) {
    this.register = register;
  }

  @Override
  public String taskKey() {
    return "Task_ReviseSubmission";
  }

  @Override
  public Outcome complete(Completion step) {
    // the resubmission happens in the system: its day is today
    LocalDate today = InterpretationClock.today();
    register.resubmit(step.caseId(), TaskFields.submission(step.task()), today);
    step.task().removeVariables(PolicyVariables.DECISIONS);
    return new Outcome("重新报送", text(step.task(), REVISION_NOTE), today);
  }
}

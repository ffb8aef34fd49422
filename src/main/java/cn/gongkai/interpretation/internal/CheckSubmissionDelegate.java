package cn.gongkai.interpretation.internal;

import cn.gongkai.interpretation.InterpretationClock;
import cn.gongkai.interpretation.PolicyEvent;
import cn.gongkai.interpretation.PolicyRegister;
import cn.gongkai.interpretation.PolicySubmission;
import cn.gongkai.interpretation.PolicyVariables;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 核验报送材料: the system's own 收文 check before the office sees the submission (domain §7). What is
 * missing is shown to the office and proposed as the 退文 reason; the office cannot accept it (see
 * PolicyTaskListener). Also decides the route: public comment, proactive publication.
 */
@Component("checkSubmissionDelegate")
class CheckSubmissionDelegate implements JavaDelegate {

  private final PolicyRegister register;

  CheckSubmissionDelegate(PolicyRegister register) {
    this.register = register;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long caseId = TaskFields.caseId(execution);
    PolicySubmission submission = TaskFields.submission(execution);
    List<String> missing = submission.missingItems();
    String findings = missing.isEmpty() ? null : String.join("；", missing);
    execution.setVariable(PolicyVariables.MISSING_ITEMS, findings);
    if (findings != null) {
      execution.setVariable(PolicyVariables.RECEIPT_COMMENT, "不予收文：" + findings);
    }
    boolean commented = register.get(caseId).commentEndOn() != null;
    execution.setVariable(PolicyVariables.PUBLIC_COMMENT_REQUIRED, submission.publicInterest() && !commented);
    execution.setVariable(PolicyVariables.PUBLISHED_PROACTIVELY,
        submission.attribute() != null && submission.attribute().publishedProactively());
    register.recordEvent(caseId, new PolicyEvent("Task_CheckSubmission", "核验报送材料", null,
        InterpretationClock.now(), findings == null ? "材料齐全" : "材料不全", findings));
  }
}

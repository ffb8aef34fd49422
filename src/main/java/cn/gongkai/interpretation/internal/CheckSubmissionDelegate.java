package cn.gongkai.interpretation.internal;

import cn.gongkai.interpretation.InterpretationClock;
import cn.gongkai.interpretation.PolicyCase;
import cn.gongkai.interpretation.PolicyEvent;
import cn.gongkai.interpretation.PolicyRegister;
import cn.gongkai.interpretation.PolicyVariables;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 核验报送材料: the system's own 收文 check before the office sees the submission (domain §7), on what the
 * drafter submitted as the register holds it (never on process variables, which other tasks can send). What
 * is missing is shown to the office and proposed as the 退文 reason; the office cannot accept it (see
 * ReceiveSubmissionStep). Also decides the route: public comment, proactive publication.
 */
@Component("checkSubmissionDelegate")
class CheckSubmissionDelegate implements JavaDelegate {

  private final PolicyRegister register;

  CheckSubmissionDelegate(PolicyRegister register) {
    this.register = register;
  }

  @Override
  public void execute(DelegateExecution execution) {
    PolicyCase c = TaskFields.caseOf(register, execution);
    List<String> missing = c.missingItems();
    String findings = missing.isEmpty() ? null : String.join("；", missing);
    // the findings and the route (missingItems, publicCommentRequired, publishedProactively) come from the register
    RegisteredSubmission.restore(execution, c);
    if (findings != null) {
      execution.setVariable(PolicyVariables.RECEIPT_COMMENT, "不予收文：" + findings);
    }
    register.recordEvent(c.id(), new PolicyEvent("Task_CheckSubmission", "核验报送材料", null,
        InterpretationClock.now(), c.lastSubmittedOn(), findings == null ? "材料齐全" : "材料不全", findings));
  }
}

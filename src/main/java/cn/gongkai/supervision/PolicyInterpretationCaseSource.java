package cn.gongkai.supervision;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Open 三同步 cases: their clock is the interpretation's publication deadline, which starts when the policy
 * is published (no due date before: NORMAL); never paused.
 */
@Component
class PolicyInterpretationCaseSource extends RegisterCaseSource {

  static final String PROCESS_KEY = "policy-interpretation";

  PolicyInterpretationCaseSource(JdbcClient jdbc) {
    super(jdbc, PROCESS_KEY, "政策文件与解读三同步审批", "gk_policy_case", "submitted_on", "interpretation_due_on",
        "interpretation_due_provisional", "interpretation_published_on", false);
  }
}

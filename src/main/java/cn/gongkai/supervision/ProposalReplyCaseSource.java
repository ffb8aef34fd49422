package cn.gongkai.supervision;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Open 建议提案 cases: their clock is the answer limit, which starts when the case is assigned to its handling
 * unit (no due date before: NORMAL); done when the approved reply was sent; never paused.
 */
@Component
class ProposalReplyCaseSource extends RegisterCaseSource {

  static final String PROCESS_KEY = "proposal-reply";

  ProposalReplyCaseSource(JdbcClient jdbc) {
    super(jdbc, PROCESS_KEY, "建议提案办理", "gk_proposal_case", "received_on", "answer_due_on",
        "answer_due_provisional", "answered_on", false);
  }
}

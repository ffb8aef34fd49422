package cn.gongkai.supervision;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Open case studies (依申请公开案例入库): their clock is the office's review deadline, which runs from each
 * submission for review (none while the proposer drafts or revises: NORMAL); never paused.
 */
@Component
class DisclosureCaseStudyCaseSource extends RegisterCaseSource {

  static final String PROCESS_KEY = "disclosure-case-study";

  DisclosureCaseStudyCaseSource(JdbcClient jdbc) {
    super(jdbc, PROCESS_KEY, "依申请公开案例入库", "gk_case_study", "proposed_on", "review_due_on",
        "review_due_provisional", "reviewed_on", false);
  }
}

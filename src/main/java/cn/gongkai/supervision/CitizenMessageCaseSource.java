package cn.gongkai.supervision;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Open 网民留言 (citizen-message, issue 17): the clock is the acceptance deadline until the message is accepted,
 * then the answer deadline (moved by an approved extension); the awaited act is the refusal or the answer. Never
 * paused.
 */
@Component
class CitizenMessageCaseSource extends RegisterCaseSource {

  static final String PROCESS_KEY = "citizen-message";

  CitizenMessageCaseSource(JdbcClient jdbc) {
    super(jdbc, PROCESS_KEY, "网民留言咨询办理", "gk_citizen_message", "received_on", "clock_due_on",
        "clock_due_provisional", "clock_done_on", false);
  }
}

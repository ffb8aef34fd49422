package cn.gongkai.supervision;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Open disclosure requests (依申请公开): the reply clock the request module keeps in its register. */
@Component
class DisclosureRequestCaseSource extends RegisterCaseSource {

  static final String PROCESS_KEY = "disclosure-request";

  DisclosureRequestCaseSource(JdbcClient jdbc) {
    super(jdbc, PROCESS_KEY, "政府信息公开申请办理", "gk_disclosure_case", "received_on", "reply_due_on",
        "reply_due_provisional", "replied_on", true);
  }
}

package cn.gongkai.citizen.internal;

import static cn.gongkai.citizen.CitizenMessageVariables.*;

import cn.gongkai.citizen.CitizenMessage;
import cn.gongkai.citizen.CitizenMessageClock;
import cn.gongkai.citizen.CitizenMessageRegister;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 登记留言 ({@code Task_RegisterMessage}): links the message registered under the business key in the instance's
 * agency, not yet linked to any instance, and copies what the forms show; never the citizen's contact data. A
 * process started around the register (engine REST, Tasklist) finds nothing and is refused.
 */
@Component("registerMessageDelegate")
class RegisterMessageDelegate implements JavaDelegate {

  private final CitizenMessageRegister register;
  private final CitizenMessageClock clock;

  RegisterMessageDelegate(CitizenMessageRegister register, CitizenMessageClock clock) {
    this.register = register;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseNumber = execution.getProcessBusinessKey();
    String agency = execution.getTenantId();
    if (caseNumber == null || agency == null
        || !register.link(agency, caseNumber, execution.getProcessInstanceId())) {
      throw new BadUserRequestException("网民留言须先通过“登记网民留言”接口（POST /api/citizen-messages）登记，再办理");
    }
    CitizenMessage m = register.findByProcessInstance(execution.getProcessInstanceId()).orElseThrow();
    execution.setVariable(CASE_NUMBER, m.caseNumber());
    execution.setVariable(CHANNEL, m.channel().label());
    execution.setVariable(RECEIVED_ON, m.receivedOn().toString());
    execution.setVariable(MESSAGE_TYPE, m.messageType().label());
    execution.setVariable(SUBJECT, m.subject());
    execution.setVariable(CONTENT, m.content());
    execution.setVariable(PUBLICATION_AGREED, m.publicationAgreed());
    execution.setVariable(ACCEPT_DUE_ON, m.acceptDueOn().toString());
    execution.setVariable(ACCEPT_OVERDUE_AT, clock.endOf(m.acceptDueOn()));
    execution.setVariable(PUBLISH_ANSWER, false);
    execution.setVariable(OVERDUE, false);
    register.recordEvent(m.id(), "Task_RegisterMessage", "登记留言", null,
        CitizenMessageClock.now(), m.receivedOn(), "已登记", m.channel().label() + "，" + m.messageType().label());
  }
}

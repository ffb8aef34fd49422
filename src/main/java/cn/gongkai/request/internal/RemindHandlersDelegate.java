package cn.gongkai.request.internal;

import cn.gongkai.mail.MailOutbox;
import cn.gongkai.request.CaseEvent;
import cn.gongkai.request.CaseRegister;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * N working days before the reply deadline, e-mails the people who hold the case's open tasks (the
 * assignee, or every member of the candidate groups) through the {@link MailOutbox}: the mail leaves once
 * this step's transaction commits, once per case and deadline, and a mail failure never fails the step.
 */
@Component("remindHandlersDelegate")
class RemindHandlersDelegate implements JavaDelegate {

  private final CaseRegister register;
  private final MailOutbox outbox;
  private final String from;

  RemindHandlersDelegate(CaseRegister register, MailOutbox outbox,
      @Value("${gongkai.mail.from:gongkai@localhost}") String from) {
    this.register = register;
    this.outbox = outbox;
    this.from = from;
  }

  @Override
  public void execute(DelegateExecution execution) {
    // the case registered for this process instance, never a variable a user could set
    long caseId = register.findByProcessInstance(execution.getProcessInstanceId()).orElseThrow().id();
    cn.gongkai.request.DisclosureCase row = register.get(caseId);
    String caseNumber = row.caseNumber();
    String due = String.valueOf(row.replyDueOn());
    TaskService tasks = execution.getProcessEngineServices().getTaskService();
    IdentityService identity = execution.getProcessEngineServices().getIdentityService();
    Set<String> recipients = new LinkedHashSet<>();
    Set<String> taskNames = new LinkedHashSet<>();
    Set<String> candidateGroups = new LinkedHashSet<>();
    for (Task task : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId()).list()) {
      taskNames.add(task.getName());
      if (task.getAssignee() != null) {
        addEmail(identity, task.getAssignee(), recipients);
        continue;
      }
      for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
        if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
          candidateGroups.add(link.getGroupId());
        }
      }
    }
    if (!candidateGroups.isEmpty()) {
      // only the groups' members of the case's agency (its tenant): other agencies' staff never hear of it
      Agency staff = Agency.of(identity, execution.getTenantId());
      for (String group : candidateGroups) {
        identity.createUserQuery().memberOfGroup(group).list().stream()
            .filter(user -> staff.includes(user.getId()))
            .forEach(user -> addEmail(user, recipients));
      }
    }
    String note = "提醒 " + String.join("、", taskNames) + "：答复期限 " + due + "，收件人 " + recipients.size() + " 人";
    if (!outbox.configured()) {
      note += "；未配置邮件服务器，未发送邮件";
    } else if (!recipients.isEmpty()) {
      // sent after this job's transaction commits: a rolled-back or repeated run sends nothing more
      boolean queued = outbox.enqueue("reply-reminder:" + caseId + ":" + due, from, List.copyOf(recipients),
          "【即将到期】" + caseNumber + " 政府信息公开申请答复期限为 " + due,
          "案件 " + caseNumber + " 的答复期限为 " + due + "（北京时间当日24时届满）。\n当前环节："
              + String.join("、", taskNames) + "。\n请及时办理，逾期将转督办。");
      if (!queued) {
        note += "；此答复期限的提醒邮件已发送过，不再重复发送";
      }
    }
    register.recordEvent(caseId, new CaseEvent("Task_RemindHandlers", "提醒办理人员", null, ReplyClock.now(),
        "REMINDED", note));
  }

  /**
   * Who works for the case's agency: the members of its tenant, directly or through a group. Read once per
   * reminder (a few queries), not once per candidate user: a prefecture's group has the staff of every agency.
   */
  private record Agency(boolean everyone, Set<String> users) {

    static Agency of(IdentityService identity, String tenantId) {
      if (tenantId == null) {
        return new Agency(true, Set.of());
      }
      Set<String> users = new HashSet<>();
      identity.createUserQuery().memberOfTenant(tenantId).list().forEach(user -> users.add(user.getId()));
      for (Group group : identity.createGroupQuery().memberOfTenant(tenantId).list()) {
        identity.createUserQuery().memberOfGroup(group.getId()).list().forEach(user -> users.add(user.getId()));
      }
      return new Agency(false, users);
    }

    boolean includes(String userId) {
      return everyone || users.contains(userId);
    }
  }

  private static void addEmail(IdentityService identity, String userId, Set<String> recipients) {
    User user = identity.createUserQuery().userId(userId).singleResult();
    if (user != null) {
      addEmail(user, recipients);
    }
  }

  private static void addEmail(User user, Set<String> recipients) {
    if (user.getEmail() != null && !user.getEmail().isBlank()) {
      recipients.add(user.getEmail());
    }
  }
}

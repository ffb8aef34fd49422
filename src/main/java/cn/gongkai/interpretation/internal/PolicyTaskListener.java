package cn.gongkai.interpretation.internal;

import static cn.gongkai.interpretation.PolicyVariables.COMMENT_ADOPTION;
import static cn.gongkai.interpretation.PolicyVariables.COMMENT_COUNT;
import static cn.gongkai.interpretation.PolicyVariables.COMMENT_END_ON;
import static cn.gongkai.interpretation.PolicyVariables.COMMENT_START_ON;
import static cn.gongkai.interpretation.PolicyVariables.INTERPRETATION_DUE_ON;
import static cn.gongkai.interpretation.PolicyVariables.INTERPRETATION_DUE_PROVISIONAL;
import static cn.gongkai.interpretation.PolicyVariables.INTERPRETATION_LINKS_POLICY;
import static cn.gongkai.interpretation.PolicyVariables.INTERPRETATION_OVERDUE_AT;
import static cn.gongkai.interpretation.PolicyVariables.INTERPRETATION_PUBLISHED_ON;
import static cn.gongkai.interpretation.PolicyVariables.INTERPRETATION_URL;
import static cn.gongkai.interpretation.PolicyVariables.JOINT_APPROVAL_COMMENT;
import static cn.gongkai.interpretation.PolicyVariables.JOINT_APPROVAL_RESULT;
import static cn.gongkai.interpretation.PolicyVariables.LEGAL_REVIEW_COMMENT;
import static cn.gongkai.interpretation.PolicyVariables.LEGAL_REVIEW_RESULT;
import static cn.gongkai.interpretation.PolicyVariables.OVERDUE;
import static cn.gongkai.interpretation.PolicyVariables.POLICY_GAZETTE;
import static cn.gongkai.interpretation.PolicyVariables.POLICY_LINKS_INTERPRETATION;
import static cn.gongkai.interpretation.PolicyVariables.POLICY_PUBLISHED_ON;
import static cn.gongkai.interpretation.PolicyVariables.POLICY_URL;
import static cn.gongkai.interpretation.PolicyVariables.RECEIPT_COMMENT;
import static cn.gongkai.interpretation.PolicyVariables.RECEIPT_DECISION;
import static cn.gongkai.interpretation.PolicyVariables.RETURNED_FROM;
import static cn.gongkai.interpretation.PolicyVariables.RETURN_REASON;
import static cn.gongkai.interpretation.PolicyVariables.REVISION_NOTE;
import static cn.gongkai.interpretation.PolicyVariables.SECRECY_REVIEW_COMMENT;
import static cn.gongkai.interpretation.PolicyVariables.SECRECY_REVIEW_RESULT;
import static cn.gongkai.interpretation.PolicyVariables.SUPERVISION_COMMENT;
import static cn.gongkai.workflow.FormFields.actor;
import static cn.gongkai.interpretation.internal.TaskFields.flag;
import static cn.gongkai.workflow.FormFields.number;
import static cn.gongkai.interpretation.internal.TaskFields.pastDate;
import static cn.gongkai.workflow.FormFields.required;
import static cn.gongkai.interpretation.internal.TaskFields.submission;
import static cn.gongkai.workflow.FormFields.text;
import static cn.gongkai.interpretation.internal.TaskFields.url;

import cn.gongkai.calendar.Deadline;
import cn.gongkai.interpretation.InterpretationClock;
import cn.gongkai.interpretation.PolicyCase;
import cn.gongkai.interpretation.PolicyEvent;
import cn.gongkai.interpretation.PolicyRegister;
import cn.gongkai.interpretation.PolicyRegister.Review;
import cn.gongkai.interpretation.PolicySubmission;
import cn.gongkai.interpretation.PolicyVariables;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.pvm.delegate.ActivityExecution;
import org.camunda.bpm.engine.task.IdentityLink;
import org.springframework.stereotype.Component;

/**
 * What each step of a 三同步 case means for the register: the current step and who may work it on
 * create and assignment; on complete the decision checked, recorded and acted on (退文 and returns,
 * the publication clock). A refused decision answers in Chinese and completes nothing.
 */
@Component
class PolicyTaskListener implements TaskListener, ExecutionListener {

  static final String SUPERVISE_TASK = "Task_SuperviseLateInterpretation";
  static final String PUBLISH_TASK = InterpretationClock.PUBLISH_TASK;

  private final PolicyRegister register;
  private final InterpretationClock clock;

  PolicyTaskListener(PolicyRegister register, InterpretationClock clock) {
    this.register = register;
    this.clock = clock;
  }

  /** Task events: created (current step, candidate group, due date) or assigned (current assignee). */
  @Override
  public void notify(DelegateTask task) {
    if (!(task.getVariable(PolicyVariables.CASE_ID) instanceof Number id)) {
      return;
    }
    long caseId = id.longValue();
    String key = task.getTaskDefinitionKey();
    switch (task.getEventName()) {
      case EVENTNAME_CREATE -> {
        if (!SUPERVISE_TASK.equals(key)) {
          register.enterStep(caseId, key, task.getName(), candidateGroup(task));
        }
        if (PUBLISH_TASK.equals(key) && task.getVariable(INTERPRETATION_DUE_ON) instanceof String due) {
          task.setDueDate(clock.taskDue(LocalDate.parse(due)));
        }
      }
      case EVENTNAME_ASSIGNMENT -> register.assign(caseId, key, task.getAssignee());
      default -> { }
    }
  }

  /**
   * The user task ended: its decision is checked, recorded and acted on. An execution listener, not a task
   * listener, so that a refusal reaches the caller as a plain BadUserRequestException; a task cut short
   * (the case archived while a 督办 task was open) records nothing.
   */
  @Override
  public void notify(DelegateExecution execution) {
    if (execution.getVariable(PolicyVariables.CASE_ID) instanceof Number id
        && !((ActivityExecution) execution).isCanceled()) {
      completed(execution, id.longValue());
    }
  }

  private void completed(DelegateExecution task, long caseId) {
    String actor = actor(task);
    String key = task.getCurrentActivityId();
    String stepName = task.getCurrentActivityName();
    Outcome outcome = switch (key) {
      case "Task_ReceiveSubmission" -> receive(task, caseId, stepName, actor);
      case "Task_ReviseSubmission" -> revise(task, caseId);
      case "Task_ConductPublicComment" -> publicComment(task, caseId);
      case "Task_ReviewLegality" -> review(task, caseId, Review.LEGAL, LEGAL_REVIEW_RESULT, LEGAL_REVIEW_COMMENT,
          stepName, actor);
      case "Task_ReviewSecrecy" -> review(task, caseId, Review.SECRECY, SECRECY_REVIEW_RESULT,
          SECRECY_REVIEW_COMMENT, stepName, actor);
      case "Task_ApproveJointly" -> approveJointly(task, caseId, stepName, actor);
      case "Task_RecordPolicyPublication" -> policyPublished(task, caseId);
      case PUBLISH_TASK -> interpretationPublished(task, caseId);
      case SUPERVISE_TASK -> new Outcome(null, required(task, SUPERVISION_COMMENT, "督办意见"));
      default -> new Outcome(null, null);
    };
    register.recordEvent(caseId,
        new PolicyEvent(key, stepName, actor, InterpretationClock.now(), outcome.decision(), outcome.comment()));
  }

  /** What a step decided, for the case history. */
  private record Outcome(String decision, String comment) {}

  /**
   * 收文 check: the office decides, but cannot accept what the system finds incomplete (domain §7: no plan,
   * no materials, no reason for a non-主动公开 attribute → 不予收文).
   */
  private Outcome receive(DelegateExecution task, long caseId, String stepName, String actor) {
    String decision = required(task, RECEIPT_DECISION, "收文审核结论");
    List<String> missing = submission(task).missingItems();
    switch (decision) {
      case "ACCEPTED" -> {
        if (!missing.isEmpty()) {
          throw new BadUserRequestException("报送材料不全，不予收文：" + String.join("；", missing) + "。请选择退文");
        }
        register.recordReceipt(caseId, InterpretationClock.now(), actor);
        return new Outcome("收文", null);
      }
      case "RETURNED" -> {
        String reason = text(task, RECEIPT_COMMENT);
        if (reason == null) {
          throw new BadUserRequestException("退文时必须写明理由");
        }
        returned(task, caseId, stepName, reason);
        return new Outcome("退文（不予收文）", reason);
      }
      default -> throw new BadUserRequestException("收文审核结论的取值无效：" + decision);
    }
  }

  /** The drafter's revised pair replaces the stored one; every decision is taken afresh. */
  private Outcome revise(DelegateExecution task, long caseId) {
    PolicySubmission revised = submission(task);
    register.resubmit(caseId, revised);
    task.removeVariables(PolicyVariables.DECISIONS);
    return new Outcome("重新报送", text(task, REVISION_NOTE));
  }

  private Outcome publicComment(DelegateExecution task, long caseId) {
    LocalDate today = InterpretationClock.today();
    LocalDate start = pastDate(task, COMMENT_START_ON, "征求意见开始日期", today);
    LocalDate end = pastDate(task, COMMENT_END_ON, "征求意见截止日期", today);
    if (end.isBefore(start)) {
      throw new BadUserRequestException("征求意见截止日期不能早于开始日期");
    }
    int count = number(task, COMMENT_COUNT, "收到意见条数");
    if (count < 0) {
      throw new BadUserRequestException("收到意见条数不能为负数");
    }
    String adoption = required(task, COMMENT_ADOPTION, "意见采纳情况");
    register.recordPublicComment(caseId, start, end, count, adoption);
    return new Outcome(start + " 至 " + end + "，收到意见" + count + "条", adoption);
  }

  private Outcome review(DelegateExecution task, long caseId, Review review, String resultVariable,
      String commentVariable, String stepName, String actor) {
    String result = reviewResult(task, resultVariable, commentVariable, stepName);
    String comment = text(task, commentVariable);
    register.recordReview(caseId, review, result, comment, InterpretationClock.now(), actor);
    if ("RETURNED".equals(result)) {
      returned(task, caseId, stepName, comment);
    }
    return new Outcome(result, comment);
  }

  /**
   * 同步审批: one decision for the pair. Approval needs the interpretation plan and materials to be there
   * with the policy; there is no way to approve one document and not the other.
   */
  private Outcome approveJointly(DelegateExecution task, long caseId, String stepName, String actor) {
    String result = required(task, JOINT_APPROVAL_RESULT, "同步审批结论");
    if (!"APPROVED".equals(result) && !"RETURNED".equals(result)) {
      throw new BadUserRequestException("同步审批结论只能是政策文件与解读同时批准或一并退回：" + result);
    }
    if ("APPROVED".equals(result)) {
      List<String> missing = submission(task).missingItems();
      if (!missing.isEmpty()) {
        throw new BadUserRequestException(
            "政策文件与解读须同步审批，不能只批准政策文件：" + String.join("；", missing));
      }
    }
    Outcome outcome = review(task, caseId, Review.JOINT_APPROVAL, JOINT_APPROVAL_RESULT, JOINT_APPROVAL_COMMENT,
        stepName, actor);
    return new Outcome("APPROVED".equals(result) ? "政策文件与解读同时批准" : "政策文件与解读一并退回",
        outcome.comment());
  }

  /** The policy is published: the interpretation's deadline starts (N working days, 24:00 Beijing). */
  private Outcome policyPublished(DelegateExecution task, long caseId) {
    LocalDate publishedOn = pastDate(task, POLICY_PUBLISHED_ON, "政策文件发布日期", InterpretationClock.today());
    PolicyCase c = register.get(caseId);
    if (c.jointApprovedAt() != null && publishedOn.isBefore(c.jointApprovedAt().toLocalDate())) {
      throw new BadUserRequestException("政策文件发布日期不能早于同步审批日期（" + c.jointApprovedAt().toLocalDate() + "）");
    }
    String url = url(task, POLICY_URL, "政策文件发布网址", false);
    String gazette = text(task, POLICY_GAZETTE);
    if (url == null && gazette == null) {
      throw new BadUserRequestException("请填写政策文件的发布网址或政府公报期号");
    }
    int limit = clock.limit();
    Deadline deadline = clock.interpretationDeadline(publishedOn, limit);
    task.setVariable(INTERPRETATION_DUE_ON, deadline.due().toString());
    task.setVariable(INTERPRETATION_DUE_PROVISIONAL, deadline.provisional());
    task.setVariable(INTERPRETATION_OVERDUE_AT, clock.endOf(deadline.due()));
    register.recordPolicyPublication(caseId, publishedOn, url, gazette, limit, deadline.due(),
        deadline.provisional());
    return new Outcome("政策文件于 " + publishedOn + " 发布",
        "解读应于 " + deadline.due() + " 24时前发布（政策文件公开后" + limit + "个工作日）"
            + (deadline.provisional() ? "，暂定：所涉年度节假日安排尚未公布" : ""));
  }

  /** The interpretation is published on the interpretation column, linked both ways; late means overdue. */
  private Outcome interpretationPublished(DelegateExecution task, long caseId) {
    LocalDate publishedOn = pastDate(task, INTERPRETATION_PUBLISHED_ON, "解读发布日期", InterpretationClock.today());
    PolicyCase c = register.get(caseId);
    if (publishedOn.isBefore(c.policyPublishedOn())) {
      throw new BadUserRequestException("解读发布日期不能早于政策文件发布日期（" + c.policyPublishedOn() + "）");
    }
    String url = url(task, INTERPRETATION_URL, "解读网址", true);
    if (!flag(task, POLICY_LINKS_INTERPRETATION) || !flag(task, INTERPRETATION_LINKS_POLICY)) {
      throw new BadUserRequestException("政策文件与解读应相互链接：请在政策文件页面链接解读、在解读页面链接政策文件后再登记发布");
    }
    register.recordInterpretationPublication(caseId, publishedOn, url, true, true);
    int workingDays = clock.workingDaysBetween(c.policyPublishedOn(), publishedOn);
    boolean onTime = !publishedOn.isAfter(c.interpretationDueOn());
    if (!onTime) {
      register.markOverdue(caseId, c.interpretationDueOn().plusDays(1));
      task.setVariable(OVERDUE, true);
    }
    return new Outcome("解读于 " + publishedOn + " 发布，" + (onTime ? "按时" : "逾期"),
        "距政策文件发布 " + workingDays + " 个工作日，期限 " + c.interpretationDueOn());
  }

  private void returned(DelegateExecution task, long caseId, String stepName, String reason) {
    task.setVariable(RETURNED_FROM, stepName);
    task.setVariable(RETURN_REASON, reason);
    register.recordReturn(caseId, stepName, reason, InterpretationClock.now());
  }

  private static String reviewResult(DelegateExecution task, String variable, String commentVariable, String step) {
    return cn.gongkai.workflow.FormFields.reviewResult(task, variable, commentVariable, step);
  }

  private static String candidateGroup(DelegateTask task) {
    return task.getCandidates().stream().map(IdentityLink::getGroupId).filter(g -> g != null).findFirst()
        .orElse(null);
  }
}

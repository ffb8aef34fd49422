package cn.gongkai.proposal.internal;

import static cn.gongkai.proposal.ProposalVariables.ANSWER_DUE_ON;
import static cn.gongkai.proposal.ProposalVariables.ANSWER_OVERDUE_AT;
import static cn.gongkai.proposal.ProposalVariables.ANSWER_REMIND_AT;
import static cn.gongkai.proposal.ProposalVariables.ASSIGNED_ON;
import static cn.gongkai.proposal.ProposalVariables.DISCLOSURE_ATTRIBUTE;
import static cn.gongkai.proposal.ProposalVariables.DISCLOSURE_REASON;
import static cn.gongkai.proposal.ProposalVariables.HANDLING_RESULT;
import static cn.gongkai.proposal.ProposalVariables.JOINT_UNITS;
import static cn.gongkai.proposal.ProposalVariables.LEAD_UNIT;
import static cn.gongkai.proposal.ProposalVariables.PUBLISHED_ON;
import static cn.gongkai.proposal.ProposalVariables.PUBLISHED_PROACTIVELY;
import static cn.gongkai.proposal.ProposalVariables.PUBLISHED_URL;
import static cn.gongkai.proposal.ProposalVariables.REPLIED_ON;
import static cn.gongkai.proposal.ProposalVariables.REPLY_DOCUMENT_NUMBER;
import static cn.gongkai.proposal.ProposalVariables.REPLY_SUMMARY;
import static cn.gongkai.proposal.ProposalVariables.REVIEW_COMMENT;
import static cn.gongkai.proposal.ProposalVariables.REVIEW_RESULT;
import static cn.gongkai.proposal.ProposalVariables.SUPERVISION_NOTE;

import cn.gongkai.interpretation.DisclosureAttribute;
import cn.gongkai.proposal.HandlingResult;
import cn.gongkai.proposal.ProposalCase;
import cn.gongkai.proposal.ProposalClock;
import cn.gongkai.proposal.ProposalRegister;
import cn.gongkai.workflow.FormFields;
import java.time.LocalDate;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The rules of each user task of {@code proposal-reply}: the completed form checked (a refusal is a Chinese
 * sentence and stores nothing), the decision recorded in the register and the variables the flow needs set.
 */
@Component
class ProposalSteps {

  static final String ASSIGN_TASK = "Task_AssignHandlingUnit";
  static final String DRAFT_TASK = "Task_DraftReply";
  static final String REVIEW_TASK = "Task_ReviewReply";
  static final String PUBLISH_TASK = "Task_RecordReplyPublication";
  static final String SUPERVISE_TASK = "Task_SuperviseOverdueReply";

  private static final Pattern URL = Pattern.compile("^https?://\\S+$");

  private final ProposalRegister register;
  private final ProposalClock clock;

  ProposalSteps(ProposalRegister register, ProposalClock clock) {
    this.register = register;
    this.clock = clock;
  }

  /** What a step decided, for the case history; {@code factOn} is the day of the fact it records, if any. */
  record Outcome(String decision, String comment, LocalDate factOn) {}

  Outcome complete(DelegateExecution task, ProposalCase c, String actor) {
    return switch (task.getCurrentActivityId()) {
      case ASSIGN_TASK -> assign(task, c);
      case DRAFT_TASK -> draft(task, c, actor);
      case REVIEW_TASK -> review(task, c, actor);
      case PUBLISH_TASK -> publish(task, c);
      case SUPERVISE_TASK -> new Outcome("已督办", FormFields.required(task, SUPERVISION_NOTE, "督办意见"), null);
      default -> new Outcome(null, null, null);
    };
  }

  /** 交办: the lead unit, any joint units and the day of the assignment, from which the answer clock runs. */
  private Outcome assign(DelegateExecution task, ProposalCase c) {
    String lead = limited(FormFields.required(task, LEAD_UNIT, "主办单位"), 200, "主办单位", LEAD_UNIT);
    String joint = FormFields.text(task, JOINT_UNITS);
    if (joint != null) {
      limited(joint, 1000, "会办单位", JOINT_UNITS);
    }
    LocalDate assignedOn = factDay(task, ASSIGNED_ON, "交办日期", c.receivedOn(), "收到日期");
    LocalDate due = clock.answerDue(assignedOn);
    task.setVariable(ANSWER_DUE_ON, due.toString());
    task.setVariable(ANSWER_REMIND_AT, clock.remindAt(due));
    task.setVariable(ANSWER_OVERDUE_AT, clock.endOf(due));
    register.recordAssignment(c.id(), lead, joint, assignedOn, clock.months(), due);
    return new Outcome("交办" + lead + (joint == null ? "" : "，会办：" + joint),
        "应于 " + due + " 24时前办复（交办之日起" + clock.months() + "个月）", assignedOn);
  }

  /** 办理复文: the reply's number, its gist, the 办理结果 and the day it was signed and sent. */
  private Outcome draft(DelegateExecution task, ProposalCase c, String actor) {
    String number = FormFields.text(task, REPLY_DOCUMENT_NUMBER);
    if (number != null) {
      limited(number, 100, "复文文号", REPLY_DOCUMENT_NUMBER);
    }
    String summary = limited(FormFields.required(task, REPLY_SUMMARY, "复文内容"), 4000, "复文内容", REPLY_SUMMARY);
    String code = FormFields.required(task, HANDLING_RESULT, "办理结果");
    HandlingResult result = HandlingResult.parse(code)
        .orElseThrow(() -> new BadUserRequestException("办理结果的取值无效：" + code + "（" + HANDLING_RESULT + "）"));
    LocalDate repliedOn = factDay(task, REPLIED_ON, "复文日期", c.assignedOn(), "交办日期");
    register.recordReply(c.id(), number, summary, result, repliedOn, actor);
    return new Outcome(result.label(), number, repliedOn);
  }

  /** 审核复文 and its 公开属性: anything but 主动公开 states its reason, as for a policy document. */
  private Outcome review(DelegateExecution task, ProposalCase c, String actor) {
    String result = FormFields.reviewResult(task, REVIEW_RESULT, REVIEW_COMMENT, "复文审核");
    String comment = FormFields.text(task, REVIEW_COMMENT);
    if ("RETURNED".equals(result)) {
      register.recordReview(c.id(), result, comment, null, null, ProposalClock.now(), actor);
      return new Outcome("RETURNED", comment, null);
    }
    String code = FormFields.required(task, DISCLOSURE_ATTRIBUTE, "公开属性");
    DisclosureAttribute attribute = DisclosureAttribute.parse(code)
        .orElseThrow(() -> new BadUserRequestException("公开属性的取值无效：" + code + "（" + DISCLOSURE_ATTRIBUTE + "）"));
    String reason = FormFields.text(task, DISCLOSURE_REASON);
    if (attribute.needsReason() && reason == null) {
      throw new BadUserRequestException("公开属性为“" + attribute.label() + "”时必须说明理由（" + DISCLOSURE_REASON + "）");
    }
    if (reason != null) {
      limited(reason, 2000, "不公开理由", DISCLOSURE_REASON);
    }
    task.setVariable(PUBLISHED_PROACTIVELY, attribute.publishedProactively());
    register.recordReview(c.id(), result, comment, attribute, attribute.needsReason() ? reason : null,
        ProposalClock.now(), actor);
    return new Outcome("APPROVED", attribute.label() + (attribute.needsReason() ? "：" + reason : ""), null);
  }

  /** 公开发布: the day the reply appeared on the government website, and where. */
  private Outcome publish(DelegateExecution task, ProposalCase c) {
    LocalDate publishedOn = factDay(task, PUBLISHED_ON, "复文公开日期", c.answeredOn(), "复文日期");
    String url = limited(FormFields.required(task, PUBLISHED_URL, "公开网址"), 1000, "公开网址", PUBLISHED_URL);
    if (!URL.matcher(url).matches()) {
      throw new BadUserRequestException("公开网址应为以 http:// 或 https:// 开头的网址（" + PUBLISHED_URL + "）");
    }
    register.recordPublication(c.id(), publishedOn, url);
    return new Outcome("已公开", url, publishedOn);
  }

  /** A fact's day: a valid date, not in the future, not before the fact it follows. */
  private static LocalDate factDay(DelegateExecution task, String variable, String label, LocalDate notBefore,
      String notBeforeLabel) {
    LocalDate date = FormFields.date(task, variable, label);
    if (notBefore != null && date.isBefore(notBefore)) {
      throw new BadUserRequestException(
          label + "不能早于" + notBeforeLabel + "（" + notBefore + "）（" + variable + "）");
    }
    return date;
  }

  static String limited(String value, int max, String label, String variable) {
    if (value.length() > max) {
      throw new BadUserRequestException(label + "不能超过" + max + "个字（" + variable + "）");
    }
    return value;
  }
}

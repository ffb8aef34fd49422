package cn.gongkai.citizen.internal;

import static cn.gongkai.citizen.CitizenMessageVariables.*;
import static cn.gongkai.workflow.FormFields.required;
import static cn.gongkai.workflow.FormFields.text;

import cn.gongkai.calendar.Deadline;
import cn.gongkai.citizen.CitizenMessage;
import cn.gongkai.citizen.CitizenMessageClock;
import cn.gongkai.citizen.CitizenMessageRegister;
import cn.gongkai.workflow.FormFields;
import java.time.LocalDate;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The rules of each user task of {@code citizen-message}, by task id: the decision checked (a refusal is a Chinese
 * sentence and completes nothing), the fact recorded in the register with the day it happened, the variables the
 * next step needs set.
 */
@Component
class MessageSteps {

  static final String ACCEPT = "Task_AcceptMessage";
  static final String ANSWER = "Task_AnswerMessage";
  static final String APPROVE_EXTENSION = "Task_ApproveMessageExtension";
  static final String REVIEW = "Task_ReviewMessageAnswer";
  static final String FEEDBACK = "Task_FeedBackToCitizen";
  static final String PUBLISH = "Task_PublishMessageAnswer";
  static final String SUPERVISE = "Task_SuperviseOverdueMessage";

  private static final Pattern URL = Pattern.compile("^https?://\\S+$");
  private static final Set<String> FEEDBACK_METHODS = Set.of("WEBSITE", "SMS", "PHONE", "EMAIL", "POST");

  /** What a step decided, for the message's history; {@code factOn} is the day of the fact it records. */
  record Outcome(String decision, String comment, LocalDate factOn) {}

  private final CitizenMessageRegister register;
  private final CitizenMessageClock clock;

  MessageSteps(CitizenMessageRegister register, CitizenMessageClock clock) {
    this.register = register;
    this.clock = clock;
  }

  Outcome complete(String taskKey, DelegateExecution task, CitizenMessage m) {
    return switch (taskKey) {
      case ACCEPT -> accept(task, m);
      case ANSWER -> answer(task, m);
      case APPROVE_EXTENSION -> approveExtension(task, m);
      case REVIEW -> review(task, m);
      case FEEDBACK -> feedBack(task, m);
      case PUBLISH -> publish(task, m);
      case SUPERVISE -> new Outcome("督办", required(task, SUPERVISION_COMMENT, "督办意见"), null);
      default -> new Outcome(null, null, null);
    };
  }

  /** 受理并转办, or 不予受理 with its reason; after a 退回 the office transfers the message again. */
  private Outcome accept(DelegateExecution task, CitizenMessage m) {
    String decision = required(task, ACCEPT_DECISION, "受理结论");
    LocalDate on = factDay(task, ACCEPTED_ON, "受理（转办）日期", m.receivedOn(), "收到留言日期");
    switch (decision) {
      case "ACCEPTED" -> {
        String department = limited(required(task, RESPONSIBLE_DEPARTMENT, "承办部门"), 200, "承办部门",
            RESPONSIBLE_DEPARTMENT);
        task.setVariable(ACCEPTED, true);
        if (m.acceptedOn() != null) {
          register.recordRetransfer(m.id(), on, department);
          return new Outcome("重新转办", "转办" + department, on);
        }
        Deadline due = clock.answerDeadline(on, m.messageType());
        register.recordAcceptance(m.id(), on, department,
            clock.settings().answerWithinWorkingDays(m.messageType()), due.due(), due.provisional());
        task.setVariable(ANSWER_DUE_ON, due.due().toString());
        task.setVariable(ANSWER_DUE_PROVISIONAL, due.provisional());
        task.setVariable(ANSWER_OVERDUE_AT, clock.endOf(due.due()));
        return new Outcome("受理并转办", "转办" + department + "，答复期限" + due.due(), on);
      }
      case "REFUSED" -> {
        String reason = text(task, REFUSAL_REASON);
        if (reason == null) {
          throw new BadUserRequestException("不予受理时必须写明理由（" + REFUSAL_REASON + "）");
        }
        register.recordRefusal(m.id(), on, limited(reason, 2000, "不予受理理由", REFUSAL_REASON));
        task.setVariable(ACCEPTED, false);
        task.setVariable(PUBLISH_ANSWER, false);
        return new Outcome("不予受理", reason, on);
      }
      default -> throw new BadUserRequestException("受理结论的取值无效：" + decision);
    }
  }

  /** The department answers, sends the message back as not theirs (退回), or asks once for more time. */
  private Outcome answer(DelegateExecution task, CitizenMessage m) {
    String decision = required(task, ANSWER_DECISION, "办理结果");
    LocalDate today = CitizenMessageClock.today();
    switch (decision) {
      case "ANSWERED" -> {
        String text = limited(required(task, ANSWER_TEXT, "答复内容"), 8000, "答复内容", ANSWER_TEXT);
        LocalDate on = factDay(task, ANSWERED_ON, "答复日期", m.acceptedOn(), "受理日期");
        register.recordAnswer(m.id(), on, text, m.responsibleDepartment());
        return new Outcome("已答复", on.isAfter(m.answerDueOn()) ? "逾期答复（期限" + m.answerDueOn() + "）" : null, on);
      }
      case "RETURNED" -> {
        String reason = limited(required(task, RETURN_REASON, "退回理由"), 2000, "退回理由", RETURN_REASON);
        Deadline retransfer = clock.acceptDeadline(today);
        register.recordReturn(m.id(), reason, retransfer.due());
        task.setVariable(LAST_RETURN_REASON, m.responsibleDepartment() + "退回：" + reason);
        task.setVariable(ACCEPT_DUE_ON, retransfer.due().toString());
        task.setVariable(ACCEPT_OVERDUE_AT, clock.endOf(retransfer.due()));
        return new Outcome("退回（不属于本部门职责）", m.responsibleDepartment() + "：" + reason, today);
      }
      case "EXTENSION" -> {
        if (m.extensionRequested()) {
          throw new BadUserRequestException("每件留言只能申请一次延期，本件已申请过延期，请按期答复");
        }
        if (today.isAfter(m.answerDueOn())) {
          throw new BadUserRequestException("答复期限已于" + m.answerDueOn() + "届满，不能再申请延期，请尽快答复");
        }
        String reason = limited(required(task, EXTENSION_REASON, "延期理由"), 2000, "延期理由", EXTENSION_REASON);
        register.recordExtensionRequest(m.id(), reason);
        return new Outcome("申请延期", reason, today);
      }
      default -> throw new BadUserRequestException("办理结果的取值无效：" + decision);
    }
  }

  /** The leader approves the one extension (before the answer deadline ends) or does not. */
  private Outcome approveExtension(DelegateExecution task, CitizenMessage m) {
    String decision = required(task, EXTENSION_DECISION, "审批意见");
    switch (decision) {
      case "APPROVED" -> {
        int max = clock.settings().extensionMaxWorkingDays();
        int days = FormFields.number(task, EXTENSION_WORKING_DAYS, "延长的工作日数");
        if (days < 1 || days > max) {
          throw new BadUserRequestException("延长的工作日数应为1至" + max + "（" + EXTENSION_WORKING_DAYS + "）");
        }
        LocalDate approvedOn = factDay(task, EXTENSION_APPROVED_ON, "批准延期日期", m.acceptedOn(), "受理日期");
        if (approvedOn.isAfter(m.answerDueOn())) {
          throw new BadUserRequestException("批准延期日期不能晚于答复期限（" + m.answerDueOn() + "）：期限届满后不能延期（"
              + EXTENSION_APPROVED_ON + "）");
        }
        Deadline due = clock.extendedDeadline(m.answerDueOn(), days);
        register.recordExtension(m.id(), days, approvedOn, due.due(), due.provisional());
        task.setVariable(ANSWER_DUE_ON, due.due().toString());
        task.setVariable(ANSWER_DUE_PROVISIONAL, due.provisional());
        task.setVariable(ANSWER_OVERDUE_AT, clock.endOf(due.due()));
        return new Outcome("同意延期", "延长" + days + "个工作日，答复期限改为" + due.due(), approvedOn);
      }
      case "REJECTED" -> {
        return new Outcome("不同意延期", "答复期限仍为" + m.answerDueOn(), CitizenMessageClock.today());
      }
      default -> throw new BadUserRequestException("审批意见的取值无效：" + decision);
    }
  }

  /** The office reviews the answer and decides, where the citizen agreed, whether it is published. */
  private Outcome review(DelegateExecution task, CitizenMessage m) {
    String decision = FormFields.reviewResult(task, REVIEW_DECISION, REVIEW_COMMENT, "审核");
    if ("RETURNED".equals(decision)) {
      register.clearAnswer(m.id());
      return new Outcome("退回重新答复", text(task, REVIEW_COMMENT), CitizenMessageClock.today());
    }
    boolean publish = flag(task.getVariable(PUBLISH_ANSWER));
    if (publish && !m.publicationAgreed()) {
      throw new BadUserRequestException("留言人不同意公开，答复不能公开（" + PUBLISH_ANSWER + "）");
    }
    task.setVariable(PUBLISH_ANSWER, publish);
    register.recordReview(m.id(), CitizenMessageClock.today());
    return new Outcome("审核通过", publish ? "答复将公开" : "答复不公开", CitizenMessageClock.today());
  }

  private Outcome feedBack(DelegateExecution task, CitizenMessage m) {
    LocalDate after = m.answeredOn() != null ? m.answeredOn() : m.refusedOn();
    LocalDate on = factDay(task, FEEDBACK_ON, "反馈日期", after, m.answeredOn() != null ? "答复日期" : "不予受理日期");
    String method = required(task, FEEDBACK_METHOD, "反馈方式");
    if (!FEEDBACK_METHODS.contains(method)) {
      throw new BadUserRequestException("反馈方式的取值无效：" + method);
    }
    register.recordFeedback(m.id(), on, method);
    return new Outcome("已反馈留言人", method, on);
  }

  private Outcome publish(DelegateExecution task, CitizenMessage m) {
    LocalDate on = factDay(task, PUBLISHED_ON, "公开日期", m.answeredOn(), "答复日期");
    String url = limited(required(task, PUBLISHED_URL, "公开网址"), 1000, "公开网址", PUBLISHED_URL);
    if (!URL.matcher(url).matches()) {
      throw new BadUserRequestException("公开网址应为以 http:// 或 https:// 开头的网址（" + PUBLISHED_URL + "）");
    }
    register.recordPublication(m.id(), on, url);
    return new Outcome("已公开", url, on);
  }

  /** The day a fact happened: not in the future, not before 2000, not before the fact it follows. */
  static LocalDate factDay(DelegateExecution task, String variable, String label, LocalDate notBefore,
      String notBeforeLabel) {
    LocalDate date = FormFields.date(task, variable, label);
    if (notBefore != null && date.isBefore(notBefore)) {
      throw new BadUserRequestException(label + "不能早于" + notBeforeLabel + "（" + notBefore + "）（" + variable + "）");
    }
    return date;
  }

  private static String limited(String value, int max, String label, String variable) {
    if (value.length() > max) {
      throw new BadUserRequestException(label + "不能超过" + max + "个字（" + variable + "）");
    }
    return value;
  }

  private static boolean flag(Object value) {
    return value instanceof Boolean b ? b : value != null && "true".equalsIgnoreCase(value.toString().strip());
  }
}

package cn.gongkai.request.internal;

import static cn.gongkai.workflow.FormFields.actor;
import static cn.gongkai.workflow.FormFields.date;
import static cn.gongkai.workflow.FormFields.number;
import static cn.gongkai.workflow.FormFields.plannedDate;
import static cn.gongkai.workflow.FormFields.required;
import static cn.gongkai.workflow.FormFields.reviewResult;
import static cn.gongkai.workflow.FormFields.text;

import cn.gongkai.request.CaseEvent;
import cn.gongkai.request.CaseRegister;
import cn.gongkai.request.CaseRegister.Stage;
import cn.gongkai.request.ClockSettings;
import cn.gongkai.request.ExemptionCode;
import cn.gongkai.request.FeeTariff;
import cn.gongkai.request.Labelled;
import cn.gongkai.request.Outcome;
import cn.gongkai.request.ReplyDeliveryMethod;
import cn.gongkai.letters.LetterKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.pvm.delegate.ActivityExecution;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What each step of a disclosure request means for the register: the current step on create,
 * separation of duties on assignment, and on complete the decision checked, recorded and acted on
 * (clock restart, pause, extension). A refused decision answers in Chinese and completes nothing.
 */
@Component
class DisclosureTaskListener implements TaskListener, ExecutionListener {

  private final CaseRegister register;
  private final ReplyClock clock;
  private final ClockSettings settings;
  private final JdbcClient jdbc;
  private final CaseLetters letters;

  DisclosureTaskListener(CaseRegister register, ReplyClock clock, ClockSettings settings, JdbcClient jdbc,
      CaseLetters letters) {
    this.register = register;
    this.clock = clock;
    this.settings = settings;
    this.jdbc = jdbc;
    this.letters = letters;
  }

  /** Task events: a task was created (current step, due date) or assigned (separation of duties). */
  @Override
  public void notify(DelegateTask task) {
    Object caseId = task.getVariable("caseId");
    if (!(caseId instanceof Number id)) {
      return;
    }
    switch (task.getEventName()) {
      case EVENTNAME_CREATE -> created(task, id.longValue());
      case EVENTNAME_ASSIGNMENT -> assigned(task);
      default -> { }
    }
  }

  /**
   * The user task ended: its decision is checked, recorded and acted on. This runs as an execution
   * listener, not a task listener, so that a refusal reaches the caller as a plain 400
   * (BadUserRequestException) instead of being wrapped; a task cut short by a timer records nothing.
   */
  @Override
  public void notify(DelegateExecution execution) {
    Object caseId = execution.getVariable("caseId");
    if (caseId instanceof Number id && !((ActivityExecution) execution).isCanceled()) {
      completed(execution, id.longValue());
    }
  }

  private void created(DelegateTask task, long caseId) {
    if (!"Task_SuperviseOverdueCase".equals(task.getTaskDefinitionKey())) {
      register.enterStep(caseId, task.getTaskDefinitionKey(), task.getName());
    }
    Object due = task.getVariable("replyDueOn");
    if ("Task_ScreenRequest".equals(task.getTaskDefinitionKey())) {
      // the correction notice must go out within 7 working days of receipt (条例第三十条)
      LocalDate received = LocalDate.parse((String) task.getVariable("receivedOn"));
      task.setDueDate(clock.taskDue(clock.deadline(received, settings.correctionNoticeWorkingDays()).due()));
    } else if (due instanceof String dueOn) {
      task.setDueDate(clock.taskDue(LocalDate.parse(dueOn)));
    }
  }

  private void assigned(DelegateTask task) {
    if ("Task_SecrecyReview".equals(task.getTaskDefinitionKey()) && task.getAssignee() != null
        && task.getAssignee().equals(task.getVariable("handledBy"))) {
      throw new BadUserRequestException("保密审查员不得审查本人承办的案件，请由其他审查员认领");
    }
  }

  private void completed(DelegateExecution task, long caseId) {
    String actor = actor(task);
    String key = task.getCurrentActivityId();
    String decision = null;
    String comment = null;
    switch (key) {
      case "Task_ScreenRequest" -> {
        String screening = required(task, "screeningDecision", "审核结论");
        decision = screening;
        comment = text(task, "screeningComment");
        if ("CLOSE".equals(screening)) {
          Outcome outcome = outcome(task, "closingOutcome", "结案方式");
          if (!outcome.decidedAtScreening()) {
            throw new BadUserRequestException("结案方式“" + outcome.label() + "”不能在审核环节作出");
          }
          if (outcome == Outcome.UNCLEAR_AFTER_CORRECTION && register.get(caseId).correctionCount() == 0) {
            throw new BadUserRequestException("申请尚未补正，不能以“补正后申请内容仍不明确”结案，请先告知补正");
          }
          task.setVariable("outcome", outcome.name());
          register.recordOutcome(caseId, outcome);
          decision = outcome.name();
          String reasons = required(task, "screeningComment", "审核意见（将写入答复书的理由或指引）");
          String articles = text(task, "decisionArticles");
          if (outcome == Outcome.CONFIRM_REISSUE && articles == null) {
            throw new BadUserRequestException("请填写依据条款（decisionArticles）");
          }
          letters.issueReply(task, caseId, LetterKind.valueOf(outcome.name()),
              b -> b.reasons(reasons).guidance(reasons).decision(reasons).articles(articles), actor);
        } else if ("NEEDS_CORRECTION".equals(screening) && register.get(caseId).correctionCount() > 0) {
          throw new BadUserRequestException("补正告知应一次性告知，已补正过的申请仍不明确的，请选择“补正后申请内容仍不明确”结案");
        }
        register.stamp(caseId, Stage.SCREENED, ReplyClock.now());
      }
      case "Task_SendCorrectionNotice" -> {
        required(task, "correctionItems", "需要补正的事项");
        LocalDate delivered = date(task, "correctionNoticeDeliveredOn", "申请人收到补正告知书日期");
        LocalDate correctionDue = clock.deadline(delivered, settings.correctionPeriodWorkingDays()).due();
        task.setVariable("correctionDueAt", clock.endOf(correctionDue));
        String items = text(task, "correctionItems");
        letters.issue(task, caseId, LetterKind.CORRECTION_NOTICE,
            b -> b.correctionItems(items).correctionDueOn(correctionDue), actor);
        // the reply clock will restart in full from the corrected request (条例第三十条)
        clock.pause(caseId, task.getProcessInstanceId(), delivered, "CORRECTION");
        register.stamp(caseId, Stage.CORRECTION_NOTICED, ReplyClock.now());
        comment = text(task, "correctionItems");
      }
      case "Task_RegisterCorrection" -> {
        LocalDate correctedOn = date(task, "correctedOn", "收到补正申请日期");
        register.recordCorrection(caseId, correctedOn, text(task, "correctedDescription"));
        var state = clock.start(caseId, correctedOn);
        task.setVariable("receivedOn", correctedOn.toString());
        setClockVariables(task, state);
        decision = "补正于 " + correctedOn;
      }
      case "Task_ReviewVolumeReasons" -> {
        decision = required(task, "volumeReasonsDecision", "审查结论");
        comment = text(task, "volumeReasons");
        Object delayed = task.getVariable("delayedReplyOn");
        if ("ACCEPTED".equals(decision) && delayed != null && !delayed.toString().isBlank()) {
          setClockVariables(task, clock.delayTo(caseId, plannedDate(task, "delayedReplyOn", "延迟答复期限"), actor));
        }
      }
      case "Task_HandleRequest" -> {
        decision = handled(task, caseId, actor);
        comment = text(task, "decisionReason");
      }
      case "Task_ConsultThirdParty", "Task_ConsultAgency" -> {
        String answerVariable = key.equals("Task_ConsultThirdParty") ? "thirdPartyAnswer" : "agencyAnswer";
        decision = required(task, answerVariable, "意见");
        LocalDate answered = date(task, "answerReceivedOn", "收到意见日期");
        comment = text(task, key.equals("Task_ConsultThirdParty") ? "thirdPartyOpinion" : "agencyOpinion");
        setClockVariables(task, clock.resume(caseId, answered, actor));
      }
      case "Task_ApproveExtension" -> {
        decision = required(task, "extensionDecision", "审批意见");
        if ("APPROVED".equals(decision)) {
          int days = number(task, "extensionWorkingDays", "延长的工作日数");
          if (days < 1 || days > settings.maxExtensionWorkingDays()) {
            throw new BadUserRequestException(
                "延长答复期限最长不得超过" + settings.maxExtensionWorkingDays() + "个工作日（条例第三十三条第二款）");
          }
          LocalDate due = LocalDate.parse((String) task.getVariable("replyDueOn"));
          if (ReplyClock.today().isAfter(due)) {
            throw new BadUserRequestException("答复期限已于" + due + "届满，不能再批准延期（延期须在期限届满前批准并告知）");
          }
          ReplyClock.ClockState extended = clock.extend(caseId, days, actor);
          setClockVariables(task, extended);
          String reason = text(task, "extensionReason");
          letters.issue(task, caseId, LetterKind.EXTENSION_NOTICE,
              b -> b.reasons(reason).replyDueOn(due).extendedDueOn(extended.due()), actor);
          decision = "同意延期" + days + "个工作日";
        }
      }
      case "Task_NotifyExtension" -> {
        LocalDate sent = date(task, "extensionNoticeSentOn", "告知日期");
        decision = "已于 " + sent + " 告知申请人";
      }
      case "Task_RegisterFeePayment" -> {
        LocalDate paid = date(task, "feePaidOn", "缴费日期");
        jdbc.sql("UPDATE gk_disclosure_case SET fee_paid_on = ? WHERE id = ?").params(paid, caseId).update();
        if (settings.feePausesReplyClock()) {
          setClockVariables(task, clock.resume(caseId, paid, actor));
        }
        decision = "已于 " + paid + " 缴费";
      }
      case "Task_SecrecyReview" -> {
        if (actor != null && actor.equals(task.getVariable("handledBy"))) {
          throw new BadUserRequestException("保密审查员不得审查本人承办的案件");
        }
        decision = reviewResult(task, "secrecyReviewResult", "secrecyReviewComment", "保密审查");
        comment = text(task, "secrecyReviewComment");
        register.stamp(caseId, Stage.SECRECY_REVIEWED, ReplyClock.now());
      }
      case "Task_LegalReview" -> {
        decision = reviewResult(task, "legalReviewResult", "legalReviewComment", "法制审核");
        comment = text(task, "legalReviewComment");
        register.stamp(caseId, Stage.LEGAL_REVIEWED, ReplyClock.now());
      }
      case "Task_SignOffReply" -> {
        decision = reviewResult(task, "signOffResult", "signOffComment", "签发");
        comment = text(task, "signOffComment");
        if ("APPROVED".equals(decision)) {
          letters.freezeReply(task, actor);
        }
        register.stamp(caseId, Stage.SIGNED_OFF, ReplyClock.now());
      }
      case "Task_DeliverReply" -> {
        ReplyDeliveryMethod method = code(task, "replyDeliveryMethod", "送达方式", ReplyDeliveryMethod.class);
        LocalDate repliedOn = date(task, "repliedOn", "答复日期");
        LocalDate postedOn = null;
        if (method == ReplyDeliveryMethod.POST) {
          // by post, the day handed to the post office is the day of reply
          postedOn = date(task, "postedOn", "交邮日期");
          repliedOn = postedOn;
          task.setVariable("repliedOn", repliedOn.toString());
        }
        if (repliedOn.isAfter(ReplyClock.today())) {
          throw new BadUserRequestException("答复日期不能晚于今天");
        }
        // the date of reply is the letter's delivery (by post: the day handed to the post office)
        repliedOn = letters.deliverReply(task, cn.gongkai.letters.DeliveryMethod.valueOf(method.name()),
            date(task, "repliedOn", "答复日期"), postedOn, actor);
        register.recordReply(caseId, repliedOn, method, postedOn);
        decision = method.label() + " " + repliedOn;
      }
      case "Task_SuperviseOverdueCase" -> comment = text(task, "supervisionComment");
      default -> { }
    }
    register.recordEvent(caseId, new CaseEvent(key, task.getCurrentActivityName(), actor, ReplyClock.now(), decision, comment));
  }

  private String handled(DelegateExecution task, long caseId, String actor) {
    String next = required(task, "nextAction", "下一步");
    task.setVariable("handledBy", actor);
    switch (next) {
      case "DECIDE" -> {
        Outcome outcome = outcome(task, "outcome", "答复类型");
        if (!outcome.decidedByHandler()) {
          throw new BadUserRequestException("答复类型“" + outcome.label() + "”不能在办理环节作出");
        }
        String exemption = null;
        if (outcome.withholds()) {
          exemption = code(task, "exemptionCode", "不予公开的理由", ExemptionCode.class).name();
        }
        String competentAgency = text(task, "competentAgency");
        String reason = required(task, "decisionReason", "答复内容及理由");
        String guidance = text(task, "provisionGuidance");
        if ((outcome == Outcome.ALREADY_PUBLIC || outcome.releasesInformation()) && guidance == null) {
          throw new BadUserRequestException("请填写获取信息的方式和途径（provisionGuidance）");
        }
        String articles = text(task, "decisionArticles");
        if (outcome == Outcome.OTHER && articles == null) {
          throw new BadUserRequestException("其他处理须写明依据条款（decisionArticles）");
        }
        String exemptionCode = exemption;
        letters.issueReply(task, caseId, LetterKind.valueOf(outcome.name()), b -> b.decision(reason).reasons(reason)
            .guidance(guidance).exemptionCode(exemptionCode).competentAgency(competentAgency).articles(articles),
            actor);
        task.setVariable("releasesInformation", outcome.releasesInformation());
        task.setVariable("withholdsInformation", outcome.withholds());
        register.recordHandling(caseId, outcome, exemption, competentAgency, actor);
        register.stamp(caseId, Stage.HANDLED, ReplyClock.now());
        return outcome.name() + (exemption == null ? "" : "/" + exemption);
      }
      case "CONSULT_THIRD_PARTY", "CONSULT_AGENCY" -> {
        String party = required(task, "consultedParty", "征求意见对象");
        LocalDate sent = date(task, "consultationSentOn", "发出征求意见书日期");
        // the consulted party has 15 working days from receipt; the span is not counted (条例第三十三条第三款)
        LocalDate answerDue = clock.deadline(sent, settings.consultationWorkingDays()).due();
        task.setVariable("consultationDueAt", clock.endOf(answerDue));
        letters.issue(task, caseId, "CONSULT_AGENCY".equals(next) ? LetterKind.AGENCY_CONSULTATION
            : LetterKind.THIRD_PARTY_CONSULTATION, b -> b.addressee(party).consultationDueOn(answerDue), actor);
        clock.pause(caseId, task.getProcessInstanceId(), sent, next);
        return next;
      }
      case "REQUEST_EXTENSION" -> {
        required(task, "extensionReason", "延期理由");
        return next;
      }
      case "CHARGE_FEE" -> {
        FeeTariff.Basis basis = Labelled.parse(BasisCode.class, required(task, "feeBasis", "计费方式"))
            .map(BasisCode::basis)
            .orElseThrow(() -> new BadUserRequestException("计费方式的取值无效"));
        int quantity = number(task, "feeQuantity", "件数或页数");
        if (quantity < 1) {
          throw new BadUserRequestException("件数或页数必须大于0");
        }
        int earlier = basis == FeeTariff.Basis.ITEMS ? earlierItemsThisMonth(caseId) : 0;
        BigDecimal amount = basis == FeeTariff.Basis.PAGES ? FeeTariff.byPages(quantity)
            : FeeTariff.byItems(earlier, quantity);
        if (amount.signum() == 0) {
          throw new BadUserRequestException("按收费标准本申请无需收费（国办函〔2020〕109号），请直接作出答复决定");
        }
        LocalDate noticed = date(task, "feeNoticeDeliveredOn", "申请人收到收费通知日期");
        LocalDate feeDue = clock.deadline(noticed, settings.feePaymentWorkingDays()).due();
        task.setVariable("feeAmount", amount.intValue());
        task.setVariable("feeDueAt", clock.endOf(feeDue));
        String basisText = (basis == FeeTariff.Basis.PAGES ? "按量计收，共" + quantity + "页"
            : "按件计收，本月累计第" + (earlier + 1) + "至" + (earlier + quantity) + "件") + "（国办函〔2020〕109号）";
        letters.issue(task, caseId, LetterKind.FEE_NOTICE, b -> b.feeAmount(amount).feeBasis(basisText).feeDueOn(feeDue)
            .paymentMethod("请持本通知到本机关政府信息公开工作机构窗口缴纳，或按本机关公布的非税收入账户转账"), actor);
        jdbc.sql("UPDATE gk_disclosure_case SET fee_basis = ?, fee_quantity = ?, fee_amount = ?, fee_noticed_on = ?"
                + " WHERE id = ?")
            .params(basis.name(), quantity, amount, noticed, caseId)
            .update();
        if (settings.feePausesReplyClock()) {
          clock.pause(caseId, task.getProcessInstanceId(), noticed, "FEE");
        }
        return "收费 " + amount + " 元";
      }
      default -> throw new BadUserRequestException("下一步的取值无效：" + next);
    }
  }

  /** Items the same applicant already asked for this calendar month, by ID number (109号: per applicant). */
  private int earlierItemsThisMonth(long caseId) {
    LocalDate today = ReplyClock.today();
    return jdbc.sql("""
            SELECT COALESCE(SUM(o.fee_quantity), 0) FROM gk_disclosure_case o, gk_disclosure_case c
            WHERE c.id = ? AND o.id <> c.id AND o.id_number = c.id_number AND o.fee_basis = 'ITEMS'
              AND o.fee_noticed_on >= ? AND o.fee_noticed_on < ?""")
        .params(caseId, today.withDayOfMonth(1), today.withDayOfMonth(1).plusMonths(1))
        .query(Integer.class)
        .single();
  }

  /** Fee bases as form codes. */
  enum BasisCode implements Labelled {
    ITEMS(FeeTariff.Basis.ITEMS, "按件计收"),
    PAGES(FeeTariff.Basis.PAGES, "按量计收");

    private final FeeTariff.Basis basis;
    private final String label;

    BasisCode(FeeTariff.Basis basis, String label) {
      this.basis = basis;
      this.label = label;
    }

    FeeTariff.Basis basis() {
      return basis;
    }

    @Override
    public String label() {
      return label;
    }
  }

  private static void setClockVariables(VariableScope task, ReplyClock.ClockState state) {
    if (state == null) {
      return;
    }
    task.setVariable("replyDueOn", state.due().toString());
    task.setVariable("replyDueProvisional", state.provisional());
    task.setVariable("replyOverdueAt", state.overdueAt());
    task.setVariable("replyReminderAt", state.reminderAt());
  }

  private static Outcome outcome(VariableScope task, String variable, String label) {
    return code(task, variable, label, Outcome.class);
  }

  private static <E extends Enum<E> & Labelled> E code(VariableScope task, String variable, String label,
      Class<E> type) {
    String value = required(task, variable, label);
    return Labelled.parse(type, value)
        .orElseThrow(() -> new BadUserRequestException(label + "的取值无效：" + value + "（" + variable + "）"));
  }
}

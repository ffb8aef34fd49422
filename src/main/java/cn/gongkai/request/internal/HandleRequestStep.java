package cn.gongkai.request.internal;

import cn.gongkai.letters.LetterKind;
import cn.gongkai.request.CaseRegister;
import cn.gongkai.request.CaseRegister.Stage;
import cn.gongkai.request.ClockSettings;
import cn.gongkai.request.DisclosureCase;
import cn.gongkai.request.ExemptionCode;
import cn.gongkai.request.FeeTariff;
import cn.gongkai.request.Labelled;
import cn.gongkai.request.Outcome;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.camunda.bpm.engine.BadUserRequestException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 办理申请: the handler decides the reply (条例第三十六至三十八条), consults a third party or another
 * agency (第三十二、三十四条), asks for an extension (第三十三条) or charges a fee (国办函〔2020〕109号).
 */
@Component
class HandleRequestStep implements CaseStep {

  private final CaseRegister register;
  private final ReplyClock clock;
  private final ClockSettings settings;
  private final JdbcClient jdbc;
  private final CaseLetters letters;
  private final CaseRelease release;

  HandleRequestStep(CaseRegister register, ReplyClock clock, ClockSettings settings, JdbcClient jdbc,
      CaseLetters letters, CaseRelease release) {
    this.register = register;
    this.clock = clock;
    this.settings = settings;
    this.jdbc = jdbc;
    this.letters = letters;
    this.release = release;
  }

  @Override
  public String taskKey() {
    return "Task_HandleRequest";
  }

  @Override
  public StepRecord completed(StepContext step) {
    String next = step.required("nextAction", "下一步");
    step.setVariable("handledBy", step.actor());
    String comment = step.text("decisionReason");
    return switch (next) {
      case "DECIDE" -> StepRecord.of(decide(step), comment);
      case "CONSULT_THIRD_PARTY", "CONSULT_AGENCY" -> consult(step, next, comment);
      case "REQUEST_EXTENSION" -> {
        step.required("extensionReason", "延期理由");
        yield StepRecord.of(next, comment);
      }
      case "CHARGE_FEE" -> chargeFee(step, comment);
      default -> throw new BadUserRequestException("下一步的取值无效：" + next);
    };
  }

  private String decide(StepContext step) {
    long caseId = step.caseId();
    Outcome outcome = step.outcome("outcome", "答复类型");
    if (!outcome.decidedByHandler()) {
      throw new BadUserRequestException("答复类型“" + outcome.label() + "”不能在办理环节作出");
    }
    String exemption = null;
    if (outcome == Outcome.REFUSE) {
      exemption = step.code("exemptionCode", "不予公开的理由", ExemptionCode.class).name();
    }
    String competentAgency = step.text("competentAgency");
    String reason = step.required("decisionReason", "答复内容及理由");
    String guidance = step.text("provisionGuidance");
    if ((outcome == Outcome.ALREADY_PUBLIC || outcome.releasesInformation()) && guidance == null) {
      throw new BadUserRequestException("请填写获取信息的方式和途径（provisionGuidance）");
    }
    String articles = step.text("decisionArticles");
    if (outcome == Outcome.OTHER && articles == null) {
      throw new BadUserRequestException("其他处理须写明依据条款（decisionArticles）");
    }
    // the released files (条例第三十七条: a partial disclosure's withheld grounds are those its marks cite)
    CaseRelease.Checked released = outcome.releasesInformation()
        ? release.checkDecision(step.row(), outcome) : new CaseRelease.Checked(0, java.util.List.of());
    String letterCodes = exemption;
    if (outcome == Outcome.PARTIAL) {
      exemption = released.primaryCode();
      letterCodes = released.codes();
      step.setVariable("exemptionCode", exemption);
    }
    String exemptionCode = letterCodes;
    Integer pages = released.pages() > 0 ? released.pages() : null;
    letters.draftReply(step.execution(), caseId, LetterKind.valueOf(outcome.name()), b -> b.decision(reason)
        .reasons(reason).guidance(guidance).exemptionCode(exemptionCode).competentAgency(competentAgency)
        .articles(articles).releasedPages(pages), step.actor());
    step.setVariable("returnedMarks", null);
    step.setVariable("releasesInformation", outcome.releasesInformation());
    step.setVariable("withholdsInformation", outcome.withholds());
    register.recordHandling(caseId, outcome, exemption, competentAgency, step.actor());
    register.stamp(caseId, Stage.HANDLED, ReplyClock.now());
    return outcome.name() + (exemption == null ? "" : "/" + exemption);
  }

  private StepRecord consult(StepContext step, String next, String comment) {
    long caseId = step.caseId();
    String party = step.required("consultedParty", "征求意见对象");
    LocalDate sent = step.factDate("consultationSentOn", "发出征求意见书日期", clockStart(step.row()), "收到申请日期");
    // the consulted party has 15 working days from receipt; the span is not counted (条例第三十三条第三款)
    LocalDate answerDue = clock.deadline(sent, settings.consultationWorkingDays()).due();
    step.setVariable("consultationDueAt", clock.endOf(answerDue));
    letters.issue(step.execution(), caseId, "CONSULT_AGENCY".equals(next) ? LetterKind.AGENCY_CONSULTATION
        : LetterKind.THIRD_PARTY_CONSULTATION, b -> b.addressee(party).consultationDueOn(answerDue).issuedOn(sent),
        step.actor());
    clock.pause(caseId, step.processInstanceId(), sent, next);
    return new StepRecord(next, comment, sent);
  }

  private StepRecord chargeFee(StepContext step, String comment) {
    long caseId = step.caseId();
    FeeTariff.Basis basis = Labelled.parse(BasisCode.class, step.required("feeBasis", "计费方式"))
        .map(BasisCode::basis)
        .orElseThrow(() -> new BadUserRequestException("计费方式的取值无效"));
    int quantity = step.number("feeQuantity", "件数或页数");
    if (quantity < 1) {
      throw new BadUserRequestException("件数或页数必须大于0");
    }
    LocalDate noticed = step.factDate("feeNoticeDeliveredOn", "申请人收到收费通知日期", clockStart(step.row()),
        "收到申请日期");
    int earlier = basis == FeeTariff.Basis.ITEMS ? earlierItemsInMonthOf(caseId, noticed) : 0;
    BigDecimal amount = basis == FeeTariff.Basis.PAGES ? FeeTariff.byPages(quantity)
        : FeeTariff.byItems(earlier, quantity);
    if (amount.signum() == 0) {
      throw new BadUserRequestException("按收费标准本申请无需收费（国办函〔2020〕109号），请直接作出答复决定");
    }
    LocalDate feeDue = clock.deadline(noticed, settings.feePaymentWorkingDays()).due();
    step.setVariable("feeAmount", amount.intValue());
    step.setVariable("feeDueAt", clock.endOf(feeDue));
    String basisText = (basis == FeeTariff.Basis.PAGES ? "按量计收，共" + quantity + "页"
        : "按件计收，本月累计第" + (earlier + 1) + "至" + (earlier + quantity) + "件") + "（国办函〔2020〕109号）";
    letters.issue(step.execution(), caseId, LetterKind.FEE_NOTICE, b -> b.feeAmount(amount).feeBasis(basisText)
        .feeDueOn(feeDue).issuedOn(noticed)
        .paymentMethod("请持本通知到本机关政府信息公开工作机构窗口缴纳，或按本机关公布的非税收入账户转账"), step.actor());
    jdbc.sql("UPDATE gk_disclosure_case SET fee_basis = ?, fee_quantity = ?, fee_amount = ?, fee_noticed_on = ?"
            + " WHERE id = ?")
        .params(basis.name(), quantity, amount, noticed, caseId)
        .update();
    if (settings.feePausesReplyClock()) {
      clock.pause(caseId, step.processInstanceId(), noticed, "FEE");
    }
    return new StepRecord("收费 " + amount + " 元", comment, noticed);
  }

  /** The day the reply clock (re)started: receipt, or the corrected request. */
  static LocalDate clockStart(DisclosureCase c) {
    return c.clockStartedOn() != null ? c.clockStartedOn() : c.receivedOn();
  }

  /** Items the same applicant already asked for in the notice's calendar month, by ID number (109号: per applicant). */
  private int earlierItemsInMonthOf(long caseId, LocalDate day) {
    return jdbc.sql("""
            SELECT COALESCE(SUM(o.fee_quantity), 0) FROM gk_disclosure_case o, gk_disclosure_case c
            WHERE c.id = ? AND o.id <> c.id AND o.id_number = c.id_number AND o.fee_basis = 'ITEMS'
              AND o.fee_noticed_on >= ? AND o.fee_noticed_on < ?""")
        .params(caseId, day.withDayOfMonth(1), day.withDayOfMonth(1).plusMonths(1))
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
}

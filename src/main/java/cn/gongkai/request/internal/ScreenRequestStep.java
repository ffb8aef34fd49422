package cn.gongkai.request.internal;

import cn.gongkai.letters.LetterKind;
import cn.gongkai.request.CaseRegister;
import cn.gongkai.request.CaseRegister.Stage;
import cn.gongkai.request.ClockSettings;
import cn.gongkai.request.DisclosureCase;
import cn.gongkai.request.Outcome;
import java.time.LocalDate;
import org.camunda.bpm.engine.BadUserRequestException;
import org.springframework.stereotype.Component;

/** 审核申请: accept, ask for correction or volume reasons, or close at screening (条例第三十、三十五、三十九条). */
@Component
class ScreenRequestStep implements CaseStep {

  private final CaseRegister register;
  private final ReplyClock clock;
  private final ClockSettings settings;
  private final CaseLetters letters;

  ScreenRequestStep(CaseRegister register, ReplyClock clock, ClockSettings settings, CaseLetters letters) {
    this.register = register;
    this.clock = clock;
    this.settings = settings;
    this.letters = letters;
  }

  @Override
  public String taskKey() {
    return "Task_ScreenRequest";
  }

  /** The correction notice must go out within 7 working days of receipt (条例第三十条). */
  @Override
  public LocalDate dueOn(DisclosureCase c) {
    LocalDate received = c.clockStartedOn() != null ? c.clockStartedOn() : c.receivedOn();
    return clock.deadline(received, settings.correctionNoticeWorkingDays()).due();
  }

  @Override
  public StepRecord completed(StepContext step) {
    long caseId = step.caseId();
    String screening = step.required("screeningDecision", "审核结论");
    String decision = screening;
    String comment = step.text("screeningComment");
    if ("CLOSE".equals(screening)) {
      Outcome outcome = step.outcome("closingOutcome", "结案方式");
      if (!outcome.decidedAtScreening()) {
        throw new BadUserRequestException("结案方式“" + outcome.label() + "”不能在审核环节作出");
      }
      if (outcome == Outcome.UNCLEAR_AFTER_CORRECTION && step.row().correctionCount() == 0) {
        throw new BadUserRequestException("申请尚未补正，不能以“补正后申请内容仍不明确”结案，请先告知补正");
      }
      step.setVariable("outcome", outcome.name());
      register.recordOutcome(caseId, outcome);
      decision = outcome.name();
      String reasons = step.required("screeningComment", "审核意见（将写入答复书的理由或指引）");
      String articles = step.text("decisionArticles");
      if (outcome == Outcome.CONFIRM_REISSUE && articles == null) {
        throw new BadUserRequestException("请填写依据条款（decisionArticles）");
      }
      letters.issueReply(step.execution(), caseId, LetterKind.valueOf(outcome.name()),
          b -> b.reasons(reasons).guidance(reasons).decision(reasons).articles(articles), step.actor());
    } else if ("NEEDS_CORRECTION".equals(screening) && step.row().correctionCount() > 0) {
      throw new BadUserRequestException("补正告知应一次性告知，已补正过的申请仍不明确的，请选择“补正后申请内容仍不明确”结案");
    }
    register.stamp(caseId, Stage.SCREENED, ReplyClock.now());
    return StepRecord.of(decision, comment);
  }
}

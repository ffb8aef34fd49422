package cn.gongkai.request.internal;

import cn.gongkai.letters.LetterKind;
import cn.gongkai.request.ClockSettings;
import cn.gongkai.request.DisclosureCase;
import java.time.LocalDate;
import org.camunda.bpm.engine.BadUserRequestException;
import org.springframework.stereotype.Component;

/**
 * 审批延期答复: the head of the office approves an extension of up to 20 working days; it counts only if
 * approved on or before the deadline it extends (条例第三十三条第二款), whenever it is entered.
 */
@Component
class ApproveExtensionStep implements CaseStep {

  private final ReplyClock clock;
  private final ClockSettings settings;
  private final CaseLetters letters;

  ApproveExtensionStep(ReplyClock clock, ClockSettings settings, CaseLetters letters) {
    this.clock = clock;
    this.settings = settings;
    this.letters = letters;
  }

  @Override
  public String taskKey() {
    return "Task_ApproveExtension";
  }

  @Override
  public StepRecord completed(StepContext step) {
    String decision = step.required("extensionDecision", "审批意见");
    if (!"APPROVED".equals(decision)) {
      return StepRecord.of(decision, null);
    }
    int days = step.number("extensionWorkingDays", "延长的工作日数");
    if (days < 1 || days > settings.maxExtensionWorkingDays()) {
      throw new BadUserRequestException(
          "延长答复期限最长不得超过" + settings.maxExtensionWorkingDays() + "个工作日（条例第三十三条第二款）");
    }
    DisclosureCase c = step.row();
    LocalDate due = c.replyDueOn();
    LocalDate approvedOn = step.factDate("extensionApprovedOn", "批准延期日期", HandleRequestStep.clockStart(c),
        "收到申请日期");
    if (approvedOn.isAfter(due)) {
      throw new BadUserRequestException("答复期限已于" + due + "届满，批准延期日期（" + approvedOn
          + "）在期限届满之后，不能延期（延期须在期限届满前批准并告知，条例第三十三条第二款）（extensionApprovedOn）");
    }
    ReplyClock.ClockState extended = clock.extend(step.caseId(), days, approvedOn, step.actor());
    step.clockMoved(extended);
    String reason = step.text("extensionReason");
    letters.issue(step.execution(), step.caseId(), LetterKind.EXTENSION_NOTICE,
        b -> b.reasons(reason).replyDueOn(due).extendedDueOn(extended.due()).issuedOn(approvedOn), step.actor());
    return new StepRecord("同意延期" + days + "个工作日", null, approvedOn);
  }
}

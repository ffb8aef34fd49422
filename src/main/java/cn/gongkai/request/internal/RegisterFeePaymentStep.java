package cn.gongkai.request.internal;

import cn.gongkai.request.ClockSettings;
import cn.gongkai.request.DisclosureCase;
import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** 登记缴费: the fee paid; a paused reply clock resumes from the day of payment (国办函〔2020〕109号). */
@Component
class RegisterFeePaymentStep implements CaseStep {

  private final ReplyClock clock;
  private final ClockSettings settings;
  private final JdbcClient jdbc;

  RegisterFeePaymentStep(ReplyClock clock, ClockSettings settings, JdbcClient jdbc) {
    this.clock = clock;
    this.settings = settings;
    this.jdbc = jdbc;
  }

  @Override
  public String taskKey() {
    return "Task_RegisterFeePayment";
  }

  @Override
  public StepRecord completed(StepContext step) {
    DisclosureCase c = step.row();
    LocalDate noticed = c.feeNoticedOn() != null ? c.feeNoticedOn() : HandleRequestStep.clockStart(c);
    LocalDate paid = step.factDate("feePaidOn", "缴费日期", noticed, "申请人收到收费通知日期");
    jdbc.sql("UPDATE gk_disclosure_case SET fee_paid_on = ? WHERE id = ?").params(paid, step.caseId()).update();
    if (settings.feePausesReplyClock()) {
      step.clockMoved(clock.resume(step.caseId(), paid, step.actor()));
    }
    return new StepRecord("已于 " + paid + " 缴费", null, paid);
  }
}

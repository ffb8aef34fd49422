package cn.gongkai.request.internal;

import cn.gongkai.request.DisclosureCase;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/** 告知申请人延期答复: the day the extension notice went to the applicant (条例第三十三条第二款). */
@Component
class NotifyExtensionStep implements CaseStep {

  @Override
  public String taskKey() {
    return "Task_NotifyExtension";
  }

  @Override
  public StepRecord completed(StepContext step) {
    DisclosureCase c = step.row();
    LocalDate approved = c.extensionApprovedOn();
    LocalDate sent = step.factDate("extensionNoticeSentOn", "告知日期",
        approved != null ? approved : HandleRequestStep.clockStart(c), approved != null ? "批准延期日期" : "收到申请日期");
    return new StepRecord("已于 " + sent + " 告知申请人", null, sent);
  }
}

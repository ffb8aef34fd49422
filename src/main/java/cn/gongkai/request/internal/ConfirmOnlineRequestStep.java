package cn.gongkai.request.internal;

import cn.gongkai.request.OnlineSubmissions;
import cn.gongkai.request.OnlineSubmissions.PendingSubmission;
import cn.gongkai.workflow.FormFields;
import java.time.LocalDate;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * 确认网上申请: intake confirms an online submission with the applicant, and the day both sides confirm it
 * is the date of receipt (条例第三十一条); or finds it is not a request at all and says why. There is no
 * case yet (it is registered right after acceptance), so this step works on the submission.
 */
@Component
class ConfirmOnlineRequestStep {

  static final String TASK = "Task_ConfirmOnlineRequest";

  private final ObjectProvider<OnlineSubmissions> online;

  ConfirmOnlineRequestStep(ObjectProvider<OnlineSubmissions> online) {
    this.online = online;
  }

  void completed(DelegateExecution execution) {
    PendingSubmission submission = online.getObject().pending(execution.getProcessInstanceId())
        .orElseThrow(() -> new BadUserRequestException("该网上申请已处理或不存在"));
    String decision = FormFields.required(execution, "onlineRequestDecision", "确认结果");
    switch (decision) {
      case "ACCEPT" -> {
        LocalDate receivedOn = FactDates.check(
            FormFields.date(execution, "receivedOn", "收到申请日期（双方确认之日）"), "receivedOn",
            "收到申请日期（双方确认之日）", submission.submittedOn(), "网上提交日期");
        execution.setVariable("receivedOn", receivedOn.toString());
      }
      case "REFUSE" -> {
        String reason = FormFields.required(execution, "refusalReason", "不作为申请处理的理由");
        if (reason.length() > 1000) {
          throw new BadUserRequestException("不作为申请处理的理由不能超过1000个字（refusalReason）");
        }
        online.getObject().refused(execution.getProcessInstanceId(), reason, ReplyClock.today());
      }
      default -> throw new BadUserRequestException("确认结果的取值无效：" + decision + "（onlineRequestDecision）");
    }
  }
}

package cn.gongkai.request.internal;

import cn.gongkai.request.CaseRegister;
import cn.gongkai.request.DisclosureCase;
import cn.gongkai.request.ReplyDeliveryMethod;
import java.time.LocalDate;
import org.camunda.bpm.engine.BadUserRequestException;
import org.springframework.stereotype.Component;

/**
 * 送达答复: the day the reply reached the applicant (by post: the day handed to the post office, which
 * counts as the day of reply), entered as it happened, never before the sign-off day.
 */
@Component
class DeliverReplyStep implements CaseStep {

  private final CaseRegister register;
  private final CaseLetters letters;
  private final CaseReferrals referrals;

  DeliverReplyStep(CaseRegister register, CaseLetters letters, CaseReferrals referrals) {
    this.register = register;
    this.letters = letters;
    this.referrals = referrals;
  }

  @Override
  public String taskKey() {
    return "Task_DeliverReply";
  }

  @Override
  public StepRecord completed(StepContext step) {
    DisclosureCase c = step.row();
    ReplyDeliveryMethod method = step.code("replyDeliveryMethod", "送达方式", ReplyDeliveryMethod.class);
    LocalDate signed = c.signedOffOn();
    LocalDate notBefore = signed != null ? signed : HandleRequestStep.clockStart(c);
    String notBeforeLabel = signed != null ? "签发日期" : "收到申请日期";
    LocalDate repliedOn = step.factDate("repliedOn", "答复日期", notBefore, notBeforeLabel);
    LocalDate postedOn = null;
    String trackingNumber = null;
    if (method == ReplyDeliveryMethod.POST) {
      // by post, the day handed to the post office is the day of reply; the tracking number proves it
      trackingNumber = step.required("trackingNumber", "挂号信/EMS 单号");
      if (trackingNumber.length() > 64) {
        throw new BadUserRequestException("挂号信/EMS 单号不能超过64个字符（trackingNumber）");
      }
      postedOn = step.factDate("postedOn", "交邮日期", notBefore, notBeforeLabel);
    }
    // the date of reply is the letter's delivery (by post: the day handed to the post office)
    LocalDate replyDate = letters.deliverReply(step.execution(), step.caseId(), cn.gongkai.letters.DeliveryMethod.valueOf(
        method.name()), postedOn != null ? postedOn : repliedOn, postedOn, step.actor());
    if (postedOn != null) {
      step.setVariable("repliedOn", replyDate.toString());
    }
    register.recordReply(step.caseId(), replyDate, method, postedOn, trackingNumber);
    // 非本机关 naming an agency on the platform: the office may transfer the request there (转办)
    referrals.referIfTransferred(step.execution(), c, step.actor());
    return new StepRecord(method.label() + " " + replyDate, null, replyDate);
  }
}

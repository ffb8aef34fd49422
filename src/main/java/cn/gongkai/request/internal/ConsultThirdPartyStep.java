package cn.gongkai.request.internal;

import org.springframework.stereotype.Component;

/** 征求第三方意见: the third party's answer (条例第三十二条). */
@Component
class ConsultThirdPartyStep extends ConsultStep {

  ConsultThirdPartyStep(ReplyClock clock) {
    super(clock, "thirdPartyAnswer", "thirdPartyOpinion");
  }

  @Override
  public String taskKey() {
    return "Task_ConsultThirdParty";
  }
}

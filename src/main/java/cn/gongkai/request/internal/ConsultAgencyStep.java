package cn.gongkai.request.internal;

import org.springframework.stereotype.Component;

/** 征求其他机关意见: the co-producing agency's answer (条例第三十四条). */
@Component
class ConsultAgencyStep extends ConsultStep {

  ConsultAgencyStep(ReplyClock clock) {
    super(clock, "agencyAnswer", "agencyOpinion");
  }

  @Override
  public String taskKey() {
    return "Task_ConsultAgency";
  }
}

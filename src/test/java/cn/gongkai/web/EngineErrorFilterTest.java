package cn.gongkai.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;

/** The refusal's sentence without the engine's wrapping. */
class EngineErrorFilterTest {

  @Test
  void stripsCamundasPrefixesFromARefusal() {
    assertThat(EngineErrorFilter.unwrapped("Cannot submit task form 3f2a-11: 审核结论为必填项（screeningDecision）"))
        .isEqualTo("审核结论为必填项（screeningDecision）");
    assertThat(EngineErrorFilter.unwrapped("Cannot instantiate process definition disclosure-request:1:ab-12: "
        + "证件号码不是有效的居民身份证号码（校验位不符）（idNumber）"))
        .isEqualTo("证件号码不是有效的居民身份证号码（校验位不符）（idNumber）");
    assertThat(EngineErrorFilter.unwrapped("Cannot complete task 7: ENGINE-03051 There was an exception while "
        + "invoking the TaskListener. Message: '退回时必须写明理由'"))
        .isEqualTo("退回时必须写明理由");
    assertThat(EngineErrorFilter.unwrapped("退回时必须写明理由")).isEqualTo("退回时必须写明理由");
  }

  @Test
  void findsTheInnermostRefusalInTheCauseChain() {
    ProcessEngineException wrapped = new ProcessEngineException("ENGINE-03051 There was an exception",
        new BadUserRequestException("退回时必须写明理由"));
    assertThat(EngineErrors.refusal(wrapped)).isEqualTo("退回时必须写明理由");
    assertThat(EngineErrors.refusal(new ProcessEngineException("boom", new IllegalStateException("x")))).isNull();
    assertThat(EngineErrors.refusal(new ProcessEngineException("x",
        new BadRequestException("workingDays", "工作日数超出可计算的范围（0—10000）"))))
        .isEqualTo("工作日数超出可计算的范围（0—10000）（workingDays）");
  }
}

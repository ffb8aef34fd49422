package cn.gongkai.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gongkai.testing.EngineDriver;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * One mechanism for both processes: a submission through TaskService, FormService or a process start
 * carries only the fields its Camunda Form declares; a field the form only shows may not change.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DeclaredFieldsIT {

  @Autowired ProcessEngine engine;

  EngineDriver driver;

  @BeforeEach
  void setUp() {
    driver = new EngineDriver(engine);
    EngineDriver.clockAt("2026-11-16T09:00");
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  static Map<String, Object> request() {
    Map<String, Object> fields = new HashMap<>();
    fields.put("applicantType", "NATURAL_PERSON");
    fields.put("applicantName", "张三");
    fields.put("idType", "ID_CARD");
    fields.put("idNumber", "11010519491231002X");
    fields.put("phone", "13812345678");
    fields.put("channel", "IN_PERSON");
    fields.put("receivedOn", "2026-11-16");
    fields.put("description", "2025年度楚雄市城市道路维修工程招标文件");
    return fields;
  }

  static Map<String, Object> policyWithoutPlan() {
    Map<String, Object> fields = new HashMap<>();
    fields.put("policyTitle", "楚雄州关于进一步优化营商环境的若干措施");
    fields.put("documentNumber", "楚政发〔2026〕12号");
    fields.put("draftingDepartment", "州发展和改革委员会");
    fields.put("firstInterpreter", "州发展和改革委员会主任");
    fields.put("disclosureAttribute", "PROACTIVE");
    fields.put("interpretationMaterials", "政策解读（文字稿及一图读懂）");
    fields.put("interpretByText", true);
    fields.put("publicInterest", false);
    return fields;
  }

  @Test
  void refusesACompletionWithAVariableTheTasksFormDoesNotDeclare() {
    ProcessInstance pi = driver.startAs("intake", "disclosure-request", request());
    Task task = driver.task(pi, "Task_ScreenRequest");

    assertThatThrownBy(() -> driver.as("intake", () -> {
      engine.getTaskService().complete(task.getId(), Map.of("screeningDecision", "ACCEPT", "caseId", 1L));
      return null;
    })).isInstanceOf(BadUserRequestException.class).hasMessageContaining("caseId").hasMessageContaining("表单");
    assertThatThrownBy(() -> driver.as("intake", () -> {
      engine.getFormService().submitTaskForm(task.getId(), Map.of("screeningDecision", "ACCEPT",
          "replyDueOn", "2027-12-31"));
      return null;
    })).isInstanceOf(BadUserRequestException.class).hasMessageContaining("replyDueOn");

    assertThat(driver.task(pi, "Task_ScreenRequest")).isNotNull();
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), "replyDueOn")).isNotEqualTo("2027-12-31");
  }

  @Test
  void acceptsAFieldTheFormOnlyShowsWhenItComesBackUnchanged() {
    ProcessInstance pi = driver.startAs("intake", "disclosure-request", request());
    Task task = driver.task(pi, "Task_ScreenRequest");
    Object caseNumber = engine.getRuntimeService().getVariable(pi.getId(), "caseNumber");

    driver.as("intake", () -> {
      engine.getFormService().submitTaskForm(task.getId(), Map.of("screeningDecision", "ACCEPT",
          "caseNumber", caseNumber));
      return null;
    });

    assertThat(driver.task(pi, "Task_HandleRequest")).isNotNull();
  }

  @Test
  void acceptsAShownNumberSentBackAsAnotherNumericTypeButNotAChangedOne() {
    ProcessInstance pi = driver.startAs("intake", "disclosure-request", request());
    driver.complete(pi, "Task_ScreenRequest", "intake", Map.of("screeningDecision", "ACCEPT"));
    driver.complete(pi, "Task_HandleRequest", "handler", Map.of("nextAction", "CHARGE_FEE", "feeBasis", "PAGES",
        "feeQuantity", 100, "feeNoticeDeliveredOn", "2026-11-16"));

    assertThatThrownBy(() -> driver.complete(pi, "Task_RegisterFeePayment", "intake",
        Map.of("feeAmount", 1L, "feePaidOn", "2026-11-16")))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("feeAmount").hasMessageContaining("只供查看");
    driver.complete(pi, "Task_RegisterFeePayment", "intake", Map.of("feeAmount", 700L, "feePaidOn", "2026-11-16"));

    assertThat(driver.task(pi, "Task_HandleRequest")).isNotNull();
    assertThat(((Number) engine.getRuntimeService().getVariable(pi.getId(), "feeAmount")).intValue()).isEqualTo(700);
  }

  @Test
  void refusesAStartWithAVariableTheStartFormDoesNotDeclare() {
    Map<String, Object> fields = request();
    fields.put("caseId", 1L);
    long before = engine.getRuntimeService().createProcessInstanceQuery().count();

    assertThatThrownBy(() -> driver.startAs("intake", "disclosure-request", fields))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("caseId");
    assertThatThrownBy(() -> driver.as("intake",
        () -> engine.getRuntimeService().startProcessInstanceByKey("disclosure-request", fields)))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("caseId");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isEqualTo(before);
  }

  @Test
  void refusesTheOfficeSupplyingTheInterpretationPlanWithItsReceiptDecision() {
    // given a 三同步 submission without its interpretation plan, waiting for the office's receipt
    ProcessInstance pi = driver.startAs("drafter", "policy-interpretation", policyWithoutPlan());
    Task receipt = driver.task(pi, "Task_ReceiveSubmission");

    // when the office sends the plan itself with its decision, the submission is refused
    assertThatThrownBy(() -> driver.complete(pi, "Task_ReceiveSubmission", "office",
        Map.of("receiptDecision", "ACCEPTED", "interpretationPlan", "办公室代拟的解读方案")))
        .isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("interpretationPlan");

    // and nothing changed
    assertThat(driver.task(pi, "Task_ReceiveSubmission").getId()).isEqualTo(receipt.getId());
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), "interpretationPlan")).isNull();
  }
}

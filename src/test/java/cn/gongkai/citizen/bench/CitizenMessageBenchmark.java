package cn.gongkai.citizen.bench;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.citizen.CitizenMessageRegister;
import cn.gongkai.citizen.CitizenMessages;
import cn.gongkai.citizen.MessageChannel;
import cn.gongkai.citizen.MessageType;
import cn.gongkai.testing.EngineDriver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Throughput of a citizen's message through its main path (受理并转办 → 办理答复 → 审核 → 反馈 → 办结) against a bare
 * Camunda process with the same four user tasks and candidate groups and nothing else, in the same engine, run
 * in alternating blocks. Both start and complete as the demo users (authorization and tenants on); gongkai's start
 * registers the message (register row, number, deadline) as the API does. Not part of the build (its name matches
 * neither *Test nor *IT); run it with
 * <pre>./mvnw -B -o test -Dtest=CitizenMessageBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 * Results go to the console and target/benchmarks/citizen-message.txt; the recorded run is in
 * src/test/benchmarks/citizen-message-results.md.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CitizenMessageBenchmark {

  static final int CASES = Integer.getInteger("bench.cases", 300);
  static final int BLOCK = 25;
  static final int WARM_UP = 25;
  static final String BARE = "bare-message";

  @Autowired ProcessEngine engine;
  @Autowired CitizenMessages messages;

  @AfterAll
  void reset() {
    ClockUtil.reset();
  }

  @Test
  void citizenMessageAgainstBareCamunda() throws IOException {
    EngineDriver.clockAt("2026-11-16T09:00");
    BpmnModelInstance bare = Bpmn.createExecutableProcess(BARE).camundaHistoryTimeToLive(3650)
        .startEvent()
        .userTask("Accept").camundaCandidateGroups("office")
        .userTask("Answer").camundaCandidateGroups("handler")
        .userTask("Review").camundaCandidateGroups("office")
        .userTask("Feedback").camundaCandidateGroups("office")
        .endEvent().done();
    engine.getRepositoryService().createDeployment().addModelInstance("bare-message.bpmn", bare).deploy();
    AuthorizationService authorizations = engine.getAuthorizationService();
    Authorization definition = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    definition.setGroupId("office");
    definition.setResource(Resources.PROCESS_DEFINITION);
    definition.setResourceId(BARE);
    definition.addPermission(Permissions.READ);
    definition.addPermission(Permissions.CREATE_INSTANCE);
    authorizations.saveAuthorization(definition);

    EngineDriver driver = new EngineDriver(engine);
    Supplier<String> gongkai = () -> driver.as("office", () -> messages.receive(new CitizenMessageRegister.Received(
        MessageChannel.WEBSITE, LocalDate.of(2026, 11, 16), MessageType.CONSULTATION, "关于居住证的咨询",
        "请问办理居住证需要哪些材料？", true, "李明华", "13812345678", null), "chuxiong", "office").processInstanceId());
    Supplier<String> plain = () -> driver.as("office",
        () -> engine.getRuntimeService().startProcessInstanceByKey(BARE).getId());

    for (int i = 0; i < WARM_UP; i++) {
      runGongkai(driver, gongkai.get());
      runBare(driver, plain.get());
    }
    long gongkaiNanos = 0;
    long bareNanos = 0;
    for (int done = 0; done < CASES; done += BLOCK) {
      long t0 = System.nanoTime();
      for (int i = 0; i < BLOCK; i++) {
        runGongkai(driver, gongkai.get());
      }
      long t1 = System.nanoTime();
      for (int i = 0; i < BLOCK; i++) {
        runBare(driver, plain.get());
      }
      long t2 = System.nanoTime();
      gongkaiNanos += t1 - t0;
      bareNanos += t2 - t1;
    }
    double gongkaiRate = CASES / (gongkaiNanos / 1e9);
    double bareRate = CASES / (bareNanos / 1e9);
    String result = String.format(Locale.ROOT,
        "[bench] %s citizen-message main path, %d cases each in blocks of %d after %d warm-up: gongkai %.1f cases/s"
            + " (%.1f ms/case), bare Camunda %.1f cases/s (%.1f ms/case), ratio gongkai/bare %.2f; cores %d, load %s%n",
        LocalDateTime.now().withNano(0), CASES, BLOCK, WARM_UP, gongkaiRate, 1000 / gongkaiRate, bareRate,
        1000 / bareRate, gongkaiRate / bareRate, Runtime.getRuntime().availableProcessors(),
        Files.readString(Path.of("/proc/loadavg")).strip());
    System.out.print(result);
    Files.createDirectories(Path.of("target/benchmarks"));
    Files.writeString(Path.of("target/benchmarks/citizen-message.txt"), result);
    assertThat(gongkaiRate).isPositive();
  }

  private void runGongkai(EngineDriver driver, String instance) {
    complete(driver, instance, "Task_AcceptMessage", "office",
        Map.of("acceptDecision", "ACCEPTED", "acceptedOn", "2026-11-16", "responsibleDepartment", "州公安局（基准）"));
    complete(driver, instance, "Task_AnswerMessage", "handler",
        Map.of("answerDecision", "ANSWERED", "answerText", "需携带身份证、居住证明。", "answeredOn", "2026-11-16"));
    complete(driver, instance, "Task_ReviewMessageAnswer", "office",
        Map.of("reviewDecision", "APPROVED", "publishAnswer", false));
    complete(driver, instance, "Task_FeedBackToCitizen", "office",
        Map.of("feedbackOn", "2026-11-16", "feedbackMethod", "SMS"));
  }

  private void runBare(EngineDriver driver, String instance) {
    complete(driver, instance, "Accept", "office",
        Map.of("acceptDecision", "ACCEPTED", "acceptedOn", "2026-11-16", "responsibleDepartment", "州公安局（基准）"));
    complete(driver, instance, "Answer", "handler",
        Map.of("answerDecision", "ANSWERED", "answerText", "需携带身份证、居住证明。", "answeredOn", "2026-11-16"));
    complete(driver, instance, "Review", "office", Map.of("reviewDecision", "APPROVED", "publishAnswer", false));
    complete(driver, instance, "Feedback", "office", Map.of("feedbackOn", "2026-11-16", "feedbackMethod", "SMS"));
  }

  /** Finds the task as its user would (candidate group query) and completes it. */
  private void complete(EngineDriver driver, String instance, String key, String user, Map<String, Object> fields) {
    driver.as(user, () -> {
      Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance).taskDefinitionKey(key)
          .taskCandidateUser(user).singleResult();
      engine.getTaskService().complete(task.getId(), fields);
      return null;
    });
  }
}

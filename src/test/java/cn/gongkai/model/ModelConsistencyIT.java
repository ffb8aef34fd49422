package cn.gongkai.model;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.citizen.CitizenMessageVariables;
import cn.gongkai.interpretation.PolicyVariables;
import cn.gongkai.proposal.ProposalVariables;
import cn.gongkai.request.DisclosureVariables;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Reads bpmn/ and forms/ as they are in the repository and fails on what would break or confuse at
 * run time: generated ids, a formRef with no file, a form field no process variable matches, a
 * delegate expression with no bean, a user task nobody may work.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ModelConsistencyIT {

  /** The variables each process declares (besides those its expressions name). */
  static final Map<String, Set<String>> DECLARED_VARIABLES = Map.of(
      "disclosure-request", DisclosureVariables.ALL,
      DisclosureVariables.REFERRAL_PROCESS_KEY, DisclosureVariables.REFERRAL,
      PolicyVariables.PROCESS_KEY, PolicyVariables.ALL,
      ProposalVariables.PROCESS_KEY, ProposalVariables.ALL,
      cn.gongkai.opinion.OpinionVariables.PROCESS_KEY, cn.gongkai.opinion.OpinionVariables.ALL,
      cn.gongkai.casestudy.CaseStudyVariables.PROCESS_KEY, cn.gongkai.casestudy.CaseStudyVariables.ALL,
      CitizenMessageVariables.PROCESS_KEY, CitizenMessageVariables.ALL);

  private static final Pattern GENERATED_ID =
      Pattern.compile("(^|_)(\\d+|[0-9a-z]{7})$|^(Activity|Flow|Event|Gateway|Process|Form)_[0-9a-z]+$");
  private static final Pattern STYLE_ID = Pattern.compile("^[A-Z][A-Za-z]*_[A-Z][A-Za-z]*$|^[a-z]+(-[a-z]+)*$");
  private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}]*)}");
  private static final Pattern IDENTIFIER = Pattern.compile("(?<![.'\\w])([a-zA-Z_][a-zA-Z0-9_]*)(?!\\s*\\()");

  @Autowired ApplicationContext context;

  private final ObjectMapper json = new ObjectMapper();

  static List<Path> files(String folder, String suffix) throws IOException {
    try (Stream<Path> paths = Files.list(Path.of(folder))) {
      return paths.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
    }
  }

  @Test
  void everyBpmnIdIsStableAndTechnical() throws IOException {
    List<String> bad = new ArrayList<>();
    for (Path file : files("bpmn", ".bpmn")) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      for (BaseElement element : model.getModelElementsByType(BaseElement.class)) {
        String id = element.getId();
        if (id == null || id.endsWith("_di") || id.startsWith("BPMNDiagram_") || id.startsWith("BPMNPlane_")
            || id.startsWith("Definitions_")) {
          continue;
        }
        if (GENERATED_ID.matcher(id).find() || !STYLE_ID.matcher(id).matches()) {
          bad.add(file.getFileName() + ": " + id);
        }
      }
    }
    assertThat(bad).as("generated or non-conventional ids").isEmpty();
  }

  @Test
  void everyFormRefHasItsFileAndEveryFormIsUsed() throws IOException {
    Set<String> referenced = new HashSet<>();
    for (Path file : files("bpmn", ".bpmn")) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        assertThat(task.getCamundaFormRef()).as("formRef of " + task.getId()).isNotBlank();
        assertThat(task.getCamundaFormRefBinding()).as("binding of " + task.getId()).isEqualTo("deployment");
        referenced.add(task.getCamundaFormRef());
      }
      for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
        if (start.getCamundaFormRef() != null) {
          referenced.add(start.getCamundaFormRef());
        }
      }
    }
    Set<String> formIds = new HashSet<>();
    for (Path form : files("forms", ".form")) {
      String id = json.readTree(form.toFile()).path("id").asText();
      assertThat(form.getFileName().toString()).isEqualTo(id + ".form");
      formIds.add(id);
    }
    assertThat(formIds).as("form files").containsAll(referenced);
    assertThat(referenced).as("forms used by a task").containsAll(formIds);
  }

  @Test
  void everyUserTaskHasAChineseNameAndACandidateGroup() throws IOException {
    for (Path file : files("bpmn", ".bpmn")) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        assertThat(task.getName()).as("name of " + task.getId()).matches(".*\\p{IsHan}.*");
        assertThat(task.getCamundaCandidateGroups()).as("candidate group of " + task.getId()).isNotBlank();
      }
    }
  }

  @Test
  void everyFormFieldIsAVariableTheProcessUses() throws IOException {
    Map<String, Set<String>> keysByForm = new java.util.HashMap<>();
    for (Path form : files("forms", ".form")) {
      JsonNode root = json.readTree(form.toFile());
      Set<String> keys = new HashSet<>();
      collectKeys(root.path("components"), keys);
      keysByForm.put(root.path("id").asText(), keys);
    }
    List<String> unknown = new ArrayList<>();
    for (Path file : files("bpmn", ".bpmn")) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      String processKey = model.getModelElementsByType(Process.class).iterator().next().getId();
      Set<String> variables = new HashSet<>(DECLARED_VARIABLES.getOrDefault(processKey, Set.of()));
      Matcher expression = EXPRESSION.matcher(Files.readString(file));
      while (expression.find()) {
        Matcher identifier = IDENTIFIER.matcher(expression.group(1));
        while (identifier.find()) {
          variables.add(identifier.group(1));
        }
      }
      List<String> formRefs = new ArrayList<>();
      model.getModelElementsByType(UserTask.class).forEach(t -> formRefs.add(t.getCamundaFormRef()));
      model.getModelElementsByType(StartEvent.class).forEach(s -> formRefs.add(s.getCamundaFormRef()));
      for (String formRef : formRefs) {
        if (formRef == null) {
          continue;
        }
        for (String key : keysByForm.getOrDefault(formRef, Set.of())) {
          if (!variables.contains(key)) {
            unknown.add(formRef + ".form: " + key);
          }
        }
      }
    }
    assertThat(unknown).as("form fields no process variable matches").isEmpty();
  }

  @Test
  void everyDelegateExpressionNamesABean() throws IOException {
    List<String> missing = new ArrayList<>();
    for (Path file : files("bpmn", ".bpmn")) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
        String expression = task.getCamundaDelegateExpression();
        assertThat(expression).as("delegate of " + task.getId()).isNotNull().matches("\\$\\{[A-Za-z]+}");
        String bean = expression.substring(2, expression.length() - 1);
        if (!context.containsBean(bean)) {
          missing.add(task.getId() + " -> " + bean);
        }
      }
    }
    assertThat(missing).as("delegate expressions with no bean").isEmpty();
  }

  @Test
  void everyTimerAndGatewayQuestionCitesItsBasisOrIsLabelled() throws IOException {
    for (Path file : files("bpmn", ".bpmn")) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.BoundaryEvent.class).forEach(timer ->
          assertThat(timer.getDocumentations()).as("legal basis of " + timer.getId()).isNotEmpty());
      model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.ExclusiveGateway.class).stream()
          .filter(g -> g.getOutgoing().size() > 1)
          .forEach(g -> assertThat(g.getName()).as("question of " + g.getId()).endsWith("？"));
    }
  }

  private static void collectKeys(JsonNode components, Set<String> keys) {
    for (JsonNode component : components) {
      if (component.hasNonNull("key")) {
        keys.add(component.get("key").asText());
      }
      collectKeys(component.path("components"), keys);
    }
  }
}

package cn.gongkai.interpretation.internal;

import static cn.gongkai.interpretation.PolicyVariables.CASE_ID;
import static cn.gongkai.interpretation.PolicyVariables.CASE_NUMBER;
import static cn.gongkai.interpretation.PolicyVariables.DISCLOSURE_ATTRIBUTE;
import static cn.gongkai.interpretation.PolicyVariables.DISCLOSURE_REASON;
import static cn.gongkai.interpretation.PolicyVariables.DOCUMENT_NUMBER;
import static cn.gongkai.interpretation.PolicyVariables.DRAFTING_DEPARTMENT;
import static cn.gongkai.interpretation.PolicyVariables.FIRST_INTERPRETER;
import static cn.gongkai.interpretation.PolicyVariables.INTERPRETATION_MATERIALS;
import static cn.gongkai.interpretation.PolicyVariables.INTERPRETATION_PLAN;
import static cn.gongkai.interpretation.PolicyVariables.INTERPRET_OTHER_FORMS;
import static cn.gongkai.interpretation.PolicyVariables.MISSING_ITEMS;
import static cn.gongkai.interpretation.PolicyVariables.POLICY_TITLE;
import static cn.gongkai.interpretation.PolicyVariables.PUBLIC_COMMENT_REQUIRED;
import static cn.gongkai.interpretation.PolicyVariables.PUBLIC_INTEREST;
import static cn.gongkai.interpretation.PolicyVariables.PUBLISHED_PROACTIVELY;

import cn.gongkai.interpretation.InterpretationForm;
import cn.gongkai.interpretation.PolicyCase;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The register's copy of the drafter's submission written back into the process variables, with what is
 * derived from it (the 收文 findings, the route). The forms show these variables and the gateways read
 * them; a task that sent its own {@code interpretationPlan} or {@code publishedProactively} changes neither
 * what the next person sees nor where the case goes. Only values that differ are written.
 */
final class RegisteredSubmission {

  private RegisteredSubmission() {}

  static void restore(VariableScope scope, PolicyCase c) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put(CASE_ID, c.id());
    values.put(CASE_NUMBER, c.caseNumber());
    values.put(POLICY_TITLE, c.title());
    values.put(DOCUMENT_NUMBER, c.documentNumber());
    values.put(DRAFTING_DEPARTMENT, c.draftingDepartment());
    values.put(FIRST_INTERPRETER, c.firstInterpreter());
    values.put(DISCLOSURE_ATTRIBUTE, c.disclosureAttribute() == null ? null : c.disclosureAttribute().name());
    values.put(DISCLOSURE_REASON, c.disclosureReason());
    values.put(INTERPRETATION_PLAN, c.interpretationPlan());
    values.put(INTERPRETATION_MATERIALS, c.interpretationMaterials());
    values.put(PUBLIC_INTEREST, c.publicInterest());
    List<String> labels = c.interpretationForms() == null || c.interpretationForms().isBlank() ? List.of()
        : Arrays.asList(c.interpretationForms().split("、"));
    List<String> other = new ArrayList<>(labels);
    for (InterpretationForm form : InterpretationForm.values()) {
      boolean chosen = labels.contains(form.label());
      other.remove(form.label());
      values.put(form.variable(), chosen);
    }
    values.put(INTERPRET_OTHER_FORMS, other.isEmpty() ? null : String.join("、", other));
    List<String> missing = c.missingItems();
    values.put(MISSING_ITEMS, missing.isEmpty() ? null : String.join("；", missing));
    values.put(PUBLIC_COMMENT_REQUIRED, c.publicInterest() && c.commentEndOn() == null);
    values.put(PUBLISHED_PROACTIVELY, c.disclosureAttribute() != null && c.disclosureAttribute().publishedProactively());
    values.forEach((name, value) -> {
      if (!scope.hasVariable(name) || !Objects.equals(scope.getVariable(name), value)) {
        scope.setVariable(name, value);
      }
    });
  }
}

package cn.gongkai.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The Chinese words for the codes a step records (同意 for APPROVED, 予以公开 for DISCLOSE): the labels of the
 * options the step's own form offered (forms/screen-request.form for Task_ScreenRequest), then the labelled
 * enums. The forms are what staff chose from, so the case page reads back the same words.
 */
@Component
public class DecisionLabels {

  /** Form id -> option value -> label. */
  private final Map<String, Map<String, String>> options = new HashMap<>();
  /** Field key (= process variable) -> option value -> label, over all forms. */
  private final Map<String, Map<String, String>> byVariable = new java.util.TreeMap<>();

  DecisionLabels() {
    ObjectMapper json = new ObjectMapper();
    try {
      for (Resource form : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form")) {
        try (InputStream in = form.getInputStream()) {
          JsonNode schema = json.readTree(in);
          Map<String, String> labels = new HashMap<>();
          collect(schema.path("components"), labels, byVariable);
          options.put(schema.path("id").asText(), labels);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read forms/ from the classpath", e);
    }
  }

  private static void collect(JsonNode components, Map<String, String> labels,
      Map<String, Map<String, String>> byVariable) {
    for (JsonNode component : components) {
      // the step's own decision (an editable field) names a code, not the earlier results the form shows read-only
      // (签发 for the sign-off's APPROVED, not the secrecy review's 通过 shown above it)
      boolean decision = !component.path("readonly").asBoolean(false) && !component.path("disabled").asBoolean(false);
      for (JsonNode value : component.path("values")) {
        if (decision) {
          labels.put(value.path("value").asText(), value.path("label").asText());
        } else {
          labels.putIfAbsent(value.path("value").asText(), value.path("label").asText());
        }
        byVariable.computeIfAbsent(component.path("key").asText(), k -> new java.util.TreeMap<>())
            .putIfAbsent(value.path("value").asText(), value.path("label").asText());
      }
      collect(component.path("components"), labels, byVariable);
    }
  }

  /** For each process variable set from a choice in a form, the Chinese label of each of its values. */
  public Map<String, Map<String, String>> variableLabels() {
    return java.util.Collections.unmodifiableMap(byVariable);
  }

  /** The label of {@code code} as recorded by the step {@code stepKey}; the code itself if none is known. */
  public String label(String stepKey, String code) {
    if (code == null || code.isBlank()) {
      return code;
    }
    if (code.contains("/")) {
      // a refusal is recorded with its ground: REFUSE/STATE_SECRET -> 不予公开（属于国家秘密）
      String[] parts = code.split("/", 2);
      return label(stepKey, parts[0]) + "（" + label(stepKey, parts[1]) + "）";
    }
    String fromForm = options.getOrDefault(formId(stepKey), Map.of()).get(code);
    if (fromForm != null) {
      return fromForm;
    }
    return Labelled.parse(Outcome.class, code).map(Outcome::label)
        .or(() -> Labelled.parse(ExemptionCode.class, code).map(ExemptionCode::label))
        .orElse(code);
  }

  /** Task_SecrecyReview -> secrecy-review (forms are named after their task, STYLE "Forms"). */
  static String formId(String stepKey) {
    if (stepKey == null) {
      return "";
    }
    String name = stepKey.startsWith("Task_") ? stepKey.substring(5) : stepKey;
    return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
  }
}

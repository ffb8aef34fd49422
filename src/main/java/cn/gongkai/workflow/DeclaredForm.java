package cn.gongkai.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;

/**
 * The fields a deployed Camunda Form declares: those a user fills in, and those it only shows
 * (disabled or read-only, which a submission may carry back unchanged but never change).
 */
record DeclaredForm(String id, Set<String> editable, Set<String> shown) {

  private static final ObjectMapper JSON = new ObjectMapper();

  static DeclaredForm parse(byte[] formJson) {
    try {
      JsonNode form = JSON.readTree(formJson);
      Set<String> editable = new HashSet<>();
      Set<String> shown = new HashSet<>();
      collect(form.path("components"), editable, shown);
      return new DeclaredForm(form.path("id").asText(null), Set.copyOf(editable), Set.copyOf(shown));
    } catch (IOException e) {
      throw new IllegalStateException("a deployed form is not valid JSON", e);
    }
  }

  private static void collect(JsonNode components, Set<String> editable, Set<String> shown) {
    for (JsonNode component : components) {
      String key = component.path("key").asText(null);
      if (key != null && !key.isBlank()) {
        boolean readOnly = component.path("disabled").asBoolean(false) || component.path("readonly").asBoolean(false);
        (readOnly ? shown : editable).add(key);
      }
      if (component.has("components")) {
        collect(component.path("components"), editable, shown);
      }
    }
  }
}

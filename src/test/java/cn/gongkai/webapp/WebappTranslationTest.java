package cn.gongkai.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The webapps' Chinese (locales/zh.json) against the English the webjar ships: every key translated,
 * no placeholder lost. A webjar upgrade that adds keys fails here instead of showing English to staff.
 */
class WebappTranslationTest {

  /** Angular expressions, printf slots and HTML tags (not texts like "<null>", which are translated). */
  private static final Pattern PLACEHOLDER = Pattern.compile(
      "\\{\\{[^}]*}}|%[sd]|</?(a|b|i|em|strong|br|p|span|div|code|ul|ol|li|small|kbd|pre|h\\d)(\\s[^>]*)?/?>");
  private final ObjectMapper json = new ObjectMapper();

  Map<String, String> read(String path) throws IOException {
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(path)) {
      assertThat(in).as(path).isNotNull();
      Map<String, String> flat = new LinkedHashMap<>();
      flatten("", json.readTree(in), flat);
      return flat;
    }
  }

  static void flatten(String prefix, JsonNode node, Map<String, String> into) {
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        flatten(prefix + "/" + field.getKey(), field.getValue(), into);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        flatten(prefix + "/" + i, node.get(i), into);
      }
    } else {
      into.put(prefix, node.asText());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void translatesEveryKeyAndKeepsEveryPlaceholder(String app) throws IOException {
    String base = "META-INF/resources/webjars/camunda/app/" + app + "/locales/";
    Map<String, String> english = read(base + "en.json");
    Map<String, String> chinese = read(base + "zh.json");
    // gongkai's own password rule (cn.gongkai.security.GongkaiPasswordPolicy): a key English does not have
    chinese.keySet().removeIf(key -> key.endsWith("/PASSWORD_POLICY_LETTER"));

    assertThat(chinese.keySet()).as(app + " keys").containsExactlyInAnyOrderElementsOf(english.keySet());
    List<String> lost = new ArrayList<>();
    english.forEach((key, text) -> {
      if (key.endsWith("BANNER_CE_EOL_TEXT")) {
        return; // deliberately empty: no migrate-to-Camunda-8 banner
      }
      Matcher placeholder = PLACEHOLDER.matcher(text);
      while (placeholder.find()) {
        if (!chinese.get(key).contains(placeholder.group())) {
          lost.add(key + ": " + placeholder.group());
        }
      }
    });
    assertThat(lost).as(app + " placeholders lost").isEmpty();
    assertThat(chinese.get("/labels/BANNER_CE_EOL_TEXT")).as("no migrate-to-Camunda-8 banner").isEmpty();
  }
}

package cn.gongkai.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The sample Prometheus files in ops/prometheus/ (promtool is not installed on every machine): they parse,
 * the scrape job reads /actuator/prometheus with HTTP Basic, and the alert rules watch metrics gongkai has.
 */
class PrometheusRulesTest {

  private static final Path DIR = Path.of("ops/prometheus");
  /** The metrics the rules may use: gongkai's own (OperationsMetrics) and Prometheus' up. */
  private static final List<String> KNOWN = List.of("gongkai_cases_overdue", "gongkai_cases_open",
      "gongkai_timer_lag_seconds", "gongkai_jobs_due", "gongkai_jobs_failed", "gongkai_incidents_open",
      "gongkai_registrations_total", "gongkai_letters_issued_total", "camunda_engine_metric", "up");

  @SuppressWarnings("unchecked")
  private static Map<String, Object> yaml(String file) throws IOException {
    try (Reader reader = Files.newBufferedReader(DIR.resolve(file), StandardCharsets.UTF_8)) {
      return (Map<String, Object>) new Yaml().load(reader);
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void scrapesTheActuatorWithBasicAuthAndLoadsTheRules() throws IOException {
    Map<String, Object> config = yaml("prometheus.yml");
    List<Map<String, Object>> jobs = (List<Map<String, Object>>) config.get("scrape_configs");
    Map<String, Object> job = jobs.get(0);
    assertThat(job.get("metrics_path")).isEqualTo("/actuator/prometheus");
    assertThat((Map<String, Object>) job.get("basic_auth")).containsKeys("username", "password_file");
    for (String ruleFile : (List<String>) config.get("rule_files")) {
      assertThat(DIR.resolve(ruleFile)).exists();
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void alertsOnOverdueRisingTimerLagOverAMinuteAndFailedJobs() throws IOException {
    List<Map<String, Object>> groups = (List<Map<String, Object>>) yaml("gongkai-alerts.yml").get("groups");
    List<Map<String, Object>> rules = new ArrayList<>();
    groups.forEach(g -> rules.addAll((List<Map<String, Object>>) g.get("rules")));

    for (Map<String, Object> rule : rules) {
      assertThat(rule).as("rule %s", rule.get("alert")).containsKeys("alert", "expr", "labels", "annotations");
      assertThat((Map<String, Object>) rule.get("labels")).containsKey("severity");
      Map<String, Object> annotations = (Map<String, Object>) rule.get("annotations");
      assertThat(annotations.get("summary").toString()).as("Chinese summary").matches(".*\\p{IsHan}.*");
      String expr = rule.get("expr").toString();
      assertThat(balanced(expr)).as(expr).isTrue();
      Matcher metric = Pattern.compile("\\b([a-z_]+)\\b(?=\\s*[{\\s>)=]|$|\\s*offset)").matcher(expr);
      while (metric.find()) {
        String name = metric.group(1);
        if (name.contains("_") || name.equals("up")) {
          assertThat(KNOWN).as("metric in %s", rule.get("alert")).contains(name);
        }
      }
    }
    assertThat(rule(rules, "GongkaiOverdueRising")).contains("gongkai_cases_overdue", "offset");
    assertThat(rule(rules, "GongkaiTimerLag")).contains("gongkai_timer_lag_seconds").contains("> 60");
    assertThat(rule(rules, "GongkaiFailedJobs")).contains("gongkai_jobs_failed");
  }

  private static String rule(List<Map<String, Object>> rules, String alert) {
    return rules.stream().filter(r -> alert.equals(r.get("alert"))).findFirst()
        .map(r -> r.get("expr").toString()).orElseThrow(() -> new AssertionError("no alert " + alert));
  }

  private static boolean balanced(String expr) {
    int depth = 0;
    for (char c : expr.toCharArray()) {
      depth += c == '(' || c == '{' ? 1 : c == ')' || c == '}' ? -1 : 0;
      if (depth < 0) {
        return false;
      }
    }
    return depth == 0;
  }
}

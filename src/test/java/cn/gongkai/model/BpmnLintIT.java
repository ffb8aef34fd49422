package cn.gongkai.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Every model in bpmn/ passes bpmnlint's recommended rules ({@code .bpmnlintrc}): labelled elements, diagram
 * information for each, no implicit start/end/split/join, nothing disconnected. bpmnlint is the npm package pinned
 * in package-lock.json, installed by the build before the integration tests ({@code npm ci}).
 */
class BpmnLintIT {

  static final Path BPMNLINT = Path.of("node_modules", ".bin", "bpmnlint");

  record Lint(int exitCode, String output) {}

  static Lint lint(Path model) throws IOException, InterruptedException {
    assertThat(BPMNLINT).as("bpmnlint is installed (npm ci in the project folder)").isExecutable();
    Process process = new ProcessBuilder(BPMNLINT.toString(), model.toString()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("bpmnlint finished").isTrue();
    return new Lint(process.exitValue(), output.strip());
  }

  @Test
  void everyModelPassesTheRecommendedRules() throws Exception {
    List<Path> models = ModelConsistencyIT.files("bpmn", ".bpmn");
    assertThat(models).as("models in bpmn/").hasSizeGreaterThanOrEqualTo(3);
    List<String> problems = new ArrayList<>();
    for (Path model : models) {
      Lint lint = lint(model);
      if (lint.exitCode() != 0 || !lint.output().isEmpty()) {
        problems.add(lint.output());
      }
    }
    assertThat(problems).as("bpmnlint's report").isEmpty();
  }

  @Test
  void theLinterRejectsAFlawedModel() throws Exception {
    Path flawed = Files.createTempFile("flawed", ".bpmn");
    try {
      Files.copy(Path.of("src", "test", "resources", "lint", "flawed-model.xml"), flawed,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      Lint lint = lint(flawed);
      assertThat(lint.exitCode()).isNotZero();
      assertThat(lint.output()).contains("Task_Unnamed", "label-required", "EndEvent_Unreached", "no-disconnected");
    } finally {
      Files.deleteIfExists(flawed);
    }
  }
}

package cn.gongkai.interpretation.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The steps of {@code policy-interpretation} by task id: where a reader finds the rules of a task. */
@Component
class PolicySteps {

  private final Map<String, PolicyStep> byTask;

  PolicySteps(List<PolicyStep> steps) {
    this.byTask = steps.stream().collect(Collectors.toUnmodifiableMap(PolicyStep::taskKey, Function.identity()));
  }

  Optional<PolicyStep> forTask(String taskKey) {
    return Optional.ofNullable(byTask.get(taskKey));
  }
}

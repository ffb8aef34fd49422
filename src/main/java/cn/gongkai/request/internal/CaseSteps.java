package cn.gongkai.request.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The registry of the case's steps, one bean per user task, keyed by task id. */
@Component
class CaseSteps {

  private final Map<String, CaseStep> byTask;

  CaseSteps(List<CaseStep> steps) {
    this.byTask = steps.stream().collect(Collectors.toUnmodifiableMap(CaseStep::taskKey, Function.identity(),
        (a, b) -> {
          throw new IllegalStateException("two steps for task " + a.taskKey());
        }));
  }

  Optional<CaseStep> of(String taskKey) {
    return Optional.ofNullable(byTask.get(taskKey));
  }

  java.util.Set<String> taskKeys() {
    return byTask.keySet();
  }
}

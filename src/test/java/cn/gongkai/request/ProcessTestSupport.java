package cn.gongkai.request;

import cn.gongkai.testing.EngineDriver;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/** Drives {@code disclosure-request} as the people who work it would, on a clock the test moves. */
final class ProcessTestSupport extends EngineDriver {

  ProcessTestSupport(ProcessEngine engine) {
    super(engine);
  }

  /** Registers a request through the start form, as the demo intake user. */
  ProcessInstance startAsIntake(Map<String, Object> fields) {
    return startAs("intake", "disclosure-request", fields);
  }
}

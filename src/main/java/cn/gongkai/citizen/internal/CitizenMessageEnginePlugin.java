package cn.gongkai.citizen.internal;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/** Engine set-up for citizens' messages: every user task of the process reports to the register. */
@Component
class CitizenMessageEnginePlugin extends AbstractProcessEnginePlugin {

  private final MessageStepParseListener stepParseListener;

  CitizenMessageEnginePlugin(MessageStepParseListener stepParseListener) {
    this.stepParseListener = stepParseListener;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<BpmnParseListener>());
    }
    configuration.getCustomPostBPMNParseListeners().add(stepParseListener);
  }
}

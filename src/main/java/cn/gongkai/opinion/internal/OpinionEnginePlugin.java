package cn.gongkai.opinion.internal;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/** Engine set-up for 舆情 cases: every user task of the process records its step in the register. */
@Component
class OpinionEnginePlugin extends AbstractProcessEnginePlugin {

  private final OpinionStepParseListener stepParseListener;

  OpinionEnginePlugin(OpinionStepParseListener stepParseListener) {
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

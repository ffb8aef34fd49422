package cn.gongkai.request.internal;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Engine set-up for cases: the history level that keeps personal data out of history, and the parse
 * listener that lets every user task of a case record its step in the register.
 */
@Component
class EnginePlugin extends AbstractProcessEnginePlugin {

  private final CaseStepParseListener stepParseListener;

  EnginePlugin(CaseStepParseListener stepParseListener) {
    this.stepParseListener = stepParseListener;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomHistoryLevels() == null) {
      configuration.setCustomHistoryLevels(new ArrayList<>());
    }
    configuration.getCustomHistoryLevels().add(new PersonalDataHistoryLevel());
    configuration.setHistory(PersonalDataHistoryLevel.NAME);
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<BpmnParseListener>());
    }
    configuration.getCustomPostBPMNParseListeners().add(stepParseListener);
  }
}

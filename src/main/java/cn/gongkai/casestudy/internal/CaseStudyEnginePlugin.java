package cn.gongkai.casestudy.internal;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/** Engine set-up for case studies: every user task of the process records its step in the register. */
@Component
class CaseStudyEnginePlugin extends AbstractProcessEnginePlugin {

  private final CaseStudyParseListener parseListener;

  CaseStudyEnginePlugin(CaseStudyParseListener parseListener) {
    this.parseListener = parseListener;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<BpmnParseListener>());
    }
    configuration.getCustomPostBPMNParseListeners().add(parseListener);
  }
}

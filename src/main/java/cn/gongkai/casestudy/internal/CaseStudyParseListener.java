package cn.gongkai.casestudy.internal;

import cn.gongkai.casestudy.CaseStudyVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Every user task of {@code disclosure-case-study} reports to {@link CaseStudySteps} (task created, assigned;
 * activity ended), without a listener declared on every task in the BPMN.
 */
@Component
class CaseStudyParseListener extends AbstractBpmnParseListener {

  private final ObjectProvider<CaseStudySteps> steps;

  CaseStudyParseListener(ObjectProvider<CaseStudySteps> steps) {
    this.steps = steps;
  }

  @Override
  public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
    if (!CaseStudyVariables.PROCESS_KEY.equals(
        ((ProcessDefinitionEntity) activity.getProcessDefinition()).getKey())) {
      return;
    }
    TaskListener delegate = (DelegateTask task) -> steps.getObject().notify(task);
    var definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
    definition.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, delegate);
    definition.addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, delegate);
    activity.addBuiltInListener(ExecutionListener.EVENTNAME_END,
        (DelegateExecution execution) -> steps.getObject().notify(execution));
  }
}

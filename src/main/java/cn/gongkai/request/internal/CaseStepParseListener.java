package cn.gongkai.request.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Every user task of {@code disclosure-request} reports to {@link DisclosureTaskListener} (task created,
 * assigned; activity ended): the register
 * then always knows the current step, who did each step and what they decided, without a listener
 * declared on every task in the BPMN.
 */
@Component
class CaseStepParseListener extends AbstractBpmnParseListener {

  static final String PROCESS_KEY = "disclosure-request";

  private final ObjectProvider<DisclosureTaskListener> listener;

  CaseStepParseListener(ObjectProvider<DisclosureTaskListener> listener) {
    this.listener = listener;
  }

  @Override
  public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
    if (!PROCESS_KEY.equals(((ProcessDefinitionEntity) activity.getProcessDefinition()).getKey())) {
      return;
    }
    // built-in listeners bypass the delegate interceptor, so engine calls they make would be checked
    // against the user's own authorizations; like any delegate, they act for the process instead
    TaskListener delegate = (DelegateTask task) -> Context.getCommandContext().runWithoutAuthorization(() -> {
      listener.getObject().notify(task);
      return null;
    });
    var definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
    definition.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, delegate);
    definition.addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, delegate);
    activity.addBuiltInListener(ExecutionListener.EVENTNAME_END,
        (DelegateExecution execution) -> Context.getCommandContext().runWithoutAuthorization(() -> {
          listener.getObject().notify(execution);
          return null;
        }));
  }
}

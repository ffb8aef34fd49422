package cn.gongkai.citizen.internal;

import cn.gongkai.citizen.CitizenMessageVariables;
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
 * Every user task of {@code citizen-message} reports to {@link MessageTaskListener} (task created; activity
 * ended), without a listener declared on every task in the BPMN.
 */
@Component
class MessageStepParseListener extends AbstractBpmnParseListener {

  private final ObjectProvider<MessageTaskListener> listener;

  MessageStepParseListener(ObjectProvider<MessageTaskListener> listener) {
    this.listener = listener;
  }

  @Override
  public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
    if (!CitizenMessageVariables.PROCESS_KEY.equals(
        ((ProcessDefinitionEntity) activity.getProcessDefinition()).getKey())) {
      return;
    }
    TaskListener delegate = (DelegateTask task) -> listener.getObject().notify(task);
    ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
        .addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, delegate);
    activity.addBuiltInListener(ExecutionListener.EVENTNAME_END,
        (DelegateExecution execution) -> listener.getObject().notify(execution));
  }
}

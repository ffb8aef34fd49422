package cn.gongkai.workflow;

import java.lang.reflect.Field;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.deploy.cache.DeploymentCache;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/**
 * A submission may carry only what its form declares: when a user completes a task, submits its form
 * or starts a process (by form or not), every variable sent must be a field of the Camunda Form the
 * task or start event names ({@code camunda:formRef}), read from the process's own deployment. A field
 * the form only shows may come back unchanged, never changed. Anything else is refused with a Chinese
 * 400 naming the field, before the command runs, so nothing changes. Engine-internal calls (no user, or
 * nested inside a command already checked) pass.
 */
class DeclaredFieldsInterceptor extends CommandInterceptor {

  private final ThreadLocal<Integer> depth = ThreadLocal.withInitial(() -> 0);
  private final Map<String, DeclaredForm> forms = new ConcurrentHashMap<>();

  @Override
  public <T> T execute(Command<T> command) {
    int level = depth.get();
    if (level == 0) {
      check(command);
    }
    depth.set(level + 1);
    try {
      return next.execute(command);
    } finally {
      depth.set(level);
    }
  }

  private void check(Command<?> command) {
    CommandContext context = Context.getCommandContext();
    if (context == null || context.getAuthentication() == null
        || context.getAuthentication().getUserId() == null) {
      return;
    }
    if (command instanceof SubmitTaskFormCmd || command instanceof CompleteTaskCmd) {
      String taskId = (String) field(command, "taskId");
      Map<String, ?> variables = (Map<String, ?>) field(command,
          command instanceof SubmitTaskFormCmd ? "properties" : "variables");
      checkTask(context, taskId, variables);
    } else if (command instanceof SubmitStartFormCmd) {
      String definitionId = (String) field(command, "processDefinitionId");
      checkStart(context, definitionId == null ? null : cache(context).findDeployedProcessDefinitionById(
          definitionId), (Map<String, ?>) field(command, "variables"));
    } else if (command instanceof StartProcessInstanceCmd) {
      ProcessInstantiationBuilderImpl builder = (ProcessInstantiationBuilderImpl) field(command,
          "instantiationBuilder");
      ProcessDefinitionEntity definition = builder.getProcessDefinitionId() != null
          ? cache(context).findDeployedProcessDefinitionById(builder.getProcessDefinitionId())
          : builder.getProcessDefinitionKey() != null
              ? cache(context).findDeployedLatestProcessDefinitionByKey(builder.getProcessDefinitionKey())
              : null;
      checkStart(context, definition, builder.getVariables());
    }
  }

  private void checkTask(CommandContext context, String taskId, Map<String, ?> variables) {
    if (taskId == null || variables == null || variables.isEmpty()) {
      return;
    }
    TaskEntity task = context.getTaskManager().findTaskById(taskId);
    if (task == null || task.getProcessDefinitionId() == null) {
      return;
    }
    ProcessDefinitionEntity definition = cache(context).findDeployedProcessDefinitionById(
        task.getProcessDefinitionId());
    BpmnModelInstance model = cache(context).findBpmnModelInstanceForProcessDefinition(definition);
    if (!(model.getModelElementById(task.getTaskDefinitionKey()) instanceof UserTask userTask)
        || userTask.getCamundaFormRef() == null) {
      return;
    }
    DeclaredForm form = form(context, definition.getDeploymentId(), userTask.getCamundaFormRef());
    for (Map.Entry<String, ?> submitted : variables.entrySet()) {
      String name = submitted.getKey();
      if (form.editable().contains(name)) {
        continue;
      }
      if (form.shown().contains(name) && unchanged(plain(submitted.getValue()), task.getVariable(name))) {
        continue;
      }
      throw refusal(form, name, form.shown().contains(name));
    }
  }

  private void checkStart(CommandContext context, ProcessDefinitionEntity definition, Map<String, ?> variables) {
    if (definition == null || variables == null || variables.isEmpty()) {
      return;
    }
    BpmnModelInstance model = cache(context).findBpmnModelInstanceForProcessDefinition(definition);
    String formRef = model.getModelElementsByType(StartEvent.class).stream()
        .filter(start -> start.getParentElement() instanceof org.camunda.bpm.model.bpmn.instance.Process)
        .map(StartEvent::getCamundaFormRef)
        .filter(Objects::nonNull)
        .findFirst()
        .orElse(null);
    if (formRef == null) {
      return;
    }
    DeclaredForm form = form(context, definition.getDeploymentId(), formRef);
    for (String name : variables.keySet()) {
      if (!form.editable().contains(name)) {
        throw refusal(form, name, form.shown().contains(name));
      }
    }
  }

  private static BadUserRequestException refusal(DeclaredForm form, String name, boolean shownOnly) {
    return new BadUserRequestException(shownOnly
        ? "字段“" + name + "”在本环节表单中只供查看，不能修改（" + name + "）"
        : "本环节表单没有字段“" + name + "”，提交的内容只能包含表单所列的字段（" + name + "）");
  }

  /** The form of that key in the deployment, parsed once per deployment and key. */
  private DeclaredForm form(CommandContext context, String deploymentId, String formKey) {
    return forms.computeIfAbsent(deploymentId + "/" + formKey, k -> {
      for (ResourceEntity resource : context.getResourceManager().findResourcesByDeploymentId(deploymentId)) {
        if (resource.getName().endsWith(".form")) {
          DeclaredForm form = DeclaredForm.parse(resource.getBytes());
          if (formKey.equals(form.id())) {
            return form;
          }
        }
      }
      throw new IllegalStateException("form " + formKey + " is not in deployment " + deploymentId);
    });
  }

  /** A shown field sent back as it is (a number may come back as another numeric type). */
  private static boolean unchanged(Object sent, Object current) {
    if (sent instanceof Number a && current instanceof Number b) {
      return new java.math.BigDecimal(a.toString()).compareTo(new java.math.BigDecimal(b.toString())) == 0;
    }
    return Objects.equals(sent, current);
  }

  /** A typed value (REST and Tasklist send them) compared by its plain value. */
  private static Object plain(Object value) {
    return value instanceof org.camunda.bpm.engine.variable.value.TypedValue typed ? typed.getValue() : value;
  }

  private static DeploymentCache cache(CommandContext context) {
    return context.getProcessEngineConfiguration().getDeploymentCache();
  }

  /** Commands keep what they were given in protected fields without getters. */
  private static Object field(Object command, String name) {
    for (Class<?> type = command.getClass(); type != null; type = type.getSuperclass()) {
      try {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field.get(command);
      } catch (NoSuchFieldException e) {
        // declared higher up
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalStateException(command.getClass().getName() + " has no field " + name);
  }

}

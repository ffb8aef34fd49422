package cn.gongkai.workflow;

import java.util.ArrayList;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Staff change a case only through their task's form, for both processes: submissions are checked
 * against the form ({@link DeclaredFieldsInterceptor}), and the people a task is offered to may work it
 * (claim, complete, submit its form) but not write its variables: Camunda's default per-task grant
 * UPDATE (which includes writing task and local variables) becomes TASK_WORK, so a variable write
 * outside form submission answers 403.
 */
@Component
class FormsEnginePlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setDefaultUserPermissionForTask(TaskPermissions.TASK_WORK);
    if (configuration.getCustomPostCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPostCommandInterceptorsTxRequired(new ArrayList<>());
    }
    configuration.getCustomPostCommandInterceptorsTxRequired().add(new DeclaredFieldsInterceptor());
  }

  /** Tasks created before this rule keep their per-task UPDATE grants: they become TASK_WORK too. */
  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    AuthorizationService authorizations = engine.getAuthorizationService();
    for (Authorization grant : authorizations.createAuthorizationQuery().authorizationType(
        Authorization.AUTH_TYPE_GRANT).resourceType(Resources.TASK).list()) {
      if (!Authorization.ANY.equals(grant.getResourceId()) && grant.isPermissionGranted(Permissions.UPDATE)) {
        grant.removePermission(Permissions.UPDATE);
        grant.addPermission(TaskPermissions.TASK_WORK);
        authorizations.saveAuthorization(grant);
      }
    }
  }
}

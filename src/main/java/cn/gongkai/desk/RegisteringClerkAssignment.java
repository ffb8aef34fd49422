package cn.gongkai.desk;

import cn.gongkai.request.CaseRegister;
import cn.gongkai.request.DisclosureCase;
import cn.gongkai.security.Roles;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * With {@code gongkai.tasks.assign-to-registering-clerk}, an intake task of a disclosure request is assigned
 * on creation to the clerk who registered the case, as long as that clerk is still in the intake group;
 * otherwise (and by default) it waits in 本组待办 to be claimed. Listens to the engine's task events that the
 * Camunda Spring Boot starter publishes.
 */
@Component
class RegisteringClerkAssignment {

  private final DeskSettings settings;
  private final CaseRegister register;
  private final IdentityService identityService;

  RegisteringClerkAssignment(DeskSettings settings, CaseRegister register, IdentityService identityService) {
    this.settings = settings;
    this.register = register;
    this.identityService = identityService;
  }

  @EventListener
  public void onCreate(DelegateTask task) {
    if (!settings.assignToRegisteringClerk() || task.getAssignee() != null || !isIntakeTask(task)) {
      return;
    }
    register.findByProcessInstance(task.getProcessInstanceId())
        .map(DisclosureCase::registeredBy)
        .filter(this::isIntakeClerk)
        .ifPresent(task::setAssignee);
  }

  private static boolean isIntakeTask(DelegateTask task) {
    return TaskListener.EVENTNAME_CREATE.equals(task.getEventName()) && task.getCandidates().stream()
        .anyMatch(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && Roles.INTAKE.equals(link.getGroupId()));
  }

  /** Whether the clerk is still in intake, whoever's action created the task (no READ grant on users needed). */
  private boolean isIntakeClerk(String userId) {
    if (userId == null) {
      return false;
    }
    CommandContext context = Context.getCommandContext();
    boolean checking = context != null && context.isAuthorizationCheckEnabled();
    if (checking) {
      context.disableAuthorizationCheck();
    }
    try {
      return identityService.createUserQuery().userId(userId).memberOfGroup(Roles.INTAKE).count() > 0;
    } finally {
      if (checking) {
        context.enableAuthorizationCheck();
      }
    }
  }
}

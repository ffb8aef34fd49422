package cn.gongkai.security;

import cn.gongkai.audit.AuditKind;
import cn.gongkai.audit.AuditLog;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.impl.AuthorizationServiceImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * 三员分立 (等保2.0 访问控制): the security administrator grants authorizations, but never to himself, to a
 * group he belongs to, or to everyone ("*", himself included), else he could grant himself the case
 * content his role must not read. One check in the engine's AuthorizationService covers the engine REST
 * API, Camunda Admin (which calls the same REST resources) and Java callers alike.
 */
class SecurityAdministratorGuard extends AuthorizationServiceImpl {

  static final String REFUSED = "安全管理员不得为本人或本人所在的组授权";

  private final Supplier<IdentityService> identity;
  private final Supplier<AuditLog> auditLog;

  SecurityAdministratorGuard(Supplier<IdentityService> identity, Supplier<AuditLog> auditLog) {
    this.identity = identity;
    this.auditLog = auditLog;
  }

  @Override
  public Authorization saveAuthorization(Authorization authorization) {
    Authentication acting = identity.get().getCurrentAuthentication();
    if (acting != null && groups(acting).contains(Roles.SECADMIN) && benefitsActingUser(authorization, acting)) {
      String object = "authorization " + (authorization.getId() == null ? "(new)" : authorization.getId())
          + " userId=" + authorization.getUserId() + " groupId=" + authorization.getGroupId()
          + " resourceType=" + authorization.getResourceType() + " resourceId=" + authorization.getResourceId();
      auditLog.get().record(acting.getUserId(), callerAddress(), AuditKind.AUTHORIZATION_CHANGED, object,
          "拒绝：" + REFUSED);
      throw new AuthorizationException(REFUSED);
    }
    return super.saveAuthorization(authorization);
  }

  private static boolean benefitsActingUser(Authorization authorization, Authentication acting) {
    String userId = authorization.getUserId();
    String groupId = authorization.getGroupId();
    return userId != null && (userId.equals(acting.getUserId()) || userId.equals(Authorization.ANY))
        || groupId != null && groups(acting).contains(groupId);
  }

  private static List<String> groups(Authentication acting) {
    return acting.getGroupIds() == null ? List.of() : acting.getGroupIds();
  }

  private static String callerAddress() {
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
      HttpServletRequest request = attributes.getRequest();
      return request.getRemoteAddr();
    }
    return "engine";
  }
}

package cn.gongkai.request;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Staff as people read them: the Camunda user's name (family name first, as Chinese names are written),
 * never the login id alone. Every member of staff sees who did what on a case, whether or not their role may
 * browse the user directory, so the lookup runs without the caller's authorization.
 */
@Component
public class StaffNames {

  private final IdentityService identityService;

  StaffNames(IdentityService identityService) {
    this.identityService = identityService;
  }

  /** Login id -> display name for each id given (the id itself where no user has it). */
  public Map<String, String> names(Iterable<String> userIds) {
    Map<String, String> names = new HashMap<>();
    Authentication caller = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      for (String id : userIds) {
        if (id != null && !names.containsKey(id)) {
          User user = identityService.createUserQuery().userId(id).singleResult();
          names.put(id, user == null ? id : display(user));
        }
      }
    } finally {
      if (caller != null) {
        identityService.setAuthentication(caller);
      }
    }
    return names;
  }

  static String display(User user) {
    String name = ((user.getLastName() == null ? "" : user.getLastName())
        + (user.getFirstName() == null ? "" : user.getFirstName())).strip();
    return name.isEmpty() ? user.getId() : name;
  }
}

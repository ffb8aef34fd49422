package cn.gongkai.security;

import cn.gongkai.web.ForbiddenException;
import cn.gongkai.web.NotFoundException;
import java.util.Set;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;

/** Role checks for gongkai's controllers, on the request the authentication filter prepared. */
public final class CurrentUser {

  /** Request attribute: the codes of the agencies (Camunda tenants) the caller belongs to, groups included. */
  static final String AGENCIES_ATTRIBUTE = "gongkai.agencies";
  /** Request attribute: the agency the caller works for (own tenant membership), null when none. */
  static final String HOME_AGENCY_ATTRIBUTE = "gongkai.homeAgency";

  private CurrentUser() {}

  /** The installation's administrators see every agency (as Camunda lets camunda-admin pass its tenant check). */
  public static boolean seesEveryAgency(HttpServletRequest request) {
    return request.isUserInRole(Roles.ADMIN) || request.isUserInRole("camunda-admin");
  }

  /** The agencies whose cases, letters and reports the caller may see (empty for a user of no agency). */
  @SuppressWarnings("unchecked")
  public static Set<String> agencies(HttpServletRequest request) {
    Object agencies = request.getAttribute(AGENCIES_ATTRIBUTE);
    return agencies instanceof Set<?> set ? (Set<String>) set : Set.of();
  }

  /** Whether the caller may see what belongs to that agency. */
  public static boolean mayAccessAgency(HttpServletRequest request, String agencyCode) {
    return seesEveryAgency(request) || agencyCode != null && agencies(request).contains(agencyCode);
  }

  /**
   * Throws 404 with the message unless the caller may see that agency's resource: another agency's case answers
   * exactly as a case that does not exist.
   */
  public static void requireAgency(HttpServletRequest request, String agencyCode, String notFoundMessage) {
    if (!mayAccessAgency(request, agencyCode)) {
      throw new NotFoundException(notFoundMessage);
    }
  }

  /** The agency the caller works for (registers into), null for a user of no agency. */
  public static String homeAgency(HttpServletRequest request) {
    Object home = request.getAttribute(HOME_AGENCY_ATTRIBUTE);
    return home instanceof String code ? code : null;
  }

  /** Throws 403 unless the caller belongs to one of the groups. */
  public static String requireAnyRole(HttpServletRequest request, String... groups) {
    if (Arrays.stream(groups).noneMatch(request::isUserInRole)) {
      throw new ForbiddenException("无权访问：需要以下角色之一 " + String.join("、", groups));
    }
    return request.getRemoteUser();
  }
}

package cn.gongkai.security;

import cn.gongkai.web.ForbiddenException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;

/** Role checks for gongkai's controllers, on the request the authentication filter prepared. */
public final class CurrentUser {

  private CurrentUser() {}

  /** Throws 403 unless the caller belongs to one of the groups. */
  public static String requireAnyRole(HttpServletRequest request, String... groups) {
    if (Arrays.stream(groups).noneMatch(request::isUserInRole)) {
      throw new ForbiddenException("无权访问：需要以下角色之一 " + String.join("、", groups));
    }
    return request.getRemoteUser();
  }
}

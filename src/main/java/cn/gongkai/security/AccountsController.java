package cn.gongkai.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import cn.gongkai.web.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Locked accounts for the security administrator (安全管理员) and the installation's legacy {@code admin}:
 * the list, an early unlock (API and the page /security/accounts), and the policy in force.
 */
@Tag(name = "账户安全", description = "登录失败锁定的账户（安全管理员）")
@Controller
class AccountsController {

  private final LoginLockout lockout;
  private final IdentityService identity;
  private final SecuritySettings settings;

  AccountsController(LoginLockout lockout, IdentityService identity, SecuritySettings settings) {
    this.lockout = lockout;
    this.identity = identity;
    this.settings = settings;
  }

  @Operation(summary = "列出被锁定的账户", description = "当前被锁定的账户和登录失败处理策略；安全管理员和管理员可用。")
  @GetMapping("/api/security/accounts/locked")
  @ResponseBody
  Map<String, Object> locked(HttpServletRequest request) {
    CurrentUser.requireAnyRole(request, Roles.SECADMIN, Roles.ADMIN);
    return Map.of("policy", policy(), "locked", lockout.locked());
  }

  @Operation(summary = "提前解锁账户", description = "解除账户的登录锁定；记入审计日志。")
  @PostMapping("/api/security/accounts/{userId}/unlock")
  @ResponseBody
  Map<String, Object> unlock(@PathVariable String userId, HttpServletRequest request) {
    String by = CurrentUser.requireAnyRole(request, Roles.SECADMIN, Roles.ADMIN);
    if (identity.createUserQuery().userId(userId).count() == 0) {
      throw new NotFoundException("用户不存在：" + userId);
    }
    boolean wasLocked = lockout.unlock(userId, by, request.getRemoteAddr());
    return Map.of("userId", userId, "unlocked", wasLocked, "message", wasLocked ? "已解锁" : "该账户未被锁定");
  }

  @GetMapping("/security/accounts")
  String page(HttpServletRequest request, Model model) {
    model.addAttribute("viewer", CurrentUser.requireAnyRole(request, Roles.SECADMIN, Roles.ADMIN));
    model.addAttribute("locked", lockout.locked());
    model.addAttribute("policy", policy());
    return "security-accounts";
  }

  @PostMapping("/security/accounts/{userId}/unlock")
  String unlockFromPage(@PathVariable String userId, HttpServletRequest request) {
    unlock(userId, request);
    return "redirect:/security/accounts";
  }

  private Map<String, Object> policy() {
    return Map.of("maxFailures", settings.lockout().maxFailures(), "lockMinutes", settings.lockout().lockMinutes(),
        "description", "连续登录失败 " + settings.lockout().maxFailures() + " 次锁定 " + settings.lockout().lockMinutes()
            + " 分钟，期满自动解锁");
  }
}

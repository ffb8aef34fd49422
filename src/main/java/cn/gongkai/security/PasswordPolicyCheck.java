package cn.gongkai.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.PasswordPolicyResult;
import org.camunda.bpm.engine.identity.User;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers a password that breaks the policy with 400 and the rules it breaks, in Chinese, before the
 * engine refuses it with a bare 500 "Password does not match policy" (user creation and password change,
 * from Camunda Admin, the welcome page's profile, or the engine REST API).
 */
class PasswordPolicyCheck extends OncePerRequestFilter {

  private static final Pattern CREATE = Pattern.compile("(?:/engine-rest|/camunda/api/engine/engine/[^/]+)/user/create");
  private static final Pattern CREDENTIALS =
      Pattern.compile("(?:/engine-rest|/camunda/api/engine/engine/[^/]+)/user/([^/]+)/credentials");
  private static final int MAX_BODY = 64 * 1024;
  private static final Map<String, String> RULES = Map.of(
      "PASSWORD_POLICY_LENGTH", "至少 " + GongkaiPasswordPolicy.MIN_LENGTH + " 位",
      GongkaiPasswordPolicy.LetterRule.PLACEHOLDER, "须含字母",
      "PASSWORD_POLICY_DIGIT", "须含数字",
      "PASSWORD_POLICY_SPECIAL", "须含符号",
      "PASSWORD_POLICY_USER_DATA", "不得包含用户名、姓名或邮箱");

  private final IdentityService identity;
  private final ObjectMapper json;

  PasswordPolicyCheck(IdentityService identity, ObjectMapper json) {
    this.identity = identity;
    this.json = json;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    Matcher credentials = CREDENTIALS.matcher(path);
    boolean create = "POST".equals(request.getMethod()) && CREATE.matcher(path).matches();
    boolean change = "PUT".equals(request.getMethod()) && credentials.matches();
    if (!create && !change) {
      chain.doFilter(request, response);
      return;
    }
    byte[] body = request.getInputStream().readNBytes(MAX_BODY);
    String password = null;
    User user;
    try {
      JsonNode root = json.readTree(body);
      if (create) {
        JsonNode profile = root.path("profile");
        user = identity.newUser(profile.path("id").asText(""));
        user.setFirstName(profile.path("firstName").asText(null));
        user.setLastName(profile.path("lastName").asText(null));
        user.setEmail(profile.path("email").asText(null));
        password = root.path("credentials").path("password").asText(null);
      } else {
        user = identity.createUserQuery().userId(credentials.group(1)).singleResult();
        password = root.path("password").asText(null);
      }
    } catch (IOException | RuntimeException e) {
      user = null;
    }
    if (password != null && user != null) {
      PasswordPolicyResult result = identity.checkPasswordAgainstPolicy(password, user);
      if (!result.isValid()) {
        String broken = result.getViolatedRules().stream()
            .map(rule -> RULES.getOrDefault(rule.getPlaceholder(), rule.getPlaceholder()))
            .collect(Collectors.joining("，"));
        JsonAnswer.send(response, HttpServletResponse.SC_BAD_REQUEST, "PasswordPolicyViolation",
            "密码不符合密码策略：" + broken);
        return;
      }
    }
    chain.doFilter(new ReplayedBody(request, body), response);
  }
}

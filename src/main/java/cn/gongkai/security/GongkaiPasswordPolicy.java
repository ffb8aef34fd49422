package cn.gongkai.security;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.identity.PasswordPolicy;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyDigitRuleImpl;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyLengthRuleImpl;
import org.camunda.bpm.engine.impl.identity.PasswordPolicySpecialCharacterRuleImpl;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyUserDataRuleImpl;

/**
 * 等保2.0 身份鉴别: at least 8 characters with a letter, a digit and a symbol, not containing the user's
 * id or names. Camunda's default differs (10 characters, upper and lower case), hence this policy.
 */
final class GongkaiPasswordPolicy implements PasswordPolicy {

  static final int MIN_LENGTH = 8;

  @Override
  public List<PasswordPolicyRule> getRules() {
    return List.of(
        new PasswordPolicyLengthRuleImpl(MIN_LENGTH),
        new LetterRule(),
        new PasswordPolicyDigitRuleImpl(1),
        new PasswordPolicySpecialCharacterRuleImpl(1),
        new PasswordPolicyUserDataRuleImpl());
  }

  /** At least one Latin letter, upper or lower case. */
  static final class LetterRule implements PasswordPolicyRule {
    static final String PLACEHOLDER = "PASSWORD_POLICY_LETTER";

    @Override
    public String getPlaceholder() {
      return PLACEHOLDER;
    }

    @Override
    public Map<String, String> getParameters() {
      return Map.of("minLetter", "1");
    }

    @Override
    public boolean execute(String password) {
      return password != null && password.chars().anyMatch(c -> c < 128 && Character.isLetter(c));
    }

    @Override
    public boolean execute(String password, User user) {
      return execute(password);
    }
  }
}

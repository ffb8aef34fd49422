package cn.gongkai.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.junit.jupiter.api.Test;

/** The password rules of 等保2.0 身份鉴别 as gongkai sets them, and the Origin comparison. */
class GongkaiPasswordPolicyTest {

  static boolean accepted(String password, String userId) {
    UserEntity user = new UserEntity(userId);
    user.setLastName("张三");
    return new GongkaiPasswordPolicy().getRules().stream().allMatch(rule -> passes(rule, password, user));
  }

  static boolean passes(PasswordPolicyRule rule, String password, UserEntity user) {
    return rule.execute(password, user);
  }

  @Test
  void acceptsEightCharactersWithALetterADigitAndASymbol() {
    assertThat(accepted("gk#20260", "clerk")).isTrue();
    assertThat(accepted("GK-2026x", "clerk")).isTrue();
  }

  @Test
  void refusesShortOnesAndOnesLackingALetterADigitOrASymbol() {
    assertThat(accepted("gk#2026", "clerk")).as("7 characters").isFalse();
    assertThat(accepted("gk202600", "clerk")).as("no symbol").isFalse();
    assertThat(accepted("gk#gkgkgk", "clerk")).as("no digit").isFalse();
    assertThat(accepted("2026#2026", "clerk")).as("no letter").isFalse();
    assertThat(accepted("demo", "intake")).as("the demo password").isFalse();
  }

  @Test
  void refusesThePasswordThatContainsTheUserId() {
    assertThat(accepted("Clerk#2026", "clerk")).isFalse();
  }

  @Test
  void comparesOriginsBySchemeHostAndPortOnly() {
    assertThat(OriginCheck.normalise("http://LOCALHOST")).isEqualTo(OriginCheck.normalise("http://localhost:80"));
    assertThat(OriginCheck.normalise("https://gk.example")).isNotEqualTo(OriginCheck.normalise("http://gk.example"));
    assertThat(OriginCheck.normalise("null")).startsWith("invalid:");
  }
}

package cn.gongkai.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.impl.cmd.CreateTenantUserMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTenantGroupMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.GetDeploymentResourceNamesCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.junit.jupiter.api.Test;

/**
 * The 30-second memory of verified HTTP Basic logins: it answers only for the same password, and forgets
 * everyone as soon as users, groups, agencies (tenants) or memberships change, so that a clerk moved to another
 * agency is never served with the old one's cases.
 */
class VerifiedCredentialsTest {

  private final VerifiedCredentials verified = new VerifiedCredentials();
  private final VerifiedCredentials.Identity clerk =
      new VerifiedCredentials.Identity(List.of("intake"), List.of("zwfw"), "zwfw");

  @Test
  void remembersTheIdentityForTheSamePasswordOnly() {
    verified.remember("intake-zwfw", "S3cret!pass", clerk);

    assertThat(verified.ifVerified("intake-zwfw", "S3cret!pass")).isEqualTo(clerk);
    assertThat(verified.ifVerified("intake-zwfw", "wrong")).isNull();
    assertThat(verified.ifVerified("intake-wsjk", "S3cret!pass")).isNull();
  }

  @Test
  void forgetsEveryoneWhenAgencyMembershipsChange() {
    for (Command<?> change : List.<Command<?>>of(new CreateTenantUserMembershipCmd("wsjk", "intake-zwfw"),
        new DeleteTenantGroupMembershipCmd("zwfw", "intake"))) {
      verified.remember("intake-zwfw", "S3cret!pass", clerk);
      run(verified.interceptor(), change);
      assertThat(verified.ifVerified("intake-zwfw", "S3cret!pass")).as(change.getClass().getSimpleName()).isNull();
    }
  }

  @Test
  void keepsItsMemoryThroughCommandsThatChangeNoIdentity() {
    verified.remember("intake-zwfw", "S3cret!pass", clerk);
    run(verified.interceptor(), new GetDeploymentResourceNamesCmd("any"));
    assertThat(verified.ifVerified("intake-zwfw", "S3cret!pass")).isEqualTo(clerk);
  }

  private static void run(CommandInterceptor interceptor, Command<?> command) {
    interceptor.setNext(new CommandExecutor() {
      @Override
      public <T> T execute(Command<T> ignored) {
        return null;
      }
    });
    interceptor.execute(command);
  }
}

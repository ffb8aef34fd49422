package cn.gongkai.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** Who reaches what: webapps, tasks, the case page, personal data. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RolesAndCasePageIT {

  @Autowired ProcessEngine engine;
  @Autowired CaseRegister register;
  @LocalServerPort int port;

  boolean mayAccess(String user, String app) {
    AuthorizationService authorizations = engine.getAuthorizationService();
    return authorizations.isUserAuthorized(user, List.of(user), Permissions.ACCESS, Resources.APPLICATION, app);
  }

  @Test
  void staffReachTasklistSupervisorsCockpitAndOnlyAdminReachesAdmin() {
    for (String staff : List.of("intake", "handler", "reviewer", "legal", "leader")) {
      assertThat(mayAccess(staff, "tasklist")).as(staff + " tasklist").isTrue();
      assertThat(mayAccess(staff, "cockpit")).as(staff + " cockpit").isFalse();
      assertThat(mayAccess(staff, "admin")).as(staff + " admin").isFalse();
    }
    assertThat(mayAccess("supervisor", "cockpit")).isTrue();
    assertThat(mayAccess("supervisor", "admin")).isFalse();
    assertThat(mayAccess("admin", "admin")).isTrue();
    // Camunda's webapps recognise the administrator (else they send everyone to a first-admin setup page)
    assertThat(engine.getIdentityService().createUserQuery().memberOfGroup("camunda-admin").list())
        .extracting(org.camunda.bpm.engine.identity.User::getId).containsExactly("admin");
    // supervisors only read
    assertThat(engine.getAuthorizationService().isUserAuthorized("supervisor", List.of("supervisor"),
        Permissions.UPDATE, Resources.PROCESS_INSTANCE, "*")).isFalse();
  }

  @Test
  void staffSeeOnlyTheirGroupsTasks() {
    ProcessTestSupport process = new ProcessTestSupport(engine);
    ProcessInstance pi = process.startAsIntake(CaseFixtures.request("2026-11-20"));

    long seenByIntake = process.as("intake", () -> engine.getTaskService().createTaskQuery()
        .processInstanceId(pi.getId()).count());
    long seenByHandler = process.as("handler", () -> engine.getTaskService().createTaskQuery()
        .processInstanceId(pi.getId()).count());

    assertThat(seenByIntake).isEqualTo(1);
    assertThat(seenByHandler).isZero();
  }

  @Test
  void refusesAStartFormWithBadInputAndStoresNothing() {
    ProcessTestSupport process = new ProcessTestSupport(engine);
    long cases = register.count();
    long instances = engine.getRuntimeService().createProcessInstanceQuery().count();
    Map<String, Object> fields = CaseFixtures.request("2026-11-20");
    fields.put("idNumber", "110105194912310021");

    assertThatThrownBy(() -> process.startAsIntake(fields))
        .isInstanceOf(BadUserRequestException.class)
        .hasMessage("证件号码不是有效的居民身份证号码（校验位不符）（idNumber）");
    assertThat(register.count()).isEqualTo(cases);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isEqualTo(instances);
  }

  HttpResponse<String> page(String caseNumber, String user) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
            + "/cases/" + URLEncoder.encode(caseNumber, StandardCharsets.UTF_8)))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes()))
        .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  @Test
  void showsTheCasePageMaskedToReviewersAndInFullToIntakeWithTheViewLogged() throws Exception {
    ProcessTestSupport process = new ProcessTestSupport(engine);
    ProcessInstance pi = process.startAsIntake(CaseFixtures.request("2026-11-20"));
    long caseId = register.findByNumber(pi.getBusinessKey()).orElseThrow().id();

    HttpResponse<String> masked = page(pi.getBusinessKey(), "reviewer");
    HttpResponse<String> full = page(pi.getBusinessKey(), "intake");

    assertThat(masked.statusCode()).isEqualTo(200);
    assertThat(masked.body()).contains("案件卷宗", pi.getBusinessKey(), "审核申请", "1101**********002X",
        "138****5678", "登记申请").doesNotContain(CaseFixtures.ID_NUMBER);
    assertThat(full.body()).contains(CaseFixtures.ID_NUMBER, "13812345678", "已记录", "收件回执", "下载 .docx");
    assertThat(register.personalDataAccesses(caseId)).extracting(CaseRegister.PersonalDataAccess::userId,
        CaseRegister.PersonalDataAccess::channel).containsExactly(org.assertj.core.groups.Tuple.tuple("intake",
        "CASE_PAGE"));
    assertThat(page(pi.getBusinessKey(), "drafter").statusCode()).isEqualTo(403);
  }
}

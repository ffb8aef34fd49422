package cn.gongkai.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.security.LoginLockout;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** What a locked-out user, the auditor and a supervisor see, in headless Chromium (等保2.0 controls). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisabledIfSystemProperty(named = Browser.SKIP_PROPERTY, matches = "true",
    disabledReason = "browser tests skipped by -Dgongkai.browser-tests.skip=true")
class SecurityBrowserIT {

  static final String PASSWORD = "Gk#2026pass";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired LoginLockout lockout;

  Browser browser;

  @BeforeAll
  void start() {
    ProcessEngines.registerProcessEngine(engine);
    browser = Browser.start("http://localhost:" + port);
  }

  @AfterAll
  void stop() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  @Order(1)
  void theLoginPageSaysWhenALockedAccountMayTryAgain() {
    // given an account whose password was guessed wrong five times
    IdentityService identity = engine.getIdentityService();
    User user = identity.newUser("locked1");
    user.setLastName("测试");
    user.setPassword(PASSWORD);
    identity.saveUser(user);
    identity.createMembership("locked1", "intake");
    identity.createTenantUserMembership("chuxiong", "locked1");
    for (int i = 0; i < 5; i++) {
      lockout.failed("locked1", "127.0.0.1", "test");
    }

    // when its owner logs in to Tasklist with the right password
    browser.open("/camunda/app/tasklist/default/");
    browser.driver.manage().deleteAllCookies();
    browser.open("/camunda/app/tasklist/default/");
    WebElement name = browser.waitFor(By.cssSelector("input[ng-model=username]"));
    name.sendKeys("locked1");
    browser.driver.findElement(By.cssSelector("input[type=password]")).sendKeys(PASSWORD);
    browser.driver.findElement(By.cssSelector("button[type=submit]")).click();

    // then the page shows the lock and until when, in Chinese
    browser.wait.until(d -> browser.bodyText().contains("账户已锁定"));
    browser.screenshot("login-locked-account");
    assertThat(browser.bodyText()).containsPattern("账户已锁定，请于\\d\\d:\\d\\d后重试或联系安全管理员");
    assertThat(browser.driver.findElements(By.cssSelector("input[ng-model=username]"))).isNotEmpty();
  }

  @Test
  @Order(2)
  void theAuditorReadsAndFiltersTheAuditLogOnItsPage() {
    browser.login("welcome", "auditor");

    browser.open("/audit");
    browser.waitForText("安全审计日志");
    assertThat(browser.bodyText()).contains("完整性校验：审计日志完整", "登录失败", "账户锁定", "locked1");
    browser.screenshot("audit-page");

    new Select(browser.driver.findElement(By.cssSelector("select[name=kind]"))).selectByVisibleText("账户锁定");
    browser.driver.findElement(By.cssSelector("input[name=user]")).sendKeys("locked1");
    browser.click(browser.driver.findElement(By.cssSelector("#filters button[type=submit]")));
    browser.wait.until(d -> d.getCurrentUrl().contains("kind=ACCOUNT_LOCKED"));

    List<WebElement> rows = browser.driver.findElements(By.cssSelector("#entries tbody tr"));
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).getText()).contains("locked1", "账户锁定", "连续 5 次登录失败");
    browser.screenshot("audit-page-filtered");
  }

  @Test
  @Order(3)
  void aSupervisorSeesNoButtonsForWhatTheyMayNotDoInCockpit() {
    // given a running case
    engine.getIdentityService().setAuthentication("intake", List.of("intake"));
    ProcessInstance instance;
    try {
      Map<String, Object> fields = new java.util.HashMap<>();
      fields.put("applicantType", "NATURAL_PERSON");
      fields.put("applicantName", "张三");
      fields.put("idType", "ID_CARD");
      fields.put("idNumber", "11010519491231002X");
      fields.put("phone", "13812345678");
      fields.put("address", "云南省楚雄彝族自治州楚雄市鹿城镇某路1号");
      fields.put("email", "zhangsan@example.cn");
      fields.put("channel", "IN_PERSON");
      fields.put("receivedOn", "2026-11-20");
      fields.put("description", "2025年度道路维修工程招标文件");
      fields.put("purpose", "了解工程情况");
      fields.put("provisionForm", "ELECTRONIC");
      fields.put("deliveryMethod", "EMAIL");
      instance = engine.getFormService().submitStartForm(engine.getRepositoryService().createProcessDefinitionQuery()
          .processDefinitionKey("disclosure-request").latestVersion().singleResult().getId(), fields);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    String page = "/camunda/app/cockpit/default/#/process-instance/" + instance.getId() + "/runtime";

    // the administrator sees the toolbar (cancel, suspend, modify, add variable)
    browser.login("cockpit", "admin");
    browser.open(page);
    new WebDriverWait(browser.driver, Duration.ofSeconds(30))
        .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".ctn-toolbar button, .ctn-toolbar a")));
    openVariablesTab();
    browser.waitForText("caseNumber");
    assertThat(browser.driver.findElements(By.cssSelector("[ng-click^='enableEditMode(']"))
        .stream().filter(WebElement::isDisplayed).toList()).isNotEmpty();
    browser.screenshot("cockpit-instance-admin");

    // the supervisor sees the same instance without them
    browser.login("cockpit", "supervisor");
    browser.open(page);
    browser.wait.until(d -> !d.findElements(By.cssSelector("body.gk-readonly")).isEmpty());
    openVariablesTab();
    browser.waitForText("caseNumber");
    browser.screenshot("cockpit-instance-supervisor");
    assertThat(browser.bodyText()).contains("〔2026〕", "变量");
    assertThat(browser.driver.findElements(By.cssSelector(".ctn-toolbar button, .ctn-toolbar a"))
        .stream().filter(WebElement::isDisplayed).toList()).isEmpty();
    assertThat(browser.driver.findElements(By.cssSelector("[ng-click^='enableEditMode('], [ng-click^='deleteVariable(']"))
        .stream().filter(WebElement::isDisplayed).toList()).isEmpty();
  }

  /** The desk's 案件 tab opens first on an instance page; the variables (and their edit buttons) are under 变量. */
  void openVariablesTab() {
    browser.click(browser.waitFor(By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space()='变量']")));
  }
}

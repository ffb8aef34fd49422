package cn.gongkai.agency;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.supervision.Browser;
import cn.gongkai.testing.EngineDriver;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * What a department clerk sees in Tasklist: only the department's tasks. zwfw's intake clerk logs in and the group's
 * list (本组待办) holds zwfw's request and none of the prefecture office's; the prefecture office's clerk sees the
 * reverse. Screenshots: target/browser-screenshots/agency-*.png.
 */
// a context of its own: in the shared test context, after the other browser tests, Tasklist's page answered 500 to
// every login (not seen in a fresh context; the cause is not found yet)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.datasource.url=jdbc:h2:mem:agency-browser-${random.uuid};DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisabledIfSystemProperty(named = Browser.SKIP_PROPERTY, matches = "true",
    disabledReason = "browser tests skipped by -Dgongkai.browser-tests.skip=true")
class AgencyTasklistBrowserIT {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  Browser browser;
  EngineDriver driver;

  @BeforeAll
  void start() {
    ClockUtil.reset();
    ProcessEngines.registerProcessEngine(engine);
    driver = new EngineDriver(engine);
    browser = Browser.start("http://localhost:" + port);
  }

  @AfterAll
  void stop() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void aDepartmentClerksTasklistShowsOnlyTheDepartmentsTasks() {
    // given a request at zwfw and one at the prefecture office, both waiting for their intake's screening
    String today = AgencyHttp.today().toString();
    ProcessInstance zwfw = driver.startAs("intake-zwfw", "disclosure-request", AgencyHttp.request(today));
    ProcessInstance prefecture = driver.startAs("intake", "disclosure-request", AgencyHttp.request(today));
    assertThat(zwfw.getTenantId()).isEqualTo("zwfw");
    assertThat(prefecture.getTenantId()).isEqualTo("chuxiong");

    // when zwfw's intake clerk opens the group's tasks in Tasklist
    browser.login("tasklist", "intake-zwfw");
    browser.click(browser.waitFor(By.partialLinkText("本组待办")));
    browser.wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(d -> caseNumbers().contains(zwfw.getBusinessKey()));
    browser.screenshot("agency-zwfw-tasklist");

    // then every task listed is zwfw's, the prefecture office's request is not among them
    List<String> shown = caseNumbers();
    assertThat(shown).contains(zwfw.getBusinessKey()).doesNotContain(prefecture.getBusinessKey());
    assertThat(shown).allMatch(n -> n.startsWith("楚州政务局〔"), "a zwfw case number");
    // (the prefecture's "〔2026〕第1号" is a tail of zwfw's "楚州政务局〔2026〕第1号": look for it standing alone)
    assertThat(browser.bodyText()).doesNotContainPattern(
        "(?<!楚州政务局)" + java.util.regex.Pattern.quote(prefecture.getBusinessKey()));

    // and the prefecture office's clerk sees its own request, not zwfw's
    browser.login("tasklist", "intake");
    browser.click(browser.waitFor(By.partialLinkText("本组待办")));
    WebElement search = browser.waitFor(By.cssSelector(".gk-case-search"));
    search.sendKeys(zwfw.getBusinessKey());
    browser.click(browser.driver.findElement(By.cssSelector(".gk-search button[type=submit]")));
    browser.wait.until(d -> !caseNumbers().contains(prefecture.getBusinessKey()));
    browser.screenshot("agency-prefecture-searches-zwfw-case");
    assertThat(caseNumbers()).doesNotContain(zwfw.getBusinessKey());
  }

  /** The case numbers of the task cards in the list (the desk plugin marks each card with its case). */
  private List<String> caseNumbers() {
    return browser.driver.findElements(By.cssSelector("[data-case-number]")).stream()
        .map(e -> e.getDomAttribute("data-case-number")).toList();
  }
}

package cn.gongkai.request;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.material.Mark;
import cn.gongkai.material.MarkState;
import cn.gongkai.material.MaterialView;
import cn.gongkai.material.Materials;
import cn.gongkai.supervision.Browser;
import cn.gongkai.testing.EngineDriver;
import cn.gongkai.testing.ReleaseSamples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Marking and reviewing the released information in headless Chromium (issue 16): the handler uploads the file on the
 * case page, accepts a suggestion, draws an area and types a text, each with its ground; the secrecy reviewer sees the
 * original and the redacted copy side by side, returns one mark with a reason, and after the handler's change
 * approves. Screenshots in target/browser-screenshots/material-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisabledIfSystemProperty(named = Browser.SKIP_PROPERTY, matches = "true",
    disabledReason = "browser tests skipped by -Dgongkai.browser-tests.skip=true")
class MaterialBrowserIT {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired Materials materials;

  Browser browser;
  /** Uploads, page rendering and the detector's first run take long on a loaded machine. */
  org.openqa.selenium.support.ui.WebDriverWait slow;
  EngineDriver driver;

  @BeforeAll
  void start() {
    ClockUtil.reset();
    ProcessEngines.registerProcessEngine(engine);
    driver = new EngineDriver(engine);
    browser = Browser.start("http://localhost:" + port);
    slow = new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, java.time.Duration.ofSeconds(180));
  }

  @AfterAll
  void stop() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void handlerMarksAndReviewerReturnsThenApproves() throws Exception {
    // given a case at 办理申请
    ProcessInstance pi = driver.startAs("intake", "disclosure-request",
        CaseFixtures.request(java.time.LocalDate.now(EngineDriver.BEIJING).toString()));
    driver.complete(pi, "Task_ScreenRequest", "intake", Map.of("screeningDecision", "ACCEPT"));
    String caseNumber = pi.getBusinessKey();

    // when the handler uploads the notice on the case page
    browser.login("tasklist", "handler");
    browser.open("/cases/" + caseNumber);
    Path file = Files.createTempDirectory("material").resolve("招标公告.pdf");
    Files.write(file, ReleaseSamples.tenderNotice());
    browser.driver.findElement(By.cssSelector("#material-upload input[type=file]")).sendKeys(file.toString());
    browser.click(browser.driver.findElement(By.cssSelector("#material-upload button[type=submit]")));
    try {
      slow.until(d -> !d.findElements(By.cssSelector("#materials tr.material")).isEmpty()
          || d.findElements(By.cssSelector("#material-upload .upload-refused")).stream()
              .anyMatch(e -> !e.getText().isBlank()));
    } finally {
      browser.screenshot("material-case-page-uploaded");
    }
    assertThat(browser.driver.findElements(By.cssSelector("#material-upload .upload-refused")))
        .allSatisfy(e -> assertThat(e.getText()).isBlank());
    WebElement row = browser.waitFor(By.cssSelector("#materials tr.material"));
    assertThat(row.getText()).contains("招标公告.pdf", "第1版", "2", "无（全文公开）");
    browser.screenshot("material-case-page");
    MaterialView m = materials.list(caseNumber).get(0);

    // and opens the marking screen
    browser.click(row.findElement(By.cssSelector("a.material-mark")));
    browser.waitFor(By.cssSelector(".page img"));
    slow.until(d -> !d.findElements(By.cssSelector("#suggestions tr.suggestion")).isEmpty());
    assertThat(browser.bodyText()).contains("系统建议（个人信息）", "身份证号码", "11010519491231002X");

    // accepts the ID number suggestion and rejects nothing else but the phone (an office line)
    WebElement idSuggestion = suggestion("11010519491231002X");
    browser.click(idSuggestion.findElement(By.cssSelector("button.accept")));
    if (!browser.driver.findElements(By.xpath("//tr[contains(@class,'suggestion')][contains(., '13812345678')]"))
        .isEmpty()) {
      browser.click(suggestion("13812345678").findElement(By.cssSelector("button.reject")));
    }

    // draws an area over the project leader's name line (page 1, 4th line) with the default ground
    WebElement page = browser.driver.findElement(By.cssSelector(".page[data-page='1'] .overlay"));
    browser.driver.executeScript("arguments[0].scrollIntoView({block: 'start'});", page);
    double scale = 620 / 595.28;
    int top = (int) Math.round((80 + 3 * 22 - 14) * scale);
    int height = (int) Math.round(20 * scale);
    int left = (int) Math.round(55 * scale);
    int width = (int) Math.round(180 * scale);
    int halfW = page.getSize().getWidth() / 2;
    int halfH = page.getSize().getHeight() / 2;
    new Actions(browser.driver).moveToElement(page, left - halfW, top - halfH).clickAndHold()
        .moveByOffset(width / 2, height / 2).moveByOffset(width - width / 2, height - height / 2).release().perform();

    // and types a text to remove with another ground (过程性信息)
    new Select(browser.driver.findElement(By.id("default-code"))).selectByValue("PROCESS_INFO");
    browser.driver.findElement(By.id("text-mark")).sendKeys("本工程预算按照本市市政工程计价规定编制。");
    browser.click(browser.driver.findElement(By.id("add-text")));
    assertThat(browser.driver.findElements(By.cssSelector("#marks tr.mark-row"))).hasSize(3);
    browser.click(browser.driver.findElement(By.id("save")));
    slow.until(d -> browser.bodyText().contains("已保存，共3处标注"));
    browser.screenshot("material-marking");

    // then three marks are stored with their grounds
    List<Mark> marks = materials.marks(m.id());
    assertThat(marks).extracting(Mark::exemptionCode)
        .containsExactlyInAnyOrder("THIRD_PARTY", "THIRD_PARTY", "PROCESS_INFO");
    assertThat(marks).anySatisfy(k -> assertThat(k.page()).isEqualTo(1));

    // when the handler decides 部分公开 and the secrecy reviewer opens the review screen
    driver.complete(pi, "Task_HandleRequest", "handler", Map.of("nextAction", "DECIDE", "outcome", "PARTIAL",
        "decisionReason", "项目负责人的个人信息不予公开，其余部分予以公开。", "provisionGuidance", "电子邮件发送。"));
    browser.login("tasklist", "reviewer");
    browser.open("/cases/" + caseNumber + "/materials/" + m.id() + "/review");
    slow.until(d -> d.findElements(By.cssSelector("#marks tr.mark-row")).size() == 3);
    assertThat(browser.driver.findElements(By.cssSelector(".spread"))).hasSize(2);
    assertThat(browser.driver.findElements(By.cssSelector(".spread .page.original img"))).hasSize(2);
    assertThat(browser.driver.findElements(By.cssSelector(".spread .page.redacted img"))).hasSize(2);
    assertThat(browser.bodyText()).contains("原件 第1页", "处理后文本 第1页", "商业秘密或个人隐私", "过程性信息");
    browser.screenshot("material-review");

    // and returns the 过程性信息 mark with a reason, approving the others
    for (WebElement r : browser.driver.findElements(By.cssSelector("#marks tr.mark-row"))) {
      if (r.getText().contains("过程性信息")) {
        browser.click(r.findElement(By.cssSelector("input.return")));
        r.findElement(By.cssSelector("input.reason-input")).sendKeys("预算编制依据已主动公开，不属于过程性信息");
      } else {
        browser.click(r.findElement(By.cssSelector("input.approve")));
      }
    }
    browser.click(browser.driver.findElement(By.id("submit-review")));
    slow.until(d -> browser.bodyText().contains("已提交：2处通过，1处退回"));
    browser.screenshot("material-review-returned");
    driver.complete(pi, "Task_SecrecyReview", "reviewer", Map.of("secrecyReviewResult", "RETURNED",
        "secrecyReviewComment", "一处标注理由不当，见标注意见"));

    // then the case is back at 办理申请, and the handler sees the returned mark with its reason
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult()
        .getTaskDefinitionKey()).isEqualTo("Task_HandleRequest");
    browser.login("tasklist", "handler");
    browser.open("/cases/" + caseNumber + "/materials/" + m.id());
    slow.until(d -> browser.bodyText().contains("退回理由：预算编制依据已主动公开，不属于过程性信息"));
    assertThat(browser.bodyText()).contains("已退回", "已通过");
    browser.screenshot("material-returned-to-handler");

    // when the handler removes the returned mark, saves and decides again
    for (WebElement r : browser.driver.findElements(By.cssSelector("#marks tr.mark-row"))) {
      if (r.getText().contains("已退回")) {
        browser.click(r.findElement(By.xpath(".//button[text()='删除']")));
        break;
      }
    }
    browser.click(browser.driver.findElement(By.id("save")));
    slow.until(d -> browser.bodyText().contains("已保存，共2处标注"));
    driver.complete(pi, "Task_HandleRequest", "handler", Map.of("nextAction", "DECIDE", "outcome", "PARTIAL",
        "decisionReason", "项目负责人的个人信息不予公开，其余部分予以公开。", "provisionGuidance", "电子邮件发送。"));

    // then the reviewer sees both marks approved and passes the review
    browser.login("tasklist", "reviewer");
    browser.open("/cases/" + caseNumber + "/materials/" + m.id() + "/review");
    slow.until(d -> d.findElements(By.cssSelector("#marks tr.mark-row")).size() == 2);
    assertThat(materials.marks(m.id())).extracting(Mark::state).containsOnly(MarkState.APPROVED);
    browser.screenshot("material-review-approved");
    driver.complete(pi, "Task_SecrecyReview", "reviewer", Map.of("secrecyReviewResult", "APPROVED"));
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult()
        .getTaskDefinitionKey()).isEqualTo("Task_LegalReview");
  }

  WebElement suggestion(String text) {
    return browser.driver.findElement(By.xpath("//tr[contains(@class,'suggestion')][contains(., '" + text + "')]"));
  }
}

package cn.gongkai.portal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.request.CaseRegister;
import cn.gongkai.supervision.Browser;
import cn.gongkai.testing.EngineDriver;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The applicant portal as an applicant and intake use it, in headless Chromium with the challenge on:
 * apply on a phone and on a desktop, intake confirms in Tasklist, the applicant tracks with the 查询码,
 * answers a correction notice and downloads the reply. Screenshots in target/browser-screenshots/portal-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.mail.port=18625",
    "gongkai.portal.rate-limit.submissions-per-hour=1000",
    "gongkai.portal.rate-limit.lookups-per-minute=10000",
    "gongkai.portal.mail.scan-delay-ms=3600000",
    "gongkai.portal.mail.send-delay-ms=3600000"})
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisabledIfSystemProperty(named = Browser.SKIP_PROPERTY, matches = "true",
    disabledReason = "browser tests skipped by -Dgongkai.browser-tests.skip=true")
class PortalBrowserIT {

  static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired CaseRegister register;

  Browser browser;
  EngineDriver driver;
  String phoneNumber;
  String phoneCode;
  String caseNumber;

  @BeforeAll
  void start() {
    browser = Browser.start("http://localhost:" + port);
    driver = new EngineDriver(engine);
  }

  @AfterAll
  void stop() {
    if (browser != null) {
      browser.close();
    }
  }

  static String today() {
    return LocalDate.now(BEIJING).toString();
  }

  void phone() {
    browser.driver.manage().window().setSize(new Dimension(390, 844));
  }

  void desktop() {
    browser.driver.manage().window().setSize(new Dimension(1440, 1000));
  }

  void fill(String id, String text) {
    WebElement input = browser.waitFor(By.id(id));
    input.clear();
    input.sendKeys(text);
  }

  void select(String id, String label) {
    new Select(browser.driver.findElement(By.id(id))).selectByVisibleText(label);
  }

  void fillApplication(String name, String phoneNumber) {
    browser.wait.until(d -> !new Select(d.findElement(By.id("agency"))).getOptions().isEmpty());
    select("applicantType", "自然人");
    fill("applicantName", name);
    select("idType", "居民身份证");
    fill("idNumber", PortalHttp.ID_NUMBER);
    fill("phone", phoneNumber);
    fill("email", "wangwu@example.cn");
    fill("description", "2025年楚雄市鹿城南路维修工程的招标文件");
    fill("documentTitle", "鹿城南路维修工程招标公告");
    fill("purpose", "了解工程情况");
    select("provisionForm", "电子数据");
    select("deliveryMethod", "网上获取");
  }

  void submit() {
    browser.click(browser.driver.findElement(By.id("submit")));
  }

  @Test
  @Order(1)
  void appliesOnAPhoneAndIsToldWhatIsWrongThenGetsANumberAndACode() {
    phone();
    browser.open("/portal/");
    assertThat(browser.driver.getTitle()).isEqualTo("政府信息公开网上申请");
    fillApplication("王五", "12345");
    browser.screenshot("portal-apply-phone");

    submit();

    WebElement errors = browser.waitFor(By.id("errors"));
    assertThat(errors.getText()).contains("联系电话格式不正确");
    assertThat(browser.driver.findElement(By.cssSelector("[data-field='phone'] .field-error")).getText())
        .contains("联系电话格式不正确");
    browser.screenshot("portal-apply-error-phone");

    fill("phone", "13912345678");
    submit();

    WebElement result = browser.waitFor(By.id("result"));
    phoneNumber = browser.driver.findElement(By.id("result-number")).getText();
    phoneCode = browser.driver.findElement(By.id("result-code")).getText();
    assertThat(phoneNumber).startsWith("WS");
    assertThat(phoneCode).hasSizeGreaterThanOrEqualTo(12);
    assertThat(result.getText()).contains("请立即记下或截图保存查询码", "双方确认之日为收到申请之日");
    browser.screenshot("portal-submitted-phone");
    // the page's width fits the phone: nothing to scroll sideways
    Long overflow = (Long) browser.driver.executeScript(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
    assertThat(overflow).isLessThanOrEqualTo(0L);
    ProcessInstance pi = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(phoneNumber).singleResult();
    assertThat(driver.task(pi, "Task_ConfirmOnlineRequest")).isNotNull();
  }

  @Test
  @Order(2)
  void appliesOnADesktop() {
    desktop();
    browser.open("/portal/");
    fillApplication("赵七", "0878-3123456");
    browser.screenshot("portal-apply-desktop");
    submit();
    browser.waitFor(By.id("result"));
    assertThat(browser.driver.findElement(By.id("result-number")).getText()).startsWith("WS");
    browser.screenshot("portal-submitted-desktop");
  }

  @Test
  @Order(3)
  void intakeConfirmsInTasklist() {
    desktop();
    ProcessInstance pi = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(phoneNumber).singleResult();
    Task task = driver.task(pi, "Task_ConfirmOnlineRequest");
    browser.login("tasklist", "intake");
    browser.open("/camunda/app/tasklist/default/#/?task=" + task.getId());
    browser.click(browser.waitFor(By.cssSelector("button.claim")));
    browser.waitFor(By.cssSelector(".fjs-form-field-select"));
    assertThat(browser.bodyText()).contains("确认网上申请", "网上申请：" + phoneNumber);
    // the masked applicant and the request, read-only; no personal data in the form
    browser.wait.until(d -> formValue("Field_ApplicantNameMasked").startsWith("王"));
    assertThat(formValue("Field_ApplicantNameMasked")).isNotEqualTo("王五");
    assertThat(formValue("Field_Description")).contains("鹿城南路维修工程", "鹿城南路维修工程招标公告");
    assertThat(formValue("Field_SubmittedOn")).isEqualTo(today());
    chooseInForm("确认结果", "已与申请人确认");
    WebElement date = browser.waitFor(By.cssSelector("input[id$='Field_ReceivedOn-date'], input[id$='Field_ReceivedOn']"));
    date.sendKeys(today());
    date.sendKeys(Keys.TAB);
    browser.screenshot("portal-tasklist-confirm");
    browser.click(browser.waitFor(By.cssSelector("button.btn-primary[ng-click^='complete']")));
    browser.wait.until(d -> engine.getTaskService().createTaskQuery().taskId(task.getId()).count() == 0);

    caseNumber = register.findByProcessInstance(pi.getId()).orElseThrow().caseNumber();
    assertThat(register.findByNumber(caseNumber).orElseThrow().receivedOn()).isEqualTo(LocalDate.parse(today()));
  }

  String formValue(String fieldId) {
    return browser.driver.findElement(By.cssSelector(":is(input, textarea)[id$='" + fieldId + "']"))
        .getDomProperty("value");
  }

  void chooseInForm(String label, String option) {
    WebElement field = browser.waitFor(By.xpath("//div[contains(@class,'fjs-form-field-select')]"
        + "[.//label[starts-with(normalize-space(), '" + label + "')]]"));
    browser.wait.until(ExpectedConditions.elementToBeClickable(field.findElement(By.cssSelector(".fjs-input-group"))));
    browser.click(field.findElement(By.cssSelector(".fjs-input-group")));
    browser.click(browser.waitFor(By.xpath("//*[contains(@class,'fjs-dropdownlist-item')][starts-with(normalize-space(), '"
        + option + "')]")));
  }

  void track(String number, String code) {
    browser.open("/portal/track.html?n=" + number);
    assertThat(browser.waitFor(By.id("number")).getDomProperty("value")).isEqualTo(number);
    fill("code", code);
    browser.click(browser.driver.findElement(By.id("lookup-submit")));
  }

  @Test
  @Order(4)
  void tracksWithTheCodeAndIsToldAWrongCodeLikeAnUnknownNumber() {
    phone();
    track(phoneNumber, "WRONGWRONGWRONG1");
    WebElement errors = browser.waitFor(By.id("errors"));
    assertThat(errors.getText()).contains("未找到该申请，或查询码不正确");
    browser.screenshot("portal-track-wrong-code-phone");

    track(phoneNumber, phoneCode);

    browser.wait.until(ExpectedConditions.textToBe(By.id("state"), "已受理"));
    assertThat(browser.driver.findElement(By.id("f-caseNumber")).getText()).isEqualTo(caseNumber);
    assertThat(browser.driver.findElement(By.id("f-receivedOn")).getText()).isEqualTo(today());
    assertThat(browser.driver.findElement(By.id("f-replyDueOn")).getText()).contains("当日24时届满");
    assertThat(browser.driver.findElement(By.id("letters")).getText()).contains("收件回执");
    assertThat(browser.bodyText()).doesNotContain("intake", "王五", PortalHttp.ID_NUMBER);
    browser.screenshot("portal-track-accepted-phone");
  }

  @Test
  @Order(5)
  void answersTheCorrectionNoticeOnThePortal() {
    ProcessInstance pi = caseInstance();
    driver.complete(pi, "Task_ScreenRequest", "intake", Map.of("screeningDecision", "NEEDS_CORRECTION"));
    driver.complete(pi, "Task_SendCorrectionNotice", "intake",
        Map.of("correctionItems", "请写明工程的项目编号", "correctionNoticeDeliveredOn", today()));
    phone();
    track(phoneNumber, phoneCode);
    browser.wait.until(ExpectedConditions.textToBe(By.id("state"), "需补正"));
    assertThat(browser.driver.findElement(By.id("letters")).getText()).contains("补正告知书");
    WebElement text = browser.waitFor(By.id("correctedDescription"));
    text.sendKeys("2025年楚雄市鹿城南路维修工程（项目编号 CX-2025-017）的招标文件");
    browser.screenshot("portal-correction-phone");
    browser.click(browser.driver.findElement(By.id("correct-submit")));

    browser.wait.until(d -> !"需补正".equals(d.findElement(By.id("state")).getText()));
    assertThat(browser.driver.findElement(By.id("f-correctedOn")).getText()).isEqualTo(today());
    assertThat(browser.driver.findElement(By.id("correction")).isDisplayed()).isFalse();
    browser.screenshot("portal-correction-sent-phone");
    assertThat(driver.task(pi, "Task_ScreenRequest")).isNotNull();
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), "description").toString()).contains("CX-2025-017");
  }

  ProcessInstance caseInstance() {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
        .singleResult();
  }

  @Test
  @Order(6)
  void downloadsTheReplyOnADesktop() throws Exception {
    ProcessInstance pi = caseInstance();
    driver.complete(pi, "Task_ScreenRequest", "intake", Map.of("screeningDecision", "ACCEPT"));
    Map<String, Object> decision = new HashMap<>();
    decision.put("nextAction", "DECIDE");
    decision.put("outcome", "DISCLOSE");
    decision.put("decisionReason", "经检索，所需信息属于可以公开的政府信息");
    decision.put("provisionGuidance", "招标文件见附件");
    decision.put("decisionArticles", "《中华人民共和国政府信息公开条例》第三十六条第二项");
    driver.complete(pi, "Task_HandleRequest", "handler", decision);
    driver.complete(pi, "Task_SecrecyReview", "reviewer", Map.of("secrecyReviewResult", "APPROVED"));
    driver.complete(pi, "Task_SignOffReply", "leader", Map.of("signOffResult", "APPROVED", "signedOn", today()));
    driver.complete(pi, "Task_DeliverReply", "intake", Map.of("replyDeliveryMethod", "ONLINE", "repliedOn", today()));

    desktop();
    track(caseNumber, phoneCode);

    browser.wait.until(ExpectedConditions.textToBe(By.id("state"), "已办结"));
    WebElement letters = browser.driver.findElement(By.id("letters"));
    assertThat(letters.getText()).contains("收件回执", "补正告知书", "予以公开答复书");
    browser.screenshot("portal-track-replied-desktop");
    List<WebElement> rows = letters.findElements(By.tagName("tr"));
    WebElement reply = rows.stream().filter(r -> r.getText().contains("予以公开答复书")).findFirst().orElseThrow();
    String href = reply.findElement(By.tagName("a")).getDomAttribute("href");
    HttpResponse<byte[]> file = new PortalHttp(port).download(href);
    assertThat(file.statusCode()).isEqualTo(200);
    assertThat(Arrays.copyOf(file.body(), 2)).isEqualTo(new byte[] {'P', 'K'});
    assertThat(file.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment");
  }
}

package cn.gongkai.desk;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.supervision.Browser;
import cn.gongkai.testing.EngineDriver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
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
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The desk as staff use it all day, in headless Chromium: registering a request through the start form
 * (Chinese messages beside the fields, Chinese date picker, the new case number at the end, no silent loss of
 * what was typed), the task list (case number, applicant, due date, working days left, search by case
 * number), claiming, a 退回 without reason refused in the form, the case page, and Cockpit's view of a case.
 * Screenshots in target/browser-screenshots/desk-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisabledIfSystemProperty(named = Browser.SKIP_PROPERTY, matches = "true",
    disabledReason = "browser tests skipped by -Dgongkai.browser-tests.skip=true")
class DeskBrowserIT {

  static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired cn.gongkai.request.CaseRegister register;
  @Autowired cn.gongkai.letters.CaseArchive archive;
  @Autowired cn.gongkai.letters.Letters letters;
  @Autowired cn.gongkai.material.Materials materials;

  Browser browser;
  EngineDriver driver;
  /** The case intake registers through the start form in the first test. */
  String registered;

  @BeforeAll
  void start() {
    ClockUtil.reset();
    ProcessEngines.registerProcessEngine(engine);
    IdentityService identity = engine.getIdentityService();
    if (identity.createGroupQuery().groupId(Groups.CAMUNDA_ADMIN).count() == 0) {
      Group group = identity.newGroup(Groups.CAMUNDA_ADMIN);
      group.setName("Camunda 管理员");
      group.setType(Groups.GROUP_TYPE_SYSTEM);
      identity.saveGroup(group);
    }
    if (identity.createUserQuery().userId("admin").memberOfGroup(Groups.CAMUNDA_ADMIN).count() == 0) {
      identity.createMembership("admin", Groups.CAMUNDA_ADMIN);
    }
    driver = new EngineDriver(engine);
    browser = Browser.start("http://localhost:" + port);
  }

  @AfterAll
  void stop() {
    if (browser != null) {
      browser.close();
    }
  }

  static LocalDate today() {
    return LocalDate.now(BEIJING);
  }

  // ---- registering a request ----

  @Test
  @Order(1)
  void intakeRegistersARequestWithChineseChecksAndIsToldTheCaseNumber() {
    browser.login("tasklist", "intake");
    openStartForm();

    // when intake types a malformed ID number, phone and e-mail
    type("Field_ApplicantName", "张三丰");
    type("Field_IdNumber", "11010519491231002");
    type("Field_Phone", "12345");
    type("Field_Email", "zhangsan");
    choose("申请人类型", "自然人");
    choose("身份证件类型", "居民身份证");

    // and tries 发起, which Tasklist greys out while the form has a mistake
    WebElement start = browser.driver.findElement(By.cssSelector(".modal button[ng-click^='startProcessInstance']"));
    assertThat(start.isEnabled()).isFalse();
    new Actions(browser.driver).moveToElement(start).click().perform();

    // then every problem shows at once, in Chinese, next to its field
    browser.wait.until(d -> error("Field_Phone") != null && error("Field_IdNumber") != null
        && error("Field_Email") != null && error("Field_Description") != null);
    browser.screenshot("desk-start-form-errors");
    assertThat(error("Field_Phone")).contains("请填写11位手机号码");
    assertThat(error("Field_IdNumber")).contains("居民身份证号码应为18位");
    assertThat(error("Field_Email")).contains("电子邮箱");
    assertThat(error("Field_Description")).isEqualTo("此项必须填写。");
    assertThat(modalText()).doesNotContain("Field is required", "Field must");

    // and the date picker speaks Chinese, starts the week on Monday and offers no day after today
    browser.click(input("Field_ReceivedOn"));
    WebElement calendar = browser.waitFor(By.cssSelector(".flatpickr-calendar.open"));
    List<String> weekdays = new ArrayList<>();
    calendar.findElements(By.cssSelector(".flatpickr-weekday")).forEach(w -> weekdays.add(w.getText().strip()));
    assertThat(weekdays).containsExactly("一", "二", "三", "四", "五", "六", "日");
    assertThat(calendar.getText()).contains(monthName(today().getMonthValue()));
    assertThat(calendar.findElements(By.cssSelector(".flatpickr-day.today"))).hasSize(1);
    List<WebElement> tomorrow = calendar.findElements(By.cssSelector(".flatpickr-day[aria-label]")).stream()
        .filter(day -> day.getDomAttribute("class").contains("flatpickr-disabled")).toList();
    if (today().plusDays(1).getMonth() == today().getMonth()) {
      assertThat(tomorrow).as("days after today are disabled").isNotEmpty();
    }
    browser.screenshot("desk-start-form-date-picker");

    // when intake presses Esc (calendar first, then the dialog) and does not want to lose the typing
    // (the page's confirm() is answered "no" by the test and records its question)
    browser.driver.executeScript(
        "window.gkAsked = []; window.confirm = question => { window.gkAsked.push(question); return false; };");
    new Actions(browser.driver).sendKeys(Keys.ESCAPE).perform();
    browser.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".flatpickr-calendar.open")));
    assertThat(asked()).as("Esc in the date picker closes the picker only").isEmpty();
    new Actions(browser.driver).sendKeys(Keys.ESCAPE).perform();
    browser.wait.until(d -> asked().size() == 1);
    assertThat(asked()).containsExactly("放弃已填写的内容？");
    // then the dialog is still there with what was typed
    assertThat(browser.driver.findElements(By.cssSelector(".modal"))).hasSize(1);
    assertThat(input("Field_ApplicantName").getDomProperty("value")).isEqualTo("张三丰");

    // and so after a click beside the dialog
    // (the dialog is centred and 900 px wide in a 1440 px window: x = 30 is beside it, on the backdrop)
    new Actions(browser.driver).moveToLocation(30, 400).click().perform();
    browser.wait.until(d -> asked().size() == 2);
    assertThat(browser.driver.findElements(By.cssSelector(".modal"))).hasSize(1);
    assertThat(input("Field_ApplicantName").getDomProperty("value")).isEqualTo("张三丰");

    // when intake corrects the mistakes, completes the form and registers
    retype("Field_IdNumber", "11010519491231002X");
    retype("Field_Phone", "13812345678");
    retype("Field_Email", "zhangsan@example.cn");
    choose("申请方式", "当面");
    // received yesterday (Beijing): never after the browser's today, whatever the browser's time zone
    retype("Field_ReceivedOn", today().minusDays(1).toString());
    input("Field_ReceivedOn").sendKeys(Keys.TAB);
    type("Field_Description", "2025年楚雄市城市道路改造项目的立项批复文件\n及其附件");
    browser.wait.until(d -> browser.driver.findElements(By.cssSelector(".modal .fjs-form-field-error")).isEmpty());
    browser.screenshot("desk-start-form-filled");
    browser.click(browser.driver.findElement(By.cssSelector(".modal button[ng-click^='startProcessInstance']")));

    // then the new case number is shown to be written on the receipt, and it is the case registered
    WebElement started = browser.waitFor(By.cssSelector(".gk-started"));
    registered = started.getDomAttribute("data-case-number");
    assertThat(started.getText()).contains("已登记，案件编号：" + registered, "收件回执");
    assertThat(registered).matches("〔\\d{4}〕第\\d+号");
    // with the applicant's 查询码 (shown this once), which tracks the case on the portal
    browser.wait.until(d -> started.getDomAttribute("data-query-code") != null);
    String code = started.getDomAttribute("data-query-code");
    assertThat(code).matches("[A-HJKMNP-Z2-9]{16}");
    assertThat(started.getText()).contains("查询码：" + code, "/portal/track.html");
    ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(registered).singleResult();
    assertThat(instance).isNotNull();
    // by default the screening task waits in 本组待办 to be claimed
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult()
        .getAssignee()).isNull();
    browser.screenshot("desk-start-form-registered");
  }

  // ---- the task list ----

  @Test
  @Order(2)
  void taskListShowsCaseApplicantDueDateAndWorkingDaysAndFindsACaseByNumber() {
    ProcessInstance other = driver.startAs("intake", "disclosure-request", request("李小龙", today()));
    browser.login("tasklist", "intake");
    browser.click(browser.waitFor(By.partialLinkText("本组待办")));
    // the list is ordered by due date and, in a shared test context, holds other tests' older cases in front
    // of these two (beyond its first page): each is found by its case number

    // when intake searches by the case number, then only that case's task is listed, and its card tells the
    // case: number, applicant in full for intake, due date, working days left
    WebElement card = search(registered);
    assertThat(card.getText()).contains(registered, "申请人：张三丰", "期限 ", "剩余");
    browser.screenshot("desk-tasklist-search");
    assertThat(search(other.getBusinessKey()).getText()).contains(other.getBusinessKey(), "申请人：李小龙");
    browser.screenshot("desk-tasklist-cards");
  }

  @Test
  @Order(3)
  void aHandlerSeesTheApplicantMasked() {
    ProcessInstance pi = driver.startAs("intake", "disclosure-request", request("王五六", today()));
    driver.complete(pi, "Task_ScreenRequest", "intake", Map.of("screeningDecision", "ACCEPT"));
    browser.login("tasklist", "handler");
    browser.click(browser.waitFor(By.partialLinkText("本组待办")));

    WebElement card = search(pi.getBusinessKey());
    assertThat(card.getText()).contains("申请人：王**", "期限 ").doesNotContain("王五六");
    browser.screenshot("desk-tasklist-handler-masked");
  }

  // ---- claiming, the case page ----

  @Test
  @Order(4)
  void anUnclaimedTaskExplainsClaimingAndOpensTheCasePageInANewTab() {
    String taskId = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(registered)
        .singleResult().getId();
    browser.login("tasklist", "intake");
    browser.open("/camunda/app/tasklist/default/#/?task=" + taskId);

    // then the form says how 认领 works, before anything is claimed
    WebElement note = browser.waitFor(By.cssSelector(".gk-claim-note"));
    assertThat(note.getText()).contains("认领", "我的待办", "取消认领");
    WebElement link = browser.waitFor(By.cssSelector(".fjs-container a[href*='/cases/']"));
    browser.wait.until(d -> "_blank".equals(link.getDomAttribute("target")));
    browser.screenshot("desk-task-unclaimed");

    // when intake follows the case link without claiming: a new tab with the case page
    String tasklist = browser.driver.getWindowHandle();
    browser.click(link);
    browser.wait.until(d -> d.getWindowHandles().size() == 2);
    String caseTab = browser.driver.getWindowHandles().stream().filter(h -> !h.equals(tasklist)).findFirst()
        .orElseThrow();
    browser.driver.switchTo().window(caseTab);
    browser.waitFor(By.cssSelector(".case-header"));
    assertThat(browser.driver.findElement(By.cssSelector(".case-number")).getText()).isEqualTo(registered);
    assertThat(browser.driver.findElement(By.cssSelector(".case-applicant")).getText()).isEqualTo("张三丰");
    assertThat(browser.bodyText()).contains("办理中", "返回任务办理", "登记申请", "受理");
    browser.screenshot("desk-case-page-from-task");
    browser.driver.close();
    browser.driver.switchTo().window(tasklist);
  }

  @Test
  @Order(5)
  void aReturnWithoutReasonIsRefusedInTheForm() {
    ProcessInstance pi = atSecrecyReview(request("赵六", today()));
    Task review = driver.task(pi, "Task_SecrecyReview");
    browser.login("tasklist", "reviewer");
    browser.open("/camunda/app/tasklist/default/#/?task=" + review.getId());
    browser.click(browser.waitFor(By.cssSelector("button.claim")));
    browser.waitFor(By.cssSelector(".fjs-form-field-select"));

    // when the reviewer chooses 退回 and completes without a reason
    choose("保密审查结论", "退回");
    WebElement complete = browser.waitFor(By.cssSelector("button.btn-primary[ng-click^='complete']"));
    browser.wait.until(ExpectedConditions.elementToBeClickable(complete));
    browser.click(complete);

    // then the form says so beside the reason, and the task is still open
    WebElement refusal = browser.waitFor(By.cssSelector(".gk-return-reason-error"));
    assertThat(refusal.getText()).isEqualTo("退回时必须填写理由。");
    browser.screenshot("desk-return-without-reason");
    assertThat(engine.getTaskService().createTaskQuery().taskId(review.getId()).count()).isEqualTo(1);

    // when the reason is given, the return goes through
    browser.driver.findElement(By.cssSelector("textarea[id$='Field_SecrecyReviewComment']"))
        .sendKeys("第三段涉及个人隐私，请删除后再送审。");
    browser.wait.until(d -> d.findElements(By.cssSelector(".gk-return-reason-error")).isEmpty());
    browser.click(browser.driver.findElement(By.cssSelector("button.btn-primary[ng-click^='complete']")));
    browser.wait.until(d -> engine.getTaskService().createTaskQuery().taskId(review.getId()).count() == 0);

    // and the case page tells it in Chinese, with names
    browser.open("/cases/" + pi.getBusinessKey());
    browser.waitFor(By.cssSelector(".case-header"));
    String page = browser.bodyText();
    assertThat(page).contains("予以公开", "退回", "保密审查", "第三段涉及个人隐私")
        .doesNotContain("DISCLOSE", "RETURNED", "APPROVED", "赵六");
    browser.screenshot("desk-case-page-returned");
  }

  // ---- Cockpit ----

  @Test
  @Order(6)
  void supervisorSeesSupervisionFirstAndTheCaseOfAnInstance() {
    browser.login("cockpit", "supervisor");
    WebElement supervision = browser.waitFor(By.cssSelector("section.gk-sv[data-gk-supervision='all']"));
    WebElement rightNow = browser.waitFor(By.cssSelector(".dashboard section.actual"));
    assertThat(supervision.getLocation().getY()).as("督办 above Cockpit's own figures")
        .isLessThan(rightNow.getLocation().getY());
    assertThat(browser.bodyText()).doesNotContain("自定义插件");
    browser.screenshot("desk-cockpit-dashboard");

    ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(registered).singleResult();
    browser.open("/camunda/app/cockpit/default/#/process-instance/" + instance.getId() + "/runtime");
    WebElement tab = browser.waitFor(By.cssSelector(".gk-case"));
    assertThat(tab.getText()).contains(registered, "张**（自然人）", "当面").doesNotContain("张三丰");
    browser.screenshot("desk-cockpit-instance-case");
  }

  // ---- refusals of the server ----

  @Test
  @Order(7)
  void aServerRefusalIsOnePlainChineseSentenceThatGoesOnceCorrected() {
    browser.login("tasklist", "intake");
    openStartForm();
    // given a form the browser cannot fault: an ID number of the right length whose check digit is wrong
    type("Field_ApplicantName", "孙七");
    choose("申请人类型", "自然人");
    choose("身份证件类型", "居民身份证");
    type("Field_IdNumber", "110105194912310021");
    type("Field_Phone", "13812345678");
    choose("申请方式", "当面");
    retype("Field_ReceivedOn", today().toString());
    input("Field_ReceivedOn").sendKeys(Keys.TAB);
    type("Field_Description", "楚雄市2025年度财政预算执行情况");

    // when intake registers it, twice
    startButtonClick();
    until("desk-start-form-refused-once", d -> refusals().size() == 1);
    startButtonClick();
    until("desk-start-form-refused-twice", d -> refusals().size() == 1 && serverError("Field_IdNumber") != null);

    // then one banner says it in plain Chinese, without the engine's prefix, ids or variable names,
    // and the field says it too
    String banner = refusals().get(0).getText();
    assertThat(banner).contains("未能登记", "证件号码不是有效的居民身份证号码（校验位不符）")
        .doesNotContain("Cannot", "instantiate", "disclosure-request", "idNumber", "ENGINE", "Exception");
    assertThat(serverError("Field_IdNumber")).isEqualTo("证件号码不是有效的居民身份证号码（校验位不符）。");
    browser.screenshot("desk-start-form-refused");
    browser.driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", refusals().get(0));
    browser.screenshot("desk-start-form-refused-banner");

    // when the number is corrected, the refusal goes at once, and the request is registered
    retype("Field_IdNumber", "11010519491231002X");
    until("desk-start-form-corrected", d -> refusals().isEmpty() && serverError("Field_IdNumber") == null);
    startButtonClick();
    WebElement started = browser.waitFor(By.cssSelector(".gk-started"));
    assertThat(started.getText()).contains("已登记，案件编号：");
    assertThat(refusals()).isEmpty();
  }

  // ---- each role sees what it decides on ----

  @Test
  @Order(8)
  void screeningShowsApplicantChannelReceiptDateAndRequest() {
    ProcessInstance pi = driver.startAs("intake", "disclosure-request", request("周八", today()));
    String form = openTask(pi, "Task_ScreenRequest", "intake");
    assertThat(form).contains(pi.getBusinessKey(), "周*", "自然人", "当面", today().toString(),
        "2025年度楚雄市城市道路维修工程招标文件", "审核结论").doesNotContain("NATURAL_PERSON", "IN_PERSON");
    scrollTo("Field_Channel");
    browser.screenshot("desk-role-screening");
  }

  @Test
  @Order(9)
  void secrecyReviewShowsTheRequestTheDecisionAndItsReasons() {
    ProcessInstance pi = atSecrecyReviewPartly(request("吴九", today()));
    String form = openTask(pi, "Task_SecrecyReview", "reviewer");
    assertThat(form).contains("2025年度楚雄市城市道路维修工程招标文件", "部分公开", "保护第三方合法权益",
        "第三部分涉及投标企业的商业秘密", "电子邮件发送", "保密审查结论").doesNotContain("PARTIAL", "THIRD_PARTY");
    scrollTo("Field_DecisionReason");
    browser.screenshot("desk-role-secrecy-review");
  }

  @Test
  @Order(10)
  void signOffShowsTheSecrecyAndLegalReviewResults() {
    ProcessInstance pi = atSignOff(request("郑十", today()));
    String form = openTask(pi, "Task_SignOffReply", "leader");
    assertThat(form).contains("部分公开", "保密审查结论", "通过", "未发现涉密内容", "法制审核结论", "理由和依据充分",
        "签发结论").doesNotContain("APPROVED", "PARTIAL");
    scrollTo("Field_LegalReviewResult");
    browser.screenshot("desk-role-sign-off");
  }

  @Test
  @Order(11)
  void deliveryIsPrefilledByPostAndKeepsTheTrackingNumberOnTheCasePageAndInTheArchive() throws Exception {
    ProcessInstance pi = atSignOff(request("冯十一", today()));
    driver.complete(pi, "Task_SignOffReply", "leader", Map.of("signOffResult", "APPROVED",
        "signedOn", today().toString()));
    String form = openTask(pi, "Task_DeliverReply", "intake");

    // then the applicant's choice (by post) is already chosen, with the fields a posting needs
    assertThat(form).contains("邮寄送达", "交邮日期", "挂号信/EMS 单号");
    retype("Field_RepliedOn", today().toString());
    input("Field_RepliedOn").sendKeys(Keys.TAB);
    type("Field_TrackingNumber", "XA123456789CN");

    // when intake gives a posting date before the letter was signed (the server's check), the task form says
    // so in Chinese, beside the date
    retype("Field_PostedOn", today().minusDays(1).toString());
    input("Field_PostedOn").sendKeys(Keys.TAB);
    completeButtonClick();
    until("desk-role-delivery-refused", d -> refusals().size() == 1 && serverError("Field_PostedOn") != null);
    assertThat(refusals().get(0).getText()).contains("未能提交", "交邮日期不能早于签发日期（" + today() + "）")
        .doesNotContain("Cannot", "submit", "postedOn", "ENGINE", pi.getId());
    assertThat(serverError("Field_PostedOn")).isEqualTo("交邮日期不能早于签发日期（" + today() + "）。");
    browser.screenshot("desk-role-delivery-refused");

    // when the date is corrected, the refusal goes and the reply is recorded
    retype("Field_PostedOn", today().toString());
    input("Field_PostedOn").sendKeys(Keys.TAB);
    until("desk-role-delivery-corrected", d -> refusals().isEmpty() && serverError("Field_PostedOn") == null);
    browser.screenshot("desk-role-delivery");
    completeButtonClick();
    browser.wait.until(d -> engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pi.getId())
        .count() == 0);

    // then the case page shows the tracking number and who did what, by name, in Chinese
    browser.open("/cases/" + pi.getBusinessKey());
    browser.waitFor(By.cssSelector(".case-header"));
    assertThat(browser.driver.findElement(By.id("reply-tracking-number")).getText()).isEqualTo("XA123456789CN");
    assertThat(browser.driver.findElement(By.cssSelector(".case-state")).getText()).isEqualTo("已办结");
    assertThat(browser.bodyText()).contains("邮寄送达", "部分公开", "通过", "签发", "受理员", "承办员", "审查员",
        "法制员", "领导", "已归档，文书不可更改。", "返回任务办理")
        .doesNotContain("APPROVED", "PARTIAL", "POST", "上传更正版本");
    List<String> actors = browser.driver.findElements(By.cssSelector("tr.step td.actor")).stream()
        .map(WebElement::getText).toList();
    assertThat(actors).doesNotContain("intake", "handler", "reviewer", "legal", "leader", "");
    assertThat(browser.bodyText()).contains("本次查看申请人完整个人信息已记录（查看人：受理员）");
    browser.screenshot("desk-case-page-delivered");
    browser.driver.executeScript("document.getElementById('reply-tracking-number').scrollIntoView({block: 'start'});");
    browser.screenshot("desk-case-page-delivered-reply");

    // and the archive keeps it
    cn.gongkai.request.DisclosureCase c = register.findByNumber(pi.getBusinessKey()).orElseThrow();
    String registerJson = zipEntry(archive.content(
        new cn.gongkai.letters.CaseRef(cn.gongkai.letters.CaseRef.DISCLOSURE, c.id(), c.caseNumber(),
            c.agencyCode())), "register.json");
    assertThat(registerJson).contains("\"replyTrackingNumber\":\"XA123456789CN\"");
  }

  // ---- the case page: a corrected letter ----

  @Test
  @Order(12)
  void aCorrectedLetterIsUploadedFromTheCasePageWithAChineseAnswer() throws Exception {
    ProcessInstance pi = atSecrecyReview(request("陈十二", today()));
    browser.login("tasklist", "handler");
    browser.open("/cases/" + pi.getBusinessKey());
    WebElement row = browser.waitFor(By.xpath("//tr[contains(@class,'document')][contains(., '予以公开答复书')]"
        + "[.//form[contains(@class,'upload-version')]]"));
    long documentId = Long.parseLong(row.getDomAttribute("data-document-id"));
    assertThat(row.findElement(By.cssSelector(".document-version")).getText()).isEqualTo("第1版");

    // when the handler picks a file that is not a letter, it is refused beside the control, in Chinese
    Path dir = Files.createTempDirectory("gongkai-upload-");
    Path notes = Files.writeString(dir.resolve("说明.txt"), "不是文书");
    upload(row, notes);
    assertThat(uploadResult(row)).isEqualTo("只能上传 Word 文档（.docx）或 PDF 文件。");
    Path fake = Files.writeString(dir.resolve("答复书.docx"), "不是 Word 文档");
    upload(row, fake);
    browser.wait.until(d -> uploadResult(row).startsWith("只能上传"));
    assertThat(uploadResult(row)).isEqualTo("只能上传 Word 文档（.docx）或 PDF 文件。");
    assertThat(row.findElement(By.cssSelector(".picked")).getText()).isEqualTo("答复书.docx");
    assertThat(browser.bodyText()).doesNotContain("\"status\"", "errors", "{");
    browser.screenshot("desk-case-page-upload-refused");

    // when a corrected Word document is uploaded
    Path corrected = Files.write(dir.resolve("答复书（更正）.docx"), letters.content(documentId, null).content());
    upload(row, corrected);
    browser.wait.until(d -> uploadResult(row).startsWith("已上传"));

    // then the page says so and lists the new version, without leaving the page
    assertThat(uploadResult(row)).isEqualTo("已上传更正版本，现为第2版。");
    assertThat(row.findElement(By.cssSelector(".document-version")).getText()).isEqualTo("第2版");
    assertThat(browser.driver.getCurrentUrl()).contains("/cases/");
    assertThat(letters.versions(documentId)).hasSize(2);
    browser.screenshot("desk-case-page-upload-done");

    // and a supervisor, who may not upload, sees no upload control
    browser.login("cockpit", "supervisor");
    browser.open("/cases/" + pi.getBusinessKey());
    browser.waitFor(By.cssSelector(".case-header"));
    assertThat(browser.driver.findElements(By.cssSelector("form.upload-version"))).isEmpty();
    assertThat(browser.bodyText()).doesNotContain("上传更正版本");
  }

  // ---- helpers ----

  static Map<String, Object> request(String applicant, LocalDate receivedOn) {
    Map<String, Object> fields = new java.util.HashMap<>(DeskIT.request(receivedOn.toString()));
    fields.put("applicantName", applicant);
    return fields;
  }

  /** A partial disclosure (a third party's secrets withheld) waiting for the secrecy review; the applicant wants post. */
  ProcessInstance atSecrecyReviewPartly(Map<String, Object> fields) {
    fields.put("deliveryMethod", "POST");
    ProcessInstance pi = driver.startAs("intake", "disclosure-request", fields);
    driver.complete(pi, "Task_ScreenRequest", "intake", Map.of("screeningDecision", "ACCEPT"));
    // the third part of the notice withheld (区分处理): its file attached, the withheld text marked
    var material = materials.attach(pi.getBusinessKey(), "招标公告.pdf",
        cn.gongkai.testing.ReleaseSamples.tenderNotice(), "handler");
    materials.redact(material.id(), List.of(
        new cn.gongkai.material.MarkRequest(null, null, "三、项目负责人：王建国", "THIRD_PARTY")), "handler");
    driver.complete(pi, "Task_HandleRequest", "handler", Map.of("nextAction", "DECIDE", "outcome", "PARTIAL",
        "exemptionCode", "THIRD_PARTY", "decisionReason", "第三部分涉及投标企业的商业秘密，不予公开，其余部分予以公开。",
        "provisionGuidance", "电子邮件发送"));
    return pi;
  }

  /** The partial disclosure past secrecy and legal review, waiting for 签发. */
  ProcessInstance atSignOff(Map<String, Object> fields) {
    ProcessInstance pi = atSecrecyReviewPartly(fields);
    for (var m : materials.list(pi.getBusinessKey())) {
      materials.review(m.id(), materials.marks(m.id()).stream()
          .map(k -> new cn.gongkai.material.MarkReview(k.id(), true, null)).toList(), "reviewer");
    }
    driver.complete(pi, "Task_SecrecyReview", "reviewer", Map.of("secrecyReviewResult", "APPROVED",
        "secrecyReviewComment", "未发现涉密内容。"));
    driver.complete(pi, "Task_LegalReview", "legal", Map.of("legalReviewResult", "APPROVED",
        "legalReviewComment", "不予公开的理由和依据充分。"));
    return pi;
  }

  /** Opens the case's task in Tasklist as that user, claims it and returns what the form shows. */
  String openTask(ProcessInstance pi, String taskKey, String user) {
    Task task = driver.task(pi, taskKey);
    browser.login("tasklist", user);
    browser.open("/camunda/app/tasklist/default/#/?task=" + task.getId());
    browser.click(browser.waitFor(By.cssSelector("button.claim")));
    browser.wait.until(d -> d.findElements(By.cssSelector(".disabled-form")).isEmpty()
        && !d.findElements(By.cssSelector(".fjs-container .fjs-form-field")).isEmpty());
    browser.waitForText(pi.getBusinessKey());
    return formText();
  }

  /** What the form shows: its texts and labels, and the values in its fields. */
  String formText() {
    return (String) browser.driver.executeScript("""
        const parts = [];
        document.querySelectorAll('.fjs-container .fjs-form-field').forEach(field => {
          parts.push(field.innerText);
          field.querySelectorAll('input:not([type=hidden]), textarea').forEach(input => parts.push(input.value));
        });
        return parts.join('\\n');""");
  }

  /** The server's refusal shown beside a field, or null. */
  String serverError(String fieldId) {
    List<WebElement> errors = browser.driver.findElements(By.xpath("//div[contains(@class,'fjs-form-field')]"
        + "[.//*[substring(@id, string-length(@id) - string-length('" + fieldId + "') + 1) = '" + fieldId + "'"
        + " or substring(@id, string-length(@id) - string-length('" + fieldId + "-date') + 1) = '" + fieldId + "-date']]"
        + "//*[contains(@class,'gk-server-error')]"));
    return errors.isEmpty() ? null : errors.get(0).getText().strip();
  }

  /** Scrolls the form so that the field is in the middle of the window, for the screenshot. */
  void scrollTo(String fieldId) {
    browser.driver.executeScript("document.querySelector(\"[id*='\" + arguments[0] + \"']\")"
        + ".closest('.fjs-form-field').scrollIntoView({block: 'center'});", fieldId);
  }

  /** Waits for the condition; on a timeout keeps a screenshot of what the page showed. */
  void until(String screenshot, java.util.function.Function<org.openqa.selenium.WebDriver, Boolean> condition) {
    try {
      browser.wait.until(condition);
    } catch (org.openqa.selenium.TimeoutException e) {
      browser.screenshot(screenshot + "-timeout");
      throw e;
    }
  }

  /** The refusal banners Tasklist shows (未能登记 / 未能提交). */
  List<WebElement> refusals() {
    return browser.driver.findElements(By.cssSelector(".notifications .alert")).stream()
        .filter(alert -> alert.getText().contains("未能登记") || alert.getText().contains("未能提交")).toList();
  }

  void startButtonClick() {
    WebElement start = browser.driver.findElement(By.cssSelector(".modal button[ng-click^='startProcessInstance']"));
    browser.wait.until(ExpectedConditions.elementToBeClickable(start));
    browser.click(start);
  }

  void completeButtonClick() {
    WebElement complete = browser.waitFor(By.cssSelector("button.btn-primary[ng-click^='complete']"));
    browser.wait.until(ExpectedConditions.elementToBeClickable(complete));
    browser.click(complete);
  }

  void upload(WebElement row, Path file) {
    row.findElement(By.cssSelector("input[type=file]")).sendKeys(file.toAbsolutePath().toString());
    browser.click(row.findElement(By.cssSelector("form.upload-version button[type=submit]")));
    browser.wait.until(d -> !uploadResult(row).isEmpty() && !uploadResult(row).startsWith("正在上传"));
  }

  String uploadResult(WebElement row) {
    return row.findElement(By.cssSelector(".upload-result")).getText().strip();
  }

  ProcessInstance atSecrecyReview(Map<String, Object> fields) {
    ProcessInstance pi = driver.startAs("intake", "disclosure-request", fields);
    driver.complete(pi, "Task_ScreenRequest", "intake", Map.of("screeningDecision", "ACCEPT"));
    driver.complete(pi, "Task_HandleRequest", "handler", Map.of("nextAction", "DECIDE", "outcome", "DISCLOSE",
        "provisionGuidance", "电子邮件发送", "decisionReason", "属于公开范围"));
    return pi;
  }

  void openStartForm() {
    browser.click(browser.waitFor(By.cssSelector("li.start-process-action a")));
    browser.click(browser.waitFor(By.partialLinkText("政府信息公开申请办理")));
    browser.waitForText("收到政府信息公开申请");
  }

  /** The input of a form field (a date field's input is "<id>-date"). */
  WebElement input(String fieldId) {
    return browser.waitFor(By.cssSelector(":is(input, textarea):is([id$='" + fieldId + "'], [id$='" + fieldId
        + "-date'])"));
  }

  void type(String fieldId, String text) {
    input(fieldId).sendKeys(text);
  }

  void retype(String fieldId, String text) {
    WebElement input = input(fieldId);
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
    input.sendKeys(text);
  }

  /** Picks an option of the form-js select labelled {@code label}. */
  void choose(String label, String option) {
    WebElement field = browser.waitFor(By.xpath("//div[contains(@class,'fjs-form-field-select')]"
        + "[.//label[starts-with(normalize-space(), '" + label + "')]]"));
    // the form may still be settling after a claim: retry a click another element took
    for (int attempt = 1; ; attempt++) {
      try {
        browser.click(field.findElement(By.cssSelector(".fjs-input-group")));
        break;
      } catch (org.openqa.selenium.ElementClickInterceptedException e) {
        if (attempt == 3) {
          throw e;
        }
        browser.wait.until(ExpectedConditions.elementToBeClickable(field.findElement(By.cssSelector(".fjs-input-group"))));
        browser.driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", field);
      }
    }
    browser.click(browser.waitFor(By.xpath("//*[contains(@class,'fjs-dropdownlist-item')][starts-with(normalize-space(), '"
        + option + "')]")));
  }

  /** The message shown beside a field, or null. */
  String error(String fieldId) {
    List<WebElement> errors = browser.driver.findElements(By.cssSelector("[id$='" + fieldId + "-error-message']"));
    return errors.isEmpty() || errors.get(0).getText().isBlank() ? null : errors.get(0).getText().strip();
  }

  @SuppressWarnings("unchecked")
  List<String> asked() {
    return (List<String>) browser.driver.executeScript("return window.gkAsked || [];");
  }

  String modalText() {
    return browser.driver.findElement(By.cssSelector(".modal")).getText();
  }

  List<WebElement> cards() {
    return browser.driver.findElements(By.cssSelector("li.task .gk-card"));
  }

  /** Searches the task list for a case number and returns the one card then listed, that case's. */
  WebElement search(String caseNumber) {
    WebElement input = browser.waitFor(By.cssSelector(".gk-case-search"));
    input.clear();
    input.sendKeys(caseNumber);
    browser.click(browser.driver.findElement(By.cssSelector(".gk-search button[type=submit]")));
    browser.wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> cards().size() == 1
        && caseNumber.equals(cards().get(0).getDomAttribute("data-case-number")));
    return card(caseNumber);
  }

  /** The card of a case's task; the desk redraws the cards when the list reloads, so a stale one is looked up again. */
  WebElement card(String caseNumber) {
    return browser.wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> cards().stream()
        .filter(c -> caseNumber.equals(c.getDomAttribute("data-case-number"))).findFirst().orElse(null));
  }

  static String zipEntry(byte[] zip, String name) throws java.io.IOException {
    try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
      for (java.util.zip.ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        if (entry.getName().equals(name)) {
          return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
      }
    }
    throw new AssertionError("no " + name + " in the archive");
  }

  static String monthName(int month) {
    return new String[] {"一月", "二月", "三月", "四月", "五月", "六月", "七月", "八月", "九月", "十月", "十一月", "十二月"}[month - 1];
  }
}

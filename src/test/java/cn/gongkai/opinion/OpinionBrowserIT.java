package cn.gongkai.opinion;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.supervision.Browser;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * What the responsible unit's handler sees of the 5-hour clock: the task in Tasklist with its limit, and the case
 * page it links to with the countdown 剩余 X 小时 Y 分. Screenshots: target/browser-screenshots/opinion-*.png.
 */
// a context of its own, as AgencyTasklistBrowserIT (Tasklist answered 500 to logins in the shared one)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.datasource.url=jdbc:h2:mem:opinion-browser-${random.uuid};DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisabledIfSystemProperty(named = Browser.SKIP_PROPERTY, matches = "true",
    disabledReason = "browser tests skipped by -Dgongkai.browser-tests.skip=true")
class OpinionBrowserIT {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  Browser browser;
  OpinionProcessSupport process;

  @BeforeAll
  void start() {
    ClockUtil.reset();
    ProcessEngines.registerProcessEngine(engine);
    process = new OpinionProcessSupport(engine);
    browser = Browser.start("http://localhost:" + port);
  }

  @AfterAll
  void stop() {
    if (browser != null) {
      browser.close();
    }
  }

  /** 剩余 X 小时 Y 分 as drawn at most a minute before {@code after}. */
  static String left(OffsetDateTime due, OffsetDateTime after) {
    long minutes = java.time.Duration.between(after, due).toMinutes();
    return "剩余 (" + (minutes / 60) + " 小时 " + (minutes % 60) + "|" + ((minutes + 1) / 60) + " 小时 "
        + ((minutes + 1) % 60) + ") 分";
  }

  @Test
  void theHandlerSeesTheFiveHourCountdown() {
    // given a major event first seen 1 hour 20 minutes ago (real time: Tasklist runs on the real clock)
    OffsetDateTime seen = OpinionClock.now().truncatedTo(ChronoUnit.MINUTES).minusMinutes(80);
    String seenText = OpinionClock.text(seen);
    ProcessInstance pi = process.startAs("office", OpinionVariables.PROCESS_KEY,
        OpinionProcessSupport.event(seenText.replace(' ', 'T')));
    process.complete(pi, "Task_AssessOpinionEvent", "office",
        Map.of("eventLevel", "MAJOR", "responsibleUnit", "州住房城乡建设局"));
    String taskId = process.task(pi, "Task_PublishAuthoritativeInformation").getId();
    String due = OpinionClock.text(seen.plusHours(5));

    // when the handler opens the task in Tasklist
    browser.login("tasklist", "handler");
    browser.waitForText("本组待办");
    browser.open("/camunda/app/tasklist/default/#/?task=" + taskId);
    WebElement dueField = browser.waitFor(By.cssSelector("input[id$='Field_ResponseDueText']"));
    browser.wait.until(d -> due.equals(dueField.getDomProperty("value")));

    // then the form shows the 5-hour limit and links to the case file with the countdown
    WebElement link = browser.waitFor(By.partialLinkText("查看案卷"));
    assertThat(browser.bodyText()).contains("发布权威信息", "最迟发布时间（5小时）", pi.getBusinessKey());
    browser.screenshot("opinion-tasklist-publish-form");

    // when the handler follows the link
    String href = link.getDomAttribute("href");
    assertThat(href).startsWith("/cases/public-opinion/");
    browser.open(href);

    // then the page counts down to the 5-hour limit, to the 3-hour target and to the press conference (24 h),
    // in hours and minutes left as of the moment the page was drawn (the machine may be slow: read the clock)
    WebElement clocks = browser.waitFor(By.id("clocks"));
    OffsetDateTime after = OpinionClock.now();
    assertThat(clocks.getText()).contains("发布权威信息（最迟5小时）", due);
    assertThat(clocks.getText()).containsPattern(left(seen.plusHours(5), after));
    assertThat(clocks.getText()).containsPattern(left(seen.plusHours(3), after));
    assertThat(clocks.getText()).containsPattern(left(seen.plusHours(24), after));
    browser.screenshot("opinion-case-countdown");
  }
}

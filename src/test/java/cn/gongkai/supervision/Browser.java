package cn.gongkai.supervision;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Debian's chromedriver, both at fixed paths: the test tooling never
 * downloads a browser or a driver. Missing binaries fail the test with what to install, unless
 * {@code -Dgongkai.browser-tests.skip=true} says to skip browser tests.
 */
public final class Browser implements AutoCloseable {

  public static final String SKIP_PROPERTY = "gongkai.browser-tests.skip";
  static final Path CHROMIUM = Path.of(System.getProperty("gongkai.browser.chromium", "/usr/bin/chromium"));
  static final Path CHROMEDRIVER = Path.of(System.getProperty("gongkai.browser.chromedriver", "/usr/bin/chromedriver"));
  static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");

  public final ChromeDriver driver;
  public final WebDriverWait wait;
  private final String baseUrl;

  private Browser(ChromeDriver driver, String baseUrl) {
    this.driver = driver;
    this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    this.baseUrl = baseUrl;
  }

  /** Starts one headless browser session; fails with instructions if Chromium or chromedriver is missing. */
  public static Browser start(String baseUrl) {
    for (Path binary : List.of(CHROMIUM, CHROMEDRIVER)) {
      if (!Files.isExecutable(binary)) {
        throw new AssertionError(binary + " is missing: browser tests need Debian's Chromium and chromedriver"
            + " (apt-get install -y chromium chromium-driver fonts-noto-cjk), or run with -D" + SKIP_PROPERTY
            + "=true to skip them");
      }
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-dev-shm-usage", "--window-size=1440,1000", "--lang=zh-CN");
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
    // a confirm() the page asks (e.g. 放弃已填写的内容？) stays open for the test to read and answer
    options.setUnhandledPromptBehaviour(org.openqa.selenium.UnexpectedAlertBehaviour.IGNORE);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort()
        .build();
    return new Browser(new ChromeDriver(service, options), baseUrl);
  }

  public void open(String path) {
    driver.get(baseUrl + path);
  }

  /**
   * Logs in to a Camunda webapp as a demo user (password "demo"), from a fresh session. A login that does
   * not go through (seen once under heavy load) is retried with the same, correct password: never a
   * wrong one, Camunda throttles those.
   */
  public void login(String app, String user) {
    String path = "/camunda/app/" + app + "/default/";
    for (int attempt = 1; ; attempt++) {
      open(path);
      driver.manage().deleteAllCookies();
      driver.get("about:blank");
      open(path);
      WebElement name;
      try {
        name = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model=username]")));
      } catch (RuntimeException e) {
        // the webapp did not finish loading (seen once on a loaded machine: the spinner stayed): load it again
        screenshot("failed-login-" + app + "-" + user + "-" + attempt);
        if (attempt == 3) {
          throw e;
        }
        continue;
      }
      name.clear();
      name.sendKeys(user);
      WebElement password = driver.findElement(By.cssSelector("input[type=password]"));
      password.clear();
      password.sendKeys("demo");
      driver.findElement(By.cssSelector("button[type=submit]")).click();
      try {
        new WebDriverWait(driver, Duration.ofSeconds(10))
            .until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[ng-model=username]")));
        return;
      } catch (RuntimeException e) {
        screenshot("failed-login-submit-" + app + "-" + user + "-" + attempt);
        if (attempt == 3) {
          throw new AssertionError("cannot log in to " + app + " as " + user + " (cookies: "
              + driver.manage().getCookies() + ")", e);
        }
      }
    }
  }

  /** Scrolls the element to the middle of the window (clear of Camunda's fixed header and footer), then clicks. */
  public void click(WebElement element) {
    driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    element.click();
  }

  public String bodyText() {
    return driver.findElement(By.tagName("body")).getText();
  }

  public void waitForText(String text) {
    wait.until(d -> bodyText().contains(text));
  }

  public WebElement waitFor(By by) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  /** Saves what the page shows now as target/browser-screenshots/NAME.png (and the page source beside it). */
  public Path screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      File shot = driver.getScreenshotAs(OutputType.FILE);
      Path target = SCREENSHOTS.resolve(name + ".png");
      Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
      Files.writeString(SCREENSHOTS.resolve(name + ".html"), driver.getPageSource());
      return target;
    } catch (IOException e) {
      throw new IllegalStateException("cannot save screenshot " + name, e);
    }
  }

  /** Saves one element as target/browser-screenshots/NAME.png. */
  public Path screenshot(WebElement element, String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path target = SCREENSHOTS.resolve(name + ".png");
      Files.copy(element.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
      return target;
    } catch (IOException e) {
      throw new IllegalStateException("cannot save screenshot " + name, e);
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}

package org.hotline.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The whole path in a real headless Chromium (Debian's chromium and chromium-driver): a customer
 * asks in the widget and gets an answer, asks for a person; an agent logs in to the console, claims
 * and replies; the customer's page shows the reply. CI installs the browser and sets
 * {@code HOTLINE_REQUIRE_BROWSER=1}, which turns a missing browser into a failure instead of a skip.
 */
class BrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  @TempDir static Path dataDir;
  private static Main.Running server;
  private static String base;

  @BeforeAll
  static void start() throws Exception {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!present && "1".equals(System.getenv("HOTLINE_REQUIRE_BROWSER"))) {
      throw new IllegalStateException("HOTLINE_REQUIRE_BROWSER=1 but /usr/bin/chromium or /usr/bin/chromedriver is missing");
    }
    Assumptions.assumeTrue(present,
        "skipped: install Debian's chromium and chromium-driver to run the browser test (.ci/run does)");
    server = Main.serve(HotlineConfig.from(Map.of(), List.of("--http-port", "0", "--agi-port", "0", "--host", "127.0.0.1",
        "--data-dir", dataDir.toString(), "--admin-password", "admin-secret-1", "--password-iterations", "1000")));
    base = "http://127.0.0.1:" + server.httpPort();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static WebDriver browser(Path profile, boolean phone) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--user-data-dir=" + profile, phone ? "--window-size=390,844" : "--window-size=1280,900");
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
        .usingAnyFreePort()
        .build();
    return new ChromeDriver(service, options);
  }

  @Test
  void aBankPageOnAnotherOriginEmbedsTheWidgetWithOneTag(@TempDir Path profiles) throws Exception {
    // The bank's own site, on another origin, with nothing but the script tag.
    com.sun.net.httpserver.HttpServer bank = com.sun.net.httpserver.HttpServer.create(
        new java.net.InetSocketAddress("127.0.0.1", 0), 0);
    byte[] page = ("<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>某银行</title></head>"
        + "<body><h1>某银行</h1><script src=\"" + base + "/widget/widget.js\" defer></script></body></html>")
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    bank.createContext("/", exchange -> {
      exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
      exchange.sendResponseHeaders(200, page.length);
      exchange.getResponseBody().write(page);
      exchange.close();
    });
    bank.start();
    WebDriver customer = browser(profiles.resolve("customer"), true);
    try {
      WebDriverWait wait = new WebDriverWait(customer, Duration.ofSeconds(15));
      customer.get("http://localhost:" + bank.getAddress().getPort() + "/");
      wait.until(ExpectedConditions.elementToBeClickable(By.id("hotline-open"))).click();
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("hotline-input"))).sendKeys("信用卡年费怎么收");
      customer.findElement(By.id("hotline-send")).click();
      wait.until(d -> d.findElements(By.cssSelector(".hotline-msg.from-bot")).stream()
          .anyMatch(e -> e.getText().contains("年费")));
    } finally {
      customer.quit();
      bank.stop(0);
    }
  }

  @Test
  void aCustomerGetsAnAnswerAsksForAPersonAndSeesTheAgentsReply(@TempDir Path profiles) throws Exception {
    WebDriver customer = browser(profiles.resolve("customer"), true);
    WebDriver agent = null;
    try {
      WebDriverWait customerWait = new WebDriverWait(customer, Duration.ofSeconds(15));
      customer.get(base + "/widget/");
      customerWait.until(ExpectedConditions.elementToBeClickable(By.id("hotline-open"))).click();
      WebElement input = customerWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("hotline-input")));
      input.sendKeys("信用卡年费怎么收");
      customer.findElement(By.id("hotline-send")).click();
      customerWait.until(d -> d.findElements(By.cssSelector(".hotline-msg.from-bot")).stream()
          .anyMatch(e -> e.getText().contains("年费")));

      // Customer text is shown as text: markup in a message must not become elements.
      input.sendKeys("<img src=x id=injected onerror=\"document.title='pwned'\">");
      customer.findElement(By.id("hotline-send")).click();
      customerWait.until(d -> d.findElements(By.cssSelector(".hotline-msg.from-customer")).stream()
          .anyMatch(e -> e.getText().contains("<img")));
      assertTrue(customer.findElements(By.id("injected")).isEmpty());
      assertTrue(!customer.getTitle().equals("pwned"));

      customer.findElement(By.id("hotline-handoff")).click();
      WebElement notice = customerWait.until(d -> d.findElements(By.cssSelector(".hotline-msg.from-system")).stream()
          .filter(e -> e.getText().contains("工单号")).findFirst().orElse(null));
      String number = notice.getText().replaceAll(".*工单号\\s*(\\d+).*", "$1");

      agent = browser(profiles.resolve("agent"), false);
      WebDriverWait agentWait = new WebDriverWait(agent, Duration.ofSeconds(15));
      agent.get(base + "/console/");
      agentWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-username"))).sendKeys("admin");
      agent.findElement(By.id("login-password")).sendKeys("admin-secret-1");
      agent.findElement(By.id("login-submit")).click();
      WebElement row = agentWait.until(d -> d.findElements(By.cssSelector("#ticket-list .ticket-row")).stream()
          .filter(e -> e.getText().contains(number)).findFirst().orElse(null));
      row.click();
      agentWait.until(ExpectedConditions.elementToBeClickable(By.id("claim"))).click();
      agentWait.until(d -> d.findElement(By.id("ticket-detail")).getText().contains("admin")
          || d.findElement(By.id("ticket-detail")).getText().contains("管理员"));
      WebElement reply = agentWait.until(ExpectedConditions.elementToBeClickable(By.id("reply-text")));
      reply.sendKeys("您好，我是人工客服，马上为您处理");
      agent.findElement(By.id("reply-send")).click();

      WebElement shown = customerWait.until(d -> d.findElements(By.cssSelector(".hotline-msg.from-agent")).stream()
          .filter(e -> e.getText().contains("马上为您处理")).findFirst().orElse(null));
      assertTrue(shown.isDisplayed());
      assertEquals(1, customer.findElements(By.cssSelector(".hotline-msg.from-agent")).size(),
          "the reply arrives once, though both the stream and polling could deliver it");
    } finally {
      customer.quit();
      if (agent != null) {
        agent.quit();
      }
    }
  }
}

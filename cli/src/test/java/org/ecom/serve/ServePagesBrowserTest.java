package org.ecom.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import org.ecom.db.DatabaseTest;
import org.ecom.db.Rows;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The served pages in headless Chromium driven by Selenium (Debian's chromium and chromium-driver):
 * the live dashboard with a slicer changed, then a customer looked up and a what-if scored, without
 * a script error. Screenshots go to docs/serve/.
 */
@DatabaseTest
class ServePagesBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("..", "docs", "serve");

    /** Headless Chromium, its console logged; skips the test, loudly, when it or its driver is missing. */
    private static ChromeDriver browser() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            System.err.printf("%n%s%n##%n##  SERVE BROWSER TEST SKIPPED: needs %s and %s (apt-get install -y chromium chromium-driver)%n##%n%s%n%n",
                    "#".repeat(72), CHROMIUM, CHROMEDRIVER, "#".repeat(72));
            Assumptions.abort("chromium or chromium-driver is not installed");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,1500");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        return new ChromeDriver(service, options);
    }

    /** The scored customer with the most orders: a history worth a chart. */
    private static int busiestScoredCustomer(ServedWarehouse served) {
        return (int) Rows.number(served.owner, "SELECT c.customer_id FROM kpi.customer_lifetime_value AS c"
                + " JOIN ml.current_repurchase_score AS s ON s.customer_id = c.customer_id"
                + " ORDER BY c.orders DESC, c.customer_id OFFSET 0 ROWS FETCH NEXT 1 ROWS ONLY");
    }

    @Test
    void dashboardSlicerCustomerAndWhatIfWorkInABrowser() throws Exception {
        ChromeDriver browser = browser();
        try {
            ServedWarehouse served = ServedWarehouse.get();
            int customer = busiestScoredCustomer(served);
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            browser.get(served.url("/"));
            wait.until(d -> "executive_home".equals(d.findElement(By.tagName("body")).getDomAttribute("data-page")));
            String everywhere = browser.findElement(By.id("main")).getText();
            Select country = new Select(browser.findElement(By.id("f-country")));
            country.selectByIndex(1);
            wait.until(d -> !d.findElement(By.id("main")).getText().equals(everywhere));
            assertNotEquals(everywhere, browser.findElement(By.id("main")).getText(), "the slicer changes the figures");
            assertEquals(0L, ((JavascriptExecutor) browser).executeScript("return window.reportErrors.length"));
            screenshot(browser, "dashboard.png");

            browser.get(served.url("/customer"));
            wait.until(d -> d.findElements(By.id("whatif-submit")).size() == 1);
            WebElement search = browser.findElement(By.id("customer-id"));
            search.sendKeys(String.valueOf(customer));
            browser.findElement(By.id("search-button")).click();
            wait.until(d -> d.findElement(By.id("probability")).getText().endsWith("%"));
            assertTrue(browser.findElement(By.id("customer-title")).getText().startsWith(String.valueOf(customer)));
            assertEquals(10, browser.findElements(By.cssSelector("#recommendations tbody tr")).size());
            assertTrue((Boolean) ((JavascriptExecutor) browser).executeScript(
                    "return Chart.getChart(document.getElementById('history')).data.labels.length > 0"));

            WebElement firstFeature = browser.findElement(By.cssSelector("#whatif input"));
            firstFeature.clear();
            firstFeature.sendKeys("3");
            browser.findElement(By.id("whatif-submit")).click();
            wait.until(d -> d.findElement(By.id("whatif-result")).getText().endsWith("%"));
            screenshot(browser, "customer.png");

            assertNoScriptErrors(browser);
        } finally {
            browser.quit();
        }
    }

    /**
     * A server with a token, opened in a browser: the page sends it to the login form; a wrong token
     * is refused there; the right one, typed once, opens the page and the customer look-up (the
     * page's own API calls carry the session cookie, which its scripts cannot read).
     */
    @Test
    void aBrowserSignsInOnceToAServerWithAToken() throws Exception {
        ChromeDriver browser = browser();
        String token = "a-browser-token-of-32-characters";
        ServeSettings settings = new ServeSettings("127.0.0.1", 0, Optional.of(token), 10_000, 16_384, Duration.ofSeconds(5),
                Duration.ofSeconds(1));
        try {
            ServedWarehouse served = ServedWarehouse.get();
            int customer = busiestScoredCustomer(served);
            try (ApiServer guarded = ApiServer.start(served.data, settings, line -> { })) {
                signInAndLookUp(browser, "http://127.0.0.1:" + guarded.port(), token, customer);
            }
        } finally {
            browser.quit();
        }
    }

    private static void signInAndLookUp(ChromeDriver browser, String base, String token, int customer) throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        // A submitted form replaces the page: an element found on the old one is stale, so look again.
        wait.ignoring(StaleElementReferenceException.class);
        browser.get(base + "/customer");
        wait.until(d -> d.findElements(By.id("login")).size() == 1);
        assertEquals(base + "/login?next=/customer", browser.getCurrentUrl());
        browser.findElement(By.id("token")).sendKeys("not-the-token-of-this-server");
        browser.findElement(By.id("login-button")).click();
        wait.until(d -> d.findElement(By.id("login-message")).getText().contains("not this server's token"));
        assertNull(browser.manage().getCookieNamed(TokenCheck.COOKIE));
        screenshot(browser, "login.png");

        browser.findElement(By.id("token")).sendKeys(token);
        browser.findElement(By.id("login-button")).click();
        wait.until(d -> d.findElements(By.id("whatif-submit")).size() == 1);
        assertEquals(base + "/customer", browser.getCurrentUrl());
        Cookie session = browser.manage().getCookieNamed(TokenCheck.COOKIE);
        assertTrue(session.isHttpOnly());
        assertEquals("Strict", session.getSameSite());
        assertEquals("", ((JavascriptExecutor) browser).executeScript("return document.cookie"), "scripts cannot read it");

        browser.findElement(By.id("customer-id")).sendKeys(String.valueOf(customer));
        browser.findElement(By.id("search-button")).click();
        wait.until(d -> d.findElement(By.id("probability")).getText().endsWith("%"));
        assertTrue(browser.findElement(By.id("customer-title")).getText().startsWith(String.valueOf(customer)));
        browser.get(base + "/");
        wait.until(d -> "executive_home".equals(d.findElement(By.tagName("body")).getDomAttribute("data-page")));
        assertNoScriptErrors(browser);
    }

    /** Chromium logs any 401 as an error: the login form's answer to a wrong token is one, on purpose. */
    private static void assertNoScriptErrors(ChromeDriver browser) {
        List<String> severe = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage)
                .filter(m -> !m.endsWith("/login - Failed to load resource: the server responded with a status of 401 (Unauthorized)"))
                .toList();
        assertEquals(List.of(), severe, "no script errors");
    }

    private static void screenshot(ChromeDriver browser, String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        browser.executeScript("window.scrollTo(0, 0)");
        Path png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(png, SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}

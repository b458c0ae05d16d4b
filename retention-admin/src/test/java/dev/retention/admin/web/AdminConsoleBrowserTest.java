package dev.retention.admin.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.retention.audit.AuditLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Signs in to the console in headless Chromium, opens every page, retries a parked event and finds the audit entry.
 * Skipped where Chromium is not installed (CI installs it). Screenshots go to {@code target/screenshots/}.
 */
@SpringBootTest(classes = BrowserTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"retention.inbox.worker=false", "retention.inbox.max-attempts=1"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminConsoleBrowserTest {

    static final Path CHROMIUM = Paths.get(System.getProperty("retention.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Paths.get(System.getProperty("retention.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        // Always in-memory: this test is about the browser, the db-tagged tests cover the databases.
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:admin-browser;DB_CLOSE_DELAY=-1");
        registry.add("spring.datasource.username", () -> "sa");
        registry.add("spring.datasource.password", () -> "");
    }

    @LocalServerPort
    int port;
    @Autowired
    AuditLog audit;

    WebDriver driver;
    Path profile;

    @BeforeAll
    void startBrowser() throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium and chromedriver are not installed (apt-get install -y chromium chromium-driver)");
        profile = Files.createTempDirectory("rk-chromium-");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--no-first-run", "--user-data-dir=" + profile, "--window-size=1366,900");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void adminSignsInOpensEveryPageAndRetriesAParkedEvent() throws IOException {
        driver.get(url("/admin/retention"));
        assertThat(driver.getCurrentUrl()).as("anonymous browser is sent to the host's login").contains("/login");
        driver.findElement(By.name("username")).sendKeys("admin");
        driver.findElement(By.name("password")).sendKeys("admin");
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        wait(10).until(ExpectedConditions.urlContains("/admin/retention"));

        // Dashboard: KPI cards with change against the previous period and sparklines.
        settled();
        assertThat(driver.findElements(By.cssSelector(".rk-kpis [data-kpi]"))).hasSize(12);
        assertThat(driver.findElement(By.cssSelector("[data-kpi=retentionRate]")).getText())
                .contains("Retention rate").contains("%");
        assertThat(driver.findElement(By.cssSelector("[data-kpi=revenue]")).getText())
                .contains("vs previous period");
        assertThat(driver.findElement(By.cssSelector("[data-kpi=customerAcquisitionCost]")).getText())
                .as("no marketing spend entered").contains("—");
        wait(10).until(d -> d.findElements(By.cssSelector(".rk-spark canvas")).size() >= 6);
        shot("dashboard");

        // Every report page renders: a chart and table where the endpoint exists, "not available yet" elsewhere.
        for (String report : List.of("cohorts", "rfm", "clv", "loyalty", "campaigns", "referrals", "nps",
                "recommendations", "drivers", "model-check")) {
            driver.get(url("/admin/retention/" + report));
            settled();
            assertThat(driver.findElements(By.cssSelector(".rk-report"))).as(report).isNotEmpty();
            if (!report.equals("model-check")) {
                // (model-check: the BG/NBD fit does not converge on this small synthetic history; the endpoint
                // answers 422 "cannot compute on this data", which the page shows as an empty state.)
                assertThat(driver.findElements(By.cssSelector(".rk-problem"))).as(report + " errors").isEmpty();
            }
            shot("report-" + report);
        }
        driver.get(url("/admin/retention/cohorts"));
        settled();
        assertThat(driver.findElements(By.cssSelector(".rk-heatmap[data-measure=retention] tbody tr")))
                .hasSizeGreaterThanOrEqualTo(6);
        assertThat(driver.findElement(By.cssSelector(".rk-heatmap[data-measure=retention] tbody tr")).getText())
                .contains("100%");
        click(driver.findElement(By.cssSelector("button[data-measure=revenue]")));
        assertThat(driver.findElement(By.cssSelector(".rk-heatmap[data-measure=revenue]")).isDisplayed()).isTrue();
        assertThat(driver.findElement(By.cssSelector(".rk-csv")).getAttribute("href")).contains("format=csv");
        driver.get(url("/admin/retention/rfm"));
        settled();
        assertThat(driver.findElements(By.cssSelector(".rk-chart canvas"))).isNotEmpty();
        assertThat(driver.findElements(By.cssSelector("[data-table=segments] tbody tr"))).hasSizeGreaterThan(2);
        assertThat(driver.findElements(By.cssSelector("[data-table=moves]"))).hasSize(1);
        driver.get(url("/admin/retention/nps"));
        settled();
        assertNoAlert();
        assertThat(driver.findElement(By.cssSelector("[data-table=comments] tbody")).getText())
                .as("an NPS comment full of markup is shown as text").contains(BrowserTestApplication.PROBE);
        assertThat(driver.findElements(By.cssSelector("img[src=x]"))).isEmpty();
        shot("report-nps");
        driver.get(url("/admin/retention/loyalty"));
        settled();
        assertThat(driver.findElement(By.cssSelector(".rk-unavailable")).getText()).contains("not available yet");

        // The date range goes into the URL and back into the report request.
        driver.get(url("/admin/retention/cohorts"));
        WebElement from = driver.findElement(By.id("from"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = '2025-06-01'", from);
        driver.findElement(By.cssSelector(".rk-filter button[type=submit]")).click();
        wait(10).until(ExpectedConditions.urlContains("from=2025-06-01"));
        settled();
        assertThat(driver.findElement(By.cssSelector(".rk-report")).getAttribute("data-src")).contains("from=2025-06-01");
        assertThat(driver.findElement(By.cssSelector("#rk-nav a[href*='/admin/retention/rfm']")).getAttribute("href"))
                .as("the nav keeps the filter").contains("from=2025-06-01");

        // Customers: search, then the view; a name full of markup stays text and runs nothing.
        driver.get(url("/admin/retention/customers?q=example.com"));
        assertThat(driver.findElements(By.cssSelector("#customers tbody tr"))).hasSize(25);
        shot("customers");
        click(driver.findElement(By.cssSelector("a[rel=next]")));
        wait(10).until(ExpectedConditions.urlContains("page=1"));
        assertThat(driver.getCurrentUrl()).contains("q=example.com");
        assertThat(driver.findElements(By.cssSelector("#customers tbody tr"))).hasSize(25);
        driver.get(url("/admin/retention/customers?q=lima"));
        assertThat(driver.findElement(By.cssSelector("#customers tbody")).getText()).contains("Ana Lima");
        driver.get(url("/admin/retention/customers/xss"));
        settled();
        assertNoAlert();
        assertThat(driver.findElement(By.cssSelector("h1")).getText()).contains(BrowserTestApplication.PROBE);
        assertThat(driver.findElements(By.cssSelector("img[src=x]"))).isEmpty();
        driver.get(url("/admin/retention/customers/eva"));
        settled();
        assertThat(driver.findElement(By.id("orders-summary")).getText()).contains("Orders").contains("3");
        assertThat(driver.findElement(By.cssSelector("[data-insight=rfm]")).getText()).contains("Segment")
                .contains("Frequency");
        shot("customer");

        // Settings: the API's validation error appears next to its field; a valid change is saved and audited.
        driver.get(url("/admin/retention/settings"));
        settled();
        WebElement reporting = driver.findElement(By.id("settings-reporting"));
        WebElement window = reporting.findElement(By.name("activeWindowDays"));
        window.clear();
        click(reporting.findElement(By.cssSelector("button[type=submit]")));
        wait(10).until(d -> !reporting.findElement(By.cssSelector("[data-error-for=activeWindowDays]")).getText()
                .isEmpty());
        assertThat(reporting.findElement(By.cssSelector("[data-error-for=activeWindowDays]")).getText())
                .contains("activeWindowDays");
        assertThat(window.getAttribute("class")).contains("is-invalid");
        shot("settings-error");
        window = reporting.findElement(By.name("activeWindowDays"));
        window.clear();
        window.sendKeys("400");
        click(reporting.findElement(By.cssSelector("button[type=submit]")));
        wait(10).until(d -> reporting.findElement(By.cssSelector("[data-result]")).getText().startsWith("Saved"));
        WebElement spend = driver.findElement(By.id("settings-spend"));
        click(spend.findElement(By.xpath(".//button[text()='Add row']")));
        spend.findElement(By.name("[0].month")).sendKeys("2025-13");
        spend.findElement(By.name("[0].amount")).sendKeys("1200");
        click(spend.findElement(By.cssSelector("button[type=submit]")));
        wait(10).until(d -> !spend.findElement(By.cssSelector("[data-error-for='[0].month']")).getText().isEmpty());
        assertThat(spend.findElement(By.cssSelector("[data-error-for='[0].month']")).getText()).contains("2025-13");
        WebElement month = spend.findElement(By.name("[0].month"));
        month.clear();
        month.sendKeys("2025-12");
        click(spend.findElement(By.cssSelector("button[type=submit]")));
        wait(10).until(d -> spend.findElement(By.cssSelector("[data-result]")).getText().startsWith("Saved"));
        shot("settings");
        driver.get(url("/admin/retention/audit?entity=settings"));
        assertThat(driver.findElement(By.cssSelector(".rk-audit tbody")).getText()).contains("reporting")
                .contains("spend").contains("admin");

        // Operations: retry the parked event, then find the audit entry.
        driver.get(url("/admin/retention/operations"));
        assertThat(driver.findElement(By.cssSelector("[data-stat=parked]")).getText()).isEqualTo("1");
        shot("operations");
        click(driver.findElement(By.xpath("//tr[td[text()='review-poison-1']]//button[text()='Retry']")));
        wait(10).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".alert-success")));
        assertThat(driver.findElement(By.cssSelector(".alert-success")).getText()).contains("review-poison-1");
        assertThat(driver.findElement(By.cssSelector("[data-stat=parked]")).getText()).isEqualTo("0");

        driver.get(url("/admin/retention/audit"));
        WebElement entry = driver.findElement(By.xpath("//table[contains(@class,'rk-audit')]//tr[td[text()='retry']]"));
        assertThat(entry.getText()).contains("admin").contains("inbox-event").contains("review-poison-1")
                .contains("review service down");
        shot("audit");
        assertThat(audit.list("inbox-event", "review-poison-1", 0, 5)).hasSize(1);

        // Run a job now and watch its progress until it finishes.
        driver.get(url("/admin/retention/operations"));
        click(driver.findElement(By.xpath("//tr[@data-job='recompute-segments']//button")));
        wait(10).until(ExpectedConditions.urlContains("watch=recompute-segments"));
        wait(15).until(d -> d.findElement(By.xpath("//tr[@data-job='recompute-segments']/td[@data-field='status']"))
                .getText().equals("SUCCEEDED"));
        assertThat(driver.findElement(By.xpath("//tr[@data-job='recompute-segments']/td[@data-field='items']"))
                .getText()).isEqualTo("4");

        // Tablet width: the nav folds away behind a Menu button and pages still fit.
        driver.manage().window().setSize(new Dimension(820, 1180));
        driver.get(url("/admin/retention/operations"));
        assertThat(driver.findElement(By.id("rk-nav")).isDisplayed()).as("nav folded away").isFalse();
        shot("operations-tablet");
        driver.findElement(By.cssSelector("[data-bs-target='#rk-nav']")).click();
        wait(5).until(d -> d.findElement(By.id("rk-nav")).isDisplayed());
        shot("nav-tablet");
        driver.get(url("/admin/retention/cohorts"));
        settled();
        shot("cohorts-tablet");
        Long overflow = (Long) ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(overflow).as("no horizontal scrolling at tablet width").isLessThanOrEqualTo(0L);

        assertThat(scriptErrors()).as("JavaScript errors in the console").isEmpty();
    }

    private void click(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
        element.click();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private WebDriverWait wait(int seconds) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds));
    }

    /** Waits until every report and panel finished loading. */
    private void settled() {
        wait(15).until(d -> ((JavascriptExecutor) d).executeScript(
                "return document.readyState === 'complete' && document.querySelectorAll('.rk-loading').length === 0"
        ).equals(Boolean.TRUE));
    }

    private void assertNoAlert() {
        try {
            String text = driver.switchTo().alert().getText();
            throw new AssertionError("a script ran and opened an alert: " + text);
        } catch (NoAlertPresentException expected) {
            // nothing ran
        }
    }

    private List<String> scriptErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                // A report whose feature is not installed answers 404: expected, and shown on the page.
                .filter(m -> !m.contains("status of 404"))
                // Engagement's campaigns and NPS reports take from/to as instants: the console's first request with
                // plain dates is refused (400 naming the field) and it asks again with instants.
                .filter(m -> !((m.contains("/reports/campaigns?") || m.contains("/reports/nps?"))
                        && m.contains("status of 400")))
                // The settings saves this test makes invalid on purpose.
                .filter(m -> !(m.contains("/api/settings/") && m.contains("status of 400")))
                // The model check's 422 on this synthetic history (see above): the browser logs every non-2xx
                // response, but the page handles this one as an empty state.
                .filter(m -> !(m.contains("/reports/model-check") && m.contains("status of 422")))
                .toList();
    }

    private void shot(String name) throws IOException {
        byte[] png = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        Files.write(SCREENSHOTS.resolve(name + ".png"), png);
    }

}

package dev.retention.storefront.widget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The widgets in a real browser (Debian's headless chromium) on a host page that includes every fragment, against
 * {@link StubShopperApi}: no layout shift while they load (CLS measured with a PerformanceObserver), no serious or
 * critical axe-core violation, the shopper and guest journeys, and screenshots at desktop and phone width under
 * {@code target/screenshots}. Skipped when chromium/chromedriver are not installed ({@code .ci/run} installs them);
 * axe-core is fetched with {@code npm pack} into {@code target/axe} (the accessibility check is skipped without npm).
 */
@SpringBootTest(classes = WidgetHostApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = WidgetHostApplication.WITHOUT_FEATURE_BACK_ENDS)
class WidgetBrowserTest {

    static final Path CHROMIUM = Path.of(System.getProperty("retention.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("retention.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static String axe;

    @LocalServerPort
    int port;

    @Autowired
    StubShopperApi api;

    WebDriver driver;
    Path profile;

    @BeforeAll
    static void browserInstalled() throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "chromium and chromedriver are not installed (apt-get install -y chromium chromium-driver)");
        Files.createDirectories(SCREENSHOTS);
        axe = AxeCore.load(Path.of("target", "axe"));
    }

    @BeforeEach
    void openBrowser() throws IOException {
        api.reset();
        profile = Files.createTempDirectory("rk-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--lang=en-US", "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        desktop();
    }

    @AfterEach
    void closeBrowser() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }

    @Test
    void guestsSeeWhatThisCartWouldEarnAndNothingMovesWhileWidgetsLoad() throws IOException {
        open("/");
        screenshot("guest-desktop");

        assertThat(text("[data-retention-widget=points-badge] .rk-body")).isEqualTo("Join & earn");
        assertThat(text("#rk-join-h + .rk-body")).contains("Join and earn 59 points on this order.");
        assertThat(text("#rk-loyalty-panel .rk-body")).contains("Join and earn 59 points on this order.")
                .contains("Sign in");
        assertThat(driver.findElement(By.cssSelector("#rk-loyalty-panel .rk-body a[href='/login']"))).isNotNull();
        assertThat(text("[data-placement=product] .rk-body")).contains("Burr grinder").contains("€89.00")
                .contains("Out of stock").doesNotContain("Single-origin");
        assertNoLayoutShift();
        assertAccessible("guest");

        // the optional exit-intent prompt: hidden until the pointer leaves through the top, then a dialog with focus
        WebElement exit = driver.findElement(By.cssSelector("[data-exit-intent=true]"));
        assertThat(exit.isDisplayed()).isFalse();
        js("document.dispatchEvent(new MouseEvent('mouseout', {clientY: -2, relatedTarget: null}))");
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> exit.isDisplayed());
        assertThat(exit.getAttribute("role")).isEqualTo("dialog");
        assertThat(exit.getText()).contains("Join and earn 59 points on this order.");
        assertThat((Boolean) js("return document.querySelector('[data-exit-intent=true]').contains(document.activeElement)"))
                .isTrue();
        driver.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.ESCAPE);
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> !exit.isDisplayed());
    }

    @Test
    void aShopperSeesTheirPointsRedeemsAtCheckoutAnswersTheSurveyAndUnsubscribes() throws IOException {
        signIn();
        open("/");
        screenshot("shopper-desktop");

        assertThat(text("[data-retention-widget=points-badge] .rk-body")).isEqualTo("1,250 points");
        assertThat(text("#rk-loyalty-panel .rk-stats")).contains("1,250").contains("300").contains("€12.50");
        assertThat(text("#rk-loyalty-panel")).contains("Silver member").contains("750 points more to reach Gold")
                .contains("200 points expire on Dec 31, 2026.").contains("Earned (pending)").contains("Birthday bonus")
                .contains("3,750 points more needed");
        assertThat(driver.findElement(By.cssSelector("#rk-loyalty-panel [role=progressbar]")).getAttribute("aria-valuenow"))
                .isEqualTo("63");
        assertThat(text(".rk-referral .rk-body")).contains("2 friends referred").contains("You earned 500 points.");
        assertNoLayoutShift();
        assertAccessible("shopper");

        // recommendations: an impression per carousel once visible
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> api.recommendationEvents.stream()
                .anyMatch(e -> "IMPRESSION".equals(e.get("type")) && "product".equals(e.get("placement"))));

        // redeem at checkout: the reserved discount shows, the badge follows the new balance
        WebElement redeem = driver.findElement(By.cssSelector(".rk-redeem"));
        new Select(redeem.findElement(By.tagName("select"))).selectByValue("five-off");
        redeem.findElement(By.cssSelector("button[type=submit]")).click();
        waitForText(".rk-redeem [role=status]", "500 points applied: €5.00 off.");
        assertThat(api.reservations).singleElement().satisfies(r -> assertThat(r)
                .containsEntry("checkoutId", "chk-42").containsEntry("rewardId", "five-off")
                .containsEntry("cartTotal", "59.90"));
        waitForText("[data-retention-widget=points-badge] .rk-body", "750 points");
        redeem.findElement(By.cssSelector("button.rk-secondary")).click();
        waitForText(".rk-redeem [role=status]", "Points removed from this order.");
        assertThat(api.reservations).isEmpty();

        // NPS: keyboard-usable radios, the answer arrives with the comment
        WebElement nps = driver.findElement(By.cssSelector(".rk-nps"));
        nps.findElement(By.cssSelector("button[type=submit]")).click();
        waitForText(".rk-nps [role=status]", "Please choose a score from 0 to 10.");
        nps.findElement(By.cssSelector("input[value='9']")).click();
        nps.findElement(By.tagName("textarea")).sendKeys("Fast delivery");
        nps.findElement(By.cssSelector("button[type=submit]")).click();
        waitForText(".rk-nps .rk-body", "Thank you for your feedback!");
        assertThat(api.answers).singleElement().satisfies(a -> assertThat(a)
                .containsEntry("score", 9).containsEntry("comment", "Fast delivery").containsEntry("token", "tok-1"));

        // e-mail preferences: unsubscribe from every flow and channel
        driver.findElement(By.xpath("//section[contains(@class,'rk-prefs')]//button[.='Unsubscribe from all']")).click();
        waitForText(".rk-prefs [role=status]", "Preferences saved.");
        assertThat((Map<?, ?>) api.preferences.get("flows")).hasSize(5).allSatisfy((flow, on) -> assertThat(on)
                .isEqualTo(false));

        // opening a recommendation records the click
        driver.findElement(By.cssSelector("[data-placement=cart] a.rk-name")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> api.recommendationEvents.stream()
                .anyMatch(e -> "CLICK".equals(e.get("type")) && "cart".equals(e.get("placement"))));
    }

    @Test
    void inPolishOnAPhoneThePluralsAndNumbersFollowTheLanguage() throws IOException {
        phone();
        signIn();
        open("/?lang=pl");
        screenshot("shopper-pl-phone");

        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("pl");
        assertThat(text("[data-retention-widget=points-badge] .rk-body")).isEqualTo("1250 punktów");
        assertThat(text("#rk-loyalty-panel")).contains("Twoje nagrody").contains("Brakuje 750 punktów do poziomu Gold")
                .contains("200 punktów wygasa");
        assertThat(text(".rk-referral")).contains("Poleceni znajomi: 2");
        assertThat(text("[data-placement=product]")).contains("89,00 €").contains("Dodaj do koszyka");
        assertNoLayoutShift();
        assertAccessible("shopper-pl-phone");
        screenshotOf("panel-pl-phone", "#rk-loyalty-panel");
        screenshotOf("reco-pl-phone", "[data-placement=product]");
    }

    @Test
    void aPlainHtmlHostGetsTheSameWidgetsFromTheScriptAlone() throws IOException {
        open("/embed.html");

        assertThat(text("[data-retention-widget=join-prompt]")).contains("Intră în programul nostru de recompense")
                .contains("Înscrie-te și câștigi 20 de puncte la această comandă.");
        assertThat(text("[data-retention-widget=recommendations] h2")).isEqualTo("Cumpărate frecvent împreună");
        assertThat(driver.findElements(By.cssSelector("link[data-retention-css]"))).hasSize(1);
        screenshot("embed-ro-desktop");
    }

    private void signIn() {
        driver.get(url("/login"));
        driver.findElement(By.id("username")).sendKeys("ana");
        driver.findElement(By.id("password")).sendKeys("pw");
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().contains("/login"));
    }

    private void open(String path) {
        driver.get(url(path));
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> Boolean.TRUE.equals(js(
                "return document.querySelectorAll('[data-retention-widget]').length > 0 && [...document"
                        + ".querySelectorAll('[data-retention-widget] .rk-body')].every(b => b.getAttribute('aria-busy') === 'false')"
                        + " && [...document.images].every(i => i.complete || i.loading === 'lazy')")));
    }

    /** Sum of layout-shift entries since navigation (buffered), after the widgets and their images loaded. */
    private void assertNoLayoutShift() {
        @SuppressWarnings("unchecked")
        Map<String, Object> cls = (Map<String, Object>) ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                let sum = 0;
                const moved = [];
                new PerformanceObserver((list) => {
                  for (const e of list.getEntries()) {
                    if (e.hadRecentInput) continue;
                    sum += e.value;
                    for (const s of e.sources || []) {
                      const n = s.node;
                      moved.push((n && n.nodeType === 1 ? n.tagName + '.' + n.className : String(n && n.nodeName))
                        + ' ' + JSON.stringify(s.previousRect) + ' -> ' + JSON.stringify(s.currentRect));
                    }
                  }
                }).observe({type: 'layout-shift', buffered: true});
                setTimeout(() => done({sum, moved}), 700);
                """);
        assertThat(((Number) cls.get("sum")).doubleValue()).as("cumulative layout shift; moved: %s", cls.get("moved"))
                .isEqualTo(0.0);
    }

    @SuppressWarnings("unchecked")
    private void assertAccessible(String page) throws IOException {
        assumeTrue(axe != null, "axe-core could not be fetched with npm");
        js(axe);
        List<Map<String, Object>> violations = (List<Map<String, Object>>) ((JavascriptExecutor) driver)
                .executeAsyncScript("""
                        const done = arguments[arguments.length - 1];
                        axe.run(document, {resultTypes: ['violations']}).then((r) => done(r.violations.map((v) => ({
                          id: v.id, impact: v.impact, help: v.help,
                          targets: v.nodes.map((n) => n.target.join(' ')).slice(0, 5)}))));
                        """);
        Files.writeString(SCREENSHOTS.resolve(page + "-axe.txt"), violations.stream().map(Object::toString)
                .reduce("", (a, b) -> a + b + System.lineSeparator()));
        assertThat(violations).as("serious or critical axe-core violations on %s", page)
                .noneMatch(v -> "serious".equals(v.get("impact")) || "critical".equals(v.get("impact")));
    }

    /** The whole page, not only the viewport (Chrome DevTools' captureBeyondViewport). */
    @SuppressWarnings("unchecked")
    private void screenshot(String name) throws IOException {
        Map<String, Object> size = (Map<String, Object>) ((ChromeDriver) driver)
                .executeCdpCommand("Page.getLayoutMetrics", Map.of()).get("cssContentSize");
        capture(name, Map.of("x", 0, "y", 0, "width", size.get("width"), "height", size.get("height"), "scale", 1));
    }

    /** One element (with a small margin), e.g. a widget at phone width. */
    @SuppressWarnings("unchecked")
    private void screenshotOf(String name, String css) throws IOException {
        Map<String, Object> box = (Map<String, Object>) js("const r = document.querySelector(arguments[0])"
                + ".getBoundingClientRect(); return {x: 0, y: Math.max(0, r.top + scrollY - 8),"
                + " width: document.documentElement.clientWidth, height: r.height + 16, scale: 1};", css);
        capture(name, box);
    }

    private void capture(String name, Map<String, Object> clip) throws IOException {
        ChromeDriver chrome = (ChromeDriver) driver;
        String png = (String) chrome.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "clip", clip)).get("data");
        Files.write(SCREENSHOTS.resolve(name + ".png"), Base64.getDecoder().decode(png));
    }

    private void desktop() {
        resize(1280, 900);
    }

    private void phone() {
        resize(390, 844);
    }

    /** Resizes on a blank page and waits until it took effect: a resize during a load would count as a shift. */
    private void resize(int width, int height) {
        driver.get("about:blank");
        driver.manage().window().setSize(new Dimension(width, height));
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.manage().window().getSize().getWidth() == width
                && ((Number) js("return window.innerWidth")).intValue() <= width);
    }

    private String text(String css) {
        return driver.findElement(By.cssSelector(css)).getText().trim();
    }

    private void waitForText(String css, String expected) {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.findElement(By.cssSelector(css)).getText()
                .contains(expected));
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** axe-core from the npm registry, unpacked under target/ once (nothing generated is committed). */
    static final class AxeCore {

        static String load(Path dir) {
            Path script = dir.resolve("package").resolve("axe.min.js");
            try {
                if (!Files.exists(script)) {
                    Files.createDirectories(dir);
                    run(dir, "npm", "pack", "axe-core@4", "--silent");
                    try (var packed = Files.list(dir)) {
                        Path tgz = packed.filter(p -> p.getFileName().toString().endsWith(".tgz")).findFirst()
                                .orElseThrow();
                        run(dir, "tar", "xzf", tgz.getFileName().toString());
                    }
                }
                return Files.readString(script);
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }

        private static void run(Path dir, String... command) throws IOException {
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            try {
                if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                    process.destroy();
                    throw new IOException(String.join(" ", command) + " failed");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }
    }
}

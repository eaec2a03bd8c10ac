package id.go.imigrasi.mpaspor.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

/**
 * A phone-sized headless Chromium (Debian's chromium and chromedriver, nothing downloaded) with the checks every
 * page gets: an axe-core scan (no serious or critical violation) and a screenshot under
 * {@code web/target/screenshots/}.
 */
final class Browser implements AutoCloseable {

    static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final AtomicInteger SHOTS = new AtomicInteger();

    final ChromeDriver driver;
    private final String base;
    private final Path screenshots;
    private final String name;
    private final boolean javascript;

    Browser(String base, Path screenshots, String name, boolean javascript) {
        this.base = base;
        this.screenshots = screenshots;
        this.name = name;
        this.javascript = javascript;
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("mpaspor.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=360,900", "--lang=id");
        // an Indonesian phone: the site's default language (the switch is tested separately)
        options.setExperimentalOption("prefs", javascript ? Map.of("intl.accept_languages", "id-ID,id")
                : Map.of("intl.accept_languages", "id-ID,id", "profile.managed_default_content_settings.javascript", 2));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("mpaspor.chromedriver", "/usr/bin/chromedriver")).toFile())
                .build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        try {
            Files.createDirectories(screenshots);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void open(String path) {
        driver.get(base + path);
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    /**
     * The text of {@code css} as it is now: a part of the page that a script re-renders (the waiting room's status,
     * updated by its event stream) may be replaced between finding it and reading it, so a stale read reads again.
     */
    String text(String css) {
        return Awaitility.await("the text of " + css).atMost(PATIENCE).pollInterval(Duration.ofMillis(100))
                .ignoreException(org.openqa.selenium.StaleElementReferenceException.class)
                .until(() -> driver.findElement(By.cssSelector(css)).getText(), t -> true);
    }

    /** An attribute of {@code css} as it is now, read again if the element was re-rendered meanwhile. */
    String attribute(String css, String name) {
        return Awaitility.await("the " + name + " of " + css).atMost(PATIENCE).pollInterval(Duration.ofMillis(100))
                .ignoreException(org.openqa.selenium.StaleElementReferenceException.class)
                .until(() -> String.valueOf(driver.findElement(By.cssSelector(css)).getAttribute(name)), a -> true);
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    void type(String id, String text) {
        WebElement input = driver.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    void click(String css) {
        find(css).click();
    }

    String path() {
        return driver.getCurrentUrl().substring(base.length());
    }

    /**
     * Waits until the browser is on a page whose path satisfies {@code expected}: after a click or a submit the
     * navigation may still be in flight (a form post through the gateway and the API takes seconds on a loaded
     * machine), and asserting at once would close the browser under it.
     */
    void awaitPath(String what, java.util.function.Predicate<String> expected) {
        Awaitility.await("a page whose path " + what).atMost(PATIENCE).pollInterval(Duration.ofMillis(300))
                .until(() -> expected.test(path()));
    }

    String heading() {
        return find("h1").getText();
    }

    /**
     * Waits until {@code page} (an element of the page shown before a click) is gone, i.e. the next page loaded.
     * Chromium's driver reports an element of a document being replaced either as stale or, now and then, as "Node
     * with given id does not belong to the document" (found by OfficeDeskIT in a fast run): both mean it is gone.
     */
    void awaitReplaced(WebElement page) {
        Awaitility.await("the next page after " + driver.getCurrentUrl()).atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(100)).until(() -> {
                    try {
                        page.isEnabled();
                        return false;
                    } catch (org.openqa.selenium.StaleElementReferenceException gone) {
                        return true;
                    } catch (org.openqa.selenium.WebDriverException e) {
                        if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                            return true;
                        }
                        throw e;
                    }
                });
    }

    /** Waits until {@code css} is shown; a part re-rendered between finding and asking (stale) is asked again. */
    void awaitVisible(String css) {
        Awaitility.await(css + " on " + driver.getCurrentUrl()).atMost(PATIENCE).pollInterval(Duration.ofMillis(300))
                .ignoreException(org.openqa.selenium.StaleElementReferenceException.class)
                .until(() -> !driver.findElements(By.cssSelector(css)).isEmpty()
                        && driver.findElement(By.cssSelector(css)).isDisplayed());
    }

    /** The page as a person sees it: a screenshot, and axe-core finds nothing serious or critical. */
    void check(String page) {
        String file = String.format("%02d-%s-%s.png", SHOTS.incrementAndGet(), name, page);
        try {
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), screenshots.resolve(file),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!javascript) {
            // axe-core and the timing API run as scripts: the pages of a browser without them are photographed only
            Journey.say("  page " + page + " (" + path() + "): screenshot " + file + " (JavaScript off)");
            return;
        }
        weigh(page);
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze(driver);
        List<Rule> serious = results.getViolations().stream()
                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact())).toList();
        assertThat(serious).as("axe-core on " + page + " (" + driver.getCurrentUrl() + "): "
                + serious.stream().map(v -> v.getId() + ": " + v.getHelp() + " " + v.getNodes().stream()
                        .map(n -> n.getTarget().toString()).toList()).toList())
                .isEmpty();
        Journey.say("  page " + page + " (" + path() + "): axe-core clean, screenshot " + file);
    }

    /**
     * What the page cost: bytes on the wire of the document and the scripts, styles and images it loaded (the
     * browser's Resource Timing; uploads and htmx's own requests aside), and the server's time to the first byte.
     * At most 100 KB; written to {@code web/target/page-weights.txt}.
     */
    private void weigh(String page) {
        Object[] m = ((java.util.List<?>) driver.executeScript(
                "var n = performance.getEntriesByType('navigation')[0];"
                + "var r = performance.getEntriesByType('resource').filter(function (e) {"
                + "  return e.initiatorType !== 'xmlhttprequest' && e.initiatorType !== 'fetch'; });"
                + "return [n ? n.transferSize : 0, r.reduce(function (s, e) { return s + e.transferSize; }, 0),"
                + "  n ? Math.round(n.responseStart - n.requestStart) : 0, n ? n.encodedBodySize : 0];")).toArray();
        long document = ((Number) m[0]).longValue();
        long resources = ((Number) m[1]).longValue();
        long total = document + resources;
        String line = String.format("%-28s %-48s document %6.1f KB  with assets %6.1f KB  server %4d ms%n", name + "/"
                + page, path().replaceAll("[0-9a-f-]{36}", "{id}"), document / 1024.0, total / 1024.0,
                ((Number) m[2]).longValue());
        try {
            Files.writeString(screenshots.resolveSibling("page-weights.txt"), line, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(total).as("bytes transferred for " + page).isLessThanOrEqualTo(100 * 1024);
    }

    String cookie(String name) {
        var c = driver.manage().getCookieNamed(name);
        return c == null ? null : c.getValue();
    }

    @Override
    public void close() {
        driver.quit();
    }

    static void quietly(WebDriver driver) {
        try {
            driver.quit();
        } catch (RuntimeException e) {
            // already gone
        }
    }
}

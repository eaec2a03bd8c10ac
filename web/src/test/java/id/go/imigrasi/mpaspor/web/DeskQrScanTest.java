package id.go.imigrasi.mpaspor.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Check-in by the applicant's QR code at the desk, in real headless Chromium (Debian's chromium and chromedriver)
 * whose fake camera films a QR code that zxing drew ({@link QrCamera}): the booking code is read from the camera and
 * the check-in form goes out with it (one post, as typed); a QR code that holds no booking code is refused with a
 * message and nothing is sent; the scanner works from the keyboard (Escape closes it and stops the camera); axe-core
 * finds nothing serious or critical on the page with the scanner open or done. The stand-in API is
 * {@link FakeDeskApi}.
 */
@QuarkusTest
@WithTestResource(FakeDeskApi.class)
class DeskQrScanTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Path VIDEOS = Path.of("target", "fake-camera");
    private static final String CAMERA = "geolocation=(self), camera=(self), microphone=()";
    private static final String NO_CAMERA = "geolocation=(self), camera=(), microphone=()";

    @TestHTTPResource("/")
    URL site;

    @BeforeEach
    void fresh() {
        FakeDeskApi.reset();
    }

    @Test
    void theBookingCodeIsReadFromTheCameraAndTheCheckInIsSentWithIt() {
        // the day page (also as the answer to a refused check-in) may ask for the camera, said once; no other page
        KantorPagesTest.Desk officer = KantorPagesTest.Desk.login("officer@jkt");
        io.restassured.response.Response dayPage = officer.get("/kantor");
        assertThat(dayPage.headers().getValues("Permissions-Policy")).containsExactly(CAMERA);
        // without JavaScript the page offers typing only: the button is hidden until the script finds a camera
        assertThat(dayPage.asString()).contains("id=\"scan\" hidden", "role=\"status\"", "/assets/kantor-scan.",
                "data-pattern=\"[A-HJ-NP-Z2-9]{8}\"").doesNotContain("<script>");
        officer.get("/language?lang=en&back=/kantor");
        assertThat(officer.get("/kantor").asString()).contains(">Scan QR</button>", ">Close camera (Esc)</button>",
                "data-msg-not-code=\"This QR code is not an M-Paspor booking code. Nothing was sent.");
        assertThat(officer.post("/kantor/check-in", Map.of("bookingCode", FakeDeskApi.CODE, "nik", "3171014506900099"))
                .headers().getValues("Permissions-Policy")).containsExactly(CAMERA);
        assertThat(officer.get("/kantor/appointments/" + FakeDeskApi.ID).headers().getValues("Permissions-Policy"))
                .containsExactly(NO_CAMERA);
        assertThat(officer.get("/kantor/search?q=Lestari").headers().getValues("Permissions-Policy"))
                .containsExactly(NO_CAMERA);
        FakeDeskApi.reset();

        try (Desk desk = new Desk(QrCamera.video(VIDEOS, "booking-code", FakeDeskApi.CODE))) {
            desk.officerOpensTheDay();
            desk.click("#scan");
            Awaitility.await("the booking code read from the camera").atMost(PATIENCE)
                    .until(() -> FakeDeskApi.CODE.equals(desk.value("#bookingCode")));
            assertThat(desk.text("#scan-status")).isEqualTo("Kode booking terbaca: " + FakeDeskApi.CODE
                    + ". Ketik NIK dari e-KTP asli, lalu Enter.");
            assertThat(desk.find("#scanner").isDisplayed()).as("the scanner closed").isFalse();
            assertThat(desk.driver.executeScript("return document.getElementById('scan-video').srcObject"))
                    .as("the camera stopped").isNull();
            assertThat(desk.driver.switchTo().activeElement().getAttribute("id")).as("on to the NIK").isEqualTo("nik");
            assertThat(checkIns()).as("nothing sent before the NIK").isEmpty();
            desk.axeFindsNothingSerious("code read");

            WebElement day = desk.find("h1");
            desk.driver.switchTo().activeElement().sendKeys(FakeDeskApi.NIK + Keys.ENTER);
            desk.awaitReplaced(day);
            assertThat(desk.text("main")).contains("Check-in berhasil", "Sudah check-in");
            assertThat(checkIns()).as("one check-in, with the code from the camera")
                    .containsExactly(Map.of("bookingCode", FakeDeskApi.CODE, "nik", FakeDeskApi.NIK));
        }
    }

    @Test
    void withTheNikTypedFirstTheCodeReadSendsTheCheckInAtOnce() {
        try (Desk desk = new Desk(QrCamera.video(VIDEOS, "booking-code-lower", FakeDeskApi.CODE.toLowerCase()))) {
            desk.officerOpensTheDay();
            desk.find("#nik").sendKeys(FakeDeskApi.NIK);
            WebElement day = desk.find("h1");
            desk.click("#scan");
            desk.awaitReplaced(day);
            assertThat(desk.text("main")).contains("Check-in berhasil", "Sudah check-in");
            assertThat(checkIns()).as("the code as a booking code, upper case")
                    .containsExactly(Map.of("bookingCode", FakeDeskApi.CODE, "nik", FakeDeskApi.NIK));
        }
    }

    @Test
    void aQrCodeThatHoldsNoBookingCodeIsRefusedAndNothingIsSent() {
        try (Desk desk = new Desk(QrCamera.video(VIDEOS, "not-a-booking-code", "https://promo.example/voucher?id=42"))) {
            desk.officerOpensTheDay();
            // the NIK typed first: a booking code would be sent at once, so nothing sent means nothing taken
            desk.find("#nik").sendKeys(FakeDeskApi.NIK);
            // keyboard only: from the Check-in button, Tab reaches the scanner's button and Enter opens it
            desk.driver.executeScript("document.getElementById('checkin').focus()");
            desk.driver.switchTo().activeElement().sendKeys(Keys.TAB);
            assertThat(desk.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("scan");
            desk.driver.switchTo().activeElement().sendKeys(Keys.ENTER);
            Awaitility.await("the QR code refused").atMost(PATIENCE)
                    .until(() -> desk.text("#scan-status").startsWith("Kode QR ini bukan kode booking M-Paspor"));
            assertThat(desk.text("#scan-status")).contains("Tidak ada yang dikirim");
            assertThat(desk.find("#scan-status").getAttribute("role")).isEqualTo("status");
            assertThat(desk.value("#bookingCode")).isEmpty();
            assertThat(desk.find("#scanner").isDisplayed()).as("still looking for the right code").isTrue();
            assertThat(desk.find("#scan").getAttribute("aria-expanded")).isEqualTo("true");
            desk.axeFindsNothingSerious("scanner open, code refused");

            desk.driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);
            Awaitility.await("Escape closes the scanner").atMost(PATIENCE)
                    .until(() -> !desk.find("#scanner").isDisplayed());
            assertThat(desk.driver.executeScript("return document.getElementById('scan-video').srcObject"))
                    .as("the camera stopped").isNull();
            assertThat(desk.driver.switchTo().activeElement().getAttribute("id")).as("back on the button")
                    .isEqualTo("scan");
            assertThat(desk.text("#scan-status")).isEqualTo("Kamera ditutup.");
            assertThat(desk.value("#bookingCode")).isEmpty();
            assertThat(checkIns()).as("no check-in request").isEmpty();
        }
    }

    @Test
    void aCameraRefusedIsSaidAndTheCodeIsTypedAsBefore() {
        try (Desk desk = new Desk(QrCamera.video(VIDEOS, "booking-code", FakeDeskApi.CODE), false)) {
            desk.officerOpensTheDay();
            desk.click("#scan");
            Awaitility.await("the refusal said").atMost(PATIENCE)
                    .until(() -> desk.text("#scan-status").startsWith("Kamera tidak diizinkan"));
            assertThat(desk.text("#scan-status")).endsWith("atau ketik kode booking.");
            assertThat(desk.find("#scanner").isDisplayed()).isFalse();
            assertThat(desk.driver.switchTo().activeElement().getAttribute("id")).as("back to typing")
                    .isEqualTo("bookingCode");
            WebElement day = desk.find("h1");
            desk.driver.switchTo().activeElement().sendKeys(FakeDeskApi.CODE + Keys.TAB + FakeDeskApi.NIK + Keys.ENTER);
            desk.awaitReplaced(day);
            assertThat(desk.text("main")).contains("Check-in berhasil");
            assertThat(checkIns()).containsExactly(Map.of("bookingCode", FakeDeskApi.CODE, "nik", FakeDeskApi.NIK));
        }
    }

    /** The bodies of the check-ins the stand-in API received. */
    private static List<Map<String, Object>> checkIns() {
        return FakeDeskApi.SEEN.stream().filter(s -> s.startsWith("POST /office/check-in "))
                .map(s -> json(s.substring("POST /office/check-in ".length()))).toList();
    }

    private static Map<String, Object> json(String body) {
        try {
            return FakeDeskApi.JSON.readValue(body, new com.fasterxml.jackson.core.type.TypeReference<>() {
            });
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Headless Chromium whose camera films {@code video}, logged in as JKT's officer who allows the camera (or, with
     * {@code allowed} false, has blocked it for every site).
     */
    final class Desk implements AutoCloseable {

        final ChromeDriver driver;

        Desk(Path video) {
            this(video, true);
        }

        Desk(Path video, boolean allowed) {
            ChromeOptions options = new ChromeOptions();
            options.setBinary(System.getProperty("mpaspor.chromium", "/usr/bin/chromium"));
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--window-size=360,900", "--lang=id",
                    // a camera that films the file
                    "--use-fake-device-for-media-stream", "--use-file-for-fake-video-capture=" + video.toAbsolutePath());
            if (allowed) {
                options.addArguments("--use-fake-ui-for-media-stream"); // the officer's "allow" already given
                options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "id-ID,id"));
            } else {
                options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "id-ID,id",
                        "profile.default_content_setting_values.media_stream_camera", 2));
            }
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(
                    Path.of(System.getProperty("mpaspor.chromedriver", "/usr/bin/chromedriver")).toFile()).build();
            driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(PATIENCE);
        }

        void officerOpensTheDay() {
            driver.get(site + "login");
            find("#email").sendKeys("officer@jkt");
            find("#password").sendKeys("Rahasia-Kantor-2026");
            click("#submit");
            Awaitility.await("the desk's day").atMost(PATIENCE)
                    .until(() -> driver.getCurrentUrl().endsWith("/kantor"));
            Awaitility.await("the scan button shown (a camera is there)").atMost(PATIENCE)
                    .until(() -> find("#scan").isDisplayed());
            assertThat(find("#scan").getText()).isEqualTo("Pindai QR");
        }

        WebElement find(String css) {
            return driver.findElement(By.cssSelector(css));
        }

        void click(String css) {
            find(css).click();
        }

        String text(String css) {
            return find(css).getText();
        }

        String value(String css) {
            return find(css).getDomProperty("value");
        }

        /** Waits until {@code element} of the page before a submit is gone: the next page is there. */
        void awaitReplaced(WebElement element) {
            Awaitility.await("the next page").atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> {
                try {
                    element.isEnabled();
                    return false;
                } catch (org.openqa.selenium.StaleElementReferenceException gone) {
                    return true;
                }
            });
        }

        void axeFindsNothingSerious(String what) {
            List<Rule> serious = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                    .analyze(driver).getViolations().stream()
                    .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact())).toList();
            assertThat(serious).as("axe-core on the day page, " + what + ": " + serious.stream()
                    .map(v -> v.getId() + ": " + v.getHelp() + " " + v.getNodes().stream()
                            .map(n -> n.getTarget().toString()).toList()).toList())
                    .isEmpty();
        }

        @Override
        public void close() {
            driver.quit();
        }
    }
}

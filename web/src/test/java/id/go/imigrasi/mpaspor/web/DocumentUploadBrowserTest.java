package id.go.imigrasi.mpaspor.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import id.go.imigrasi.mpaspor.web.FakeDocuments.TusRequest;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The documents page's upload with its script (tus-js-client, {@code upload.js}) in real headless Chromium against
 * the stand-in API ({@link FakeDocuments}) through the website's tus proxy. An applicant whose application the upload
 * service has not heard of yet (409 {@code upload-target-not-yet-known} + Retry-After, as under an upload storm) sees
 * "still being prepared, continuing in N seconds", and the file goes once the wait is over, with no click: it was told
 * "failed (409)" before, and had to find the resume button.
 */
@QuarkusTest
@WithTestResource(FakeApi.class)
class DocumentUploadBrowserTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String PAGE = "/applications/" + FakeDocuments.DRAFT + "/documents";
    private static final String FORM = "#upload-" + FakeDocuments.AGUS + "-EKTP";

    @TestHTTPResource("/")
    URL site;

    private ChromeDriver driver;

    @BeforeEach
    void browser() {
        FakeDocuments.reset();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("mpaspor.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=360,900", "--lang=id");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "id-ID,id"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(
                Path.of(System.getProperty("mpaspor.chromedriver", "/usr/bin/chromedriver")).toFile()).build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(PATIENCE);
    }

    @AfterEach
    void close() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void anApplicationNotYetKnownToTheUploadServiceIsWaitedForAndTheFileGoesByItself() throws Exception {
        String session = AgusLogsIn.session();
        driver.get(site.toString());
        driver.manage().addCookie(new Cookie("mpaspor_session", session, "/"));
        driver.get(site + PAGE.substring(1));
        Path scan = Files.createTempFile("ktp-", ".png");
        Files.write(scan, DocumentUploadTest.png(3000));
        FakeDocuments.CREATE_ANSWERS.add(409);

        WebElement form = driver.findElement(By.cssSelector(FORM));
        form.findElement(By.cssSelector("input[type=file]")).sendKeys(scan.toAbsolutePath().toString());
        List<String> said = new CopyOnWriteArrayList<>();
        form.findElement(By.cssSelector("button.send")).click();

        Awaitility.await("the upload done after the wait").atMost(PATIENCE).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    said.add(driver.findElement(By.cssSelector(FORM + " .upload-status")).getText());
                    return "true".equals(driver.findElement(By.cssSelector(FORM)).getAttribute("data-done"));
                });
        assertThat(said).as("what the applicant was told while waiting").anyMatch(text -> text.equals(
                "Permohonan Anda masih disiapkan untuk unggahan, dilanjutkan dalam 2 detik.")
                || text.equals("Permohonan Anda masih disiapkan untuk unggahan, dilanjutkan dalam 1 detik."))
                .noneMatch(text -> text.contains("409") || text.contains("gagal") || text.contains("Gagal"));
        assertThat(FakeDocuments.TUS).extracting(TusRequest::method).as("refused once, created, then the bytes")
                .startsWith("POST", "POST").contains("PATCH");
        TusRequest first = FakeDocuments.TUS.get(0);
        TusRequest second = FakeDocuments.TUS.get(1);
        assertThat(second.header("Upload-Metadata")).as("the same upload asked for again")
                .isEqualTo(first.header("Upload-Metadata"));
    }
}

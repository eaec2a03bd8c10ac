package id.go.imigrasi.mpaspor.e2e;

import static id.go.imigrasi.mpaspor.e2e.Journey.say;
import static id.go.imigrasi.mpaspor.e2e.Journey.step;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;

/**
 * The applicant's journey through the website only, in real headless Chromium, against the same system
 * {@link JourneyIT} drove: register with the OTP from the mailbox, an application for two people with a birth date
 * corrected on the page, every document uploaded with tus-js-client (one refused by the browser, one rejected by
 * the validation and replaced, one interrupted by a lost connection and resumed), office, date, hold, submission,
 * the bill paid at a channel while the page watches, the appointment's QR code and a reschedule, the language
 * switch, a second account without JavaScript (its forms, a document through the plain upload form) that cannot open
 * the first one's pages. Every page is checked with axe-core (with JavaScript) and photographed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith({ SharedSystem.class, StopAtFirstFailure.class })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebsiteIT {

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    /*
     * Fresh NIKs for every run, registered at the Dukcapil stub in openTheBrowser (POST /admin/nik): a system reused
     * while iterating (-Dmpaspor.e2e.reuse=true) still holds the previous run's applications, and a NIK may be in
     * one active application only. Each NIK agrees with its birth date and sex (DDMMYY, women +40 on the day).
     */
    private final String serial = String.format("%04d", 1000 + new Random().nextInt(9000));
    private final String agusNik = "327315" + "120585" + serial;
    private final String dewiNik = "327315" + "570888" + serial;
    private final String budiNik = "327315" + "030390" + serial;
    private final String email = "agus." + run + "@example.id";
    private final String password = "Batagor-Kuah-2026";

    private SystemUnderTest system;
    private Journey api;
    private Mailbox mailbox;
    private Documents documents;
    private Browser browser;
    private String site;
    private String applicationId;

    @BeforeAll
    void openTheBrowser() {
        system = SharedSystem.system();
        site = system.gateway();
        api = new Journey(site);
        mailbox = new Mailbox(SystemUnderTest.port(3143));
        documents = new Documents(Path.of("target", "website-documents"));
        browser = new Browser(site, screenshots(), "agus", true);
        Journey.registerAtDukcapil(agusNik, "Agus Wijaya", "1985-05-12", "Bandung", "MALE");
        Journey.registerAtDukcapil(dewiNik, "Dewi Lestari", "1988-08-17", "Bandung", "FEMALE");
        Journey.registerAtDukcapil(budiNik, "Budi Santoso", "1990-03-03", "Jakarta", "MALE");
        say("  Agus (" + agusNik + "), Dewi (" + dewiNik + ") and Budi (" + budiNik + ") registered at the Dukcapil stub");
    }

    @AfterAll
    void closeTheBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void registerWithTheOtpFromTheMailboxAndLogIn() {
        step("W1. Agus registers on the website, types the OTP from his mailbox, logs in");
        browser.open("/");
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo("id");
        browser.check("home");
        browser.click("#start");
        browser.check("register");
        browser.type("name", "Agus Wijaya");
        browser.type("email", email);
        browser.type("phone", "0813 2222 3333");
        browser.type("password", password);
        // the privacy notice (issue 23): the box carries the version in force
        browser.click("#privacyNoticeVersion");
        browser.click("#submit");
        browser.awaitPath("starts with " + "/verify", p -> p.startsWith("/verify"));
        browser.check("verify");
        String otp = mailbox.otp(email, "M-Paspor", 1);
        say("  OTP read from the mailbox: " + otp);
        browser.type("otp", otp);
        browser.click("#submit");
        browser.awaitPath("starts with " + "/login", p -> p.startsWith("/login"));
        browser.check("login");
        String before = browser.cookie("mpaspor_session");
        browser.type("email", email);
        browser.type("password", password);
        browser.click("#submit");
        browser.awaitPath("is " + "/applications", p -> p.equals("/applications"));
        Cookie session = browser.driver.manage().getCookieNamed("mpaspor_session");
        assertThat(session.getValue()).as("a new session id at login").isNotEqualTo(before);
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Lax");
        browser.check("applications-empty");
        say("  logged in; the session cookie is HttpOnly, SameSite=Lax and was renewed at login");
    }

    @Test
    @Order(2)
    void anApplicationForTwoWithABirthDateCorrectedOnThePage() {
        step("W2. An application for Agus and Dewi; Dewi's birth date is mistyped, the page says where, it is corrected");
        browser.click("#new-application");
        // the new application's page comes after a form post: wait for it, do not read the path at once
        browser.awaitPath("is an application's", p -> p.matches("/applications/[0-9a-f-]{36}(/.*)?"));
        applicationId = browser.path().split("/")[2];
        browser.check("applicant-new");
        fillApplicant(browser, "Agus Wijaya", agusNik, "12", "5", "1985", "Bandung", "MALE", "Siti Aminah");
        browser.click("#save-add");
        browser.awaitPath("ends with " + "/applicants/new", p -> p.endsWith("/applicants/new"));
        fillApplicant(browser, "Dewi Lestari", dewiNik, "18", "8", "1988", "Bandung", "FEMALE", "Ratna Sari");
        browser.click("#submit");

        // the page with the errors comes back from a form post: wait for it
        browser.awaitVisible(".error-summary");
        WebElement summary = browser.find(".error-summary");
        assertThat(summary.getText()).isNotBlank();
        WebElement link = summary.findElement(By.cssSelector("a[href='#birthDate']"));
        String inline = browser.find("#birthDate-error").getText();
        assertThat(link.getText()).isEqualTo(inline);
        assertThat(browser.find("#nik").getAttribute("value")).as("what was typed is kept").isEqualTo(dewiNik);
        browser.check("applicant-error");
        say("  the mismatch is in the summary (linked to the field) and beside the date: " + inline);
        assertThat(browser.find("#birthDate").getAttribute("name")).as("the link's target is the day field")
                .isEqualTo("birthDay");
        browser.type("birthDate", "17");
        browser.click("#submit");
        browser.awaitPath("is " + "/applications/" + applicationId, p -> p.equals("/applications/" + applicationId));
        assertThat(browser.all(".applicant")).hasSize(2);
        browser.check("application-draft");
    }

    @Test
    @Order(3)
    void everyDocumentUploadedWithTusOneRefusedOneRejectedAndReplacedOneResumed() throws IOException {
        step("W3. Documents with tus-js-client: a refused type, a rejected 'photo' replaced, a lost connection resumed");
        browser.click("#to-documents");
        browser.awaitVisible("form.upload");
        browser.check("documents");
        List<WebElement> forms = browser.all("form.upload");
        say("  " + forms.size() + " documents to upload");

        // the browser refuses a file that is not an image or PDF before sending anything
        WebElement first = forms.get(0);
        Path notes = Files.writeString(Path.of("target", "website-documents", "catatan.txt"), "bukan dokumen\n");
        first.findElement(By.cssSelector("input[type=file]")).sendKeys(notes.toAbsolutePath().toString());
        first.findElement(By.cssSelector(".send")).click();
        assertThat(first.findElement(By.cssSelector(".upload-status")).getText()).contains("bukan JPG");
        say("  a .txt file is refused in the browser: " + first.findElement(By.cssSelector(".upload-status")).getText());

        // Agus's e-KTP: a text file named .jpg passes the browser's check, the validation rejects it
        String agusEktp = formId("EKTP", 0);
        upload(agusEktp, documents.notAnImage("agus", "EKTP"));
        awaitState(agusEktp, "REJECTED");
        String reason = browser.find("#" + agusEktp.replace("upload-", "state-") + " .rejected-reason").getText();
        assertThat(reason).isNotBlank();
        browser.check("documents-rejected");
        say("  rejected with the reason shown: " + reason);

        // one upload interrupted by a lost connection, resumed from its offset when the network is back
        String interrupted = formId("KK", 1);
        Path large = noisyScan("dewi-KK.png");
        ChromiumNetworkConditions slow = new ChromiumNetworkConditions();
        slow.setLatency(Duration.ofMillis(50));
        slow.setUploadThroughput(200 * 1024);
        slow.setDownloadThroughput(1024 * 1024);
        browser.driver.setNetworkConditions(slow);
        WebElement form = browser.find("#" + interrupted);
        form.findElement(By.cssSelector("input[type=file]")).sendKeys(large.toAbsolutePath().toString());
        form.findElement(By.cssSelector(".send")).click();
        Awaitility.await("some bytes sent").atMost(Browser.PATIENCE).pollInterval(Duration.ofMillis(100))
                .until(() -> progress(interrupted) > 0.2);
        ChromiumNetworkConditions offline = new ChromiumNetworkConditions();
        offline.setOffline(true);
        browser.driver.setNetworkConditions(offline);
        say("  connection cut at " + Math.round(progress(interrupted) * 100) + "%");
        Awaitility.await("the page notices").atMost(Browser.PATIENCE).pollInterval(Duration.ofMillis(200))
                .until(() -> status(interrupted).contains("terputus"));
        browser.check("documents-offline");
        browser.driver.deleteNetworkConditions();
        Awaitility.await("resumed and finished").atMost(Browser.PATIENCE).pollInterval(Duration.ofMillis(200))
                .until(() -> "true".equals(browser.find("#" + interrupted).getAttribute("data-done")));
        long resumedFrom = Long.parseLong(browser.find("#" + interrupted).getAttribute("data-resumed-from"));
        assertThat(resumedFrom).as("the upload went on from the server's offset, not from 0").isPositive();
        say("  back online: resumed from byte " + resumedFrom + " of " + Files.size(large));

        // every other document, then the rejected one replaced
        for (WebElement f : browser.all("form.upload")) {
            String id = f.getAttribute("id");
            if (id.equals(agusEktp) || id.equals(interrupted) || "true".equals(f.getAttribute("data-done"))) {
                continue;
            }
            upload(id, documents.scan(id.substring(7, 15), id.substring(id.lastIndexOf('-') + 1)));
        }
        browser.open("/applications/" + applicationId + "/documents");
        browser.awaitVisible("#" + agusEktp);
        assertThat(browser.find("#" + agusEktp + " h3").getText()).contains("ganti");
        upload(agusEktp, documents.scan("Agus Wijaya", "EKTP"));
        browser.awaitVisible("#docs-ready");
        browser.check("documents-ready");
        say("  every required document of both applicants is accepted");
    }

    @Test
    @Order(4)
    void officeDateHoldSubmissionAndTheBillPaidWhileThePageWatches() throws Exception {
        step("W4. Office by city, a date, the hold's countdown, submission, the bill, the invoice, payment at an ATM");
        browser.click("#to-office");
        browser.type("city", "Bandung");
        browser.find("#city").submit();
        browser.check("office");
        String office = browser.find("input[name=office]:checked").getAttribute("value");
        api.releaseQuota(api.login("admin@mpaspor.local", system.secret("admin-password")), office,
                LocalDate.now(SharedSystem.WIB), LocalDate.now(SharedSystem.WIB).plusDays(14));
        say("  office " + office + " chosen; its admin released the next two weeks");
        browser.click("#choose-office");
        // the calendar may show the release a few seconds late (it is cached): look again until it is open
        Awaitility.await("bookable sessions at " + office).atMost(Browser.PATIENCE).pollInterval(Duration.ofSeconds(2))
                .until(() -> {
                    if (!browser.all("input[name=slot]").isEmpty()) {
                        return true;
                    }
                    browser.driver.navigate().refresh();
                    return false;
                });
        browser.check("slot");
        WebElement slot = browser.find("input[name=slot]");
        String chosen = slot.getAttribute("value");
        slot.click();
        browser.click("#hold");
        browser.awaitPath("ends with " + "/submit", p -> p.endsWith("/submit"));
        assertThat(browser.find("#hold-countdown").getText()).matches("\\d+:\\d\\d");
        browser.check("submit");
        say("  held " + chosen + ", countdown " + browser.find("#hold-countdown").getText());
        browser.click("#submit");
        browser.awaitPath("ends with " + "/bill", p -> p.endsWith("/bill"));
        browser.awaitVisible("#billing-code");
        String code = browser.find("#billing-code").getText().trim();
        assertThat(code).matches("\\d{15}");
        long amount = Long.parseLong(browser.find("#amount").getText().replaceAll("\\D", ""));
        browser.check("bill");
        say("  billing code " + code + ", Rp " + amount);

        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(site + "/applications/" + applicationId + "/bill/invoice.pdf"))
                .header("Cookie", "mpaspor_session=" + browser.cookie("mpaspor_session")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        say("  invoice downloaded through the website (" + pdf.body().length + " bytes)");

        browser.driver.executeScript("window.stillTheSamePage = 'yes'");
        assertThat(api.pay(system, "atm", code, amount, "--reference", "ATM-WEB-" + run)).containsExactly(200);
        browser.awaitVisible("#bill-paid");
        assertThat(browser.driver.executeScript("return window.stillTheSamePage")).as("no reload").isEqualTo("yes");
        browser.check("bill-paid");
        say("  the bill page shows PAID by itself");
    }

    @Test
    @Order(5)
    void theAppointmentWithItsQrCodeARescheduleAndTheTimeline() {
        step("W5. The appointment's QR code, a reschedule, the timeline");
        browser.click("#to-appointment");
        Awaitility.await("two appointments").atMost(Browser.PATIENCE).pollInterval(Duration.ofSeconds(1)).until(() -> {
            if (browser.all(".appointment").size() == 2) {
                return true;
            }
            browser.driver.navigate().refresh();
            return false;
        });
        Number qrWidth = (Number) browser.driver.executeScript(
                "var i = document.querySelector('img.qr'); return i.complete ? i.naturalWidth : 0;");
        assertThat(qrWidth.intValue()).as("the QR code image loaded").isPositive();
        String before = browser.find(".appt-date").getAttribute("datetime");
        browser.check("appointment");
        browser.click("#reschedule");
        browser.check("reschedule");
        WebElement other = browser.all("input[name=slot]").stream()
                .filter(r -> !r.getAttribute("value").startsWith(before)).findFirst().orElseThrow();
        String to = other.getAttribute("value").substring(0, 10);
        other.click();
        browser.click("#hold");
        browser.awaitVisible("#moved");
        Awaitility.await("appointments moved to " + to).atMost(Browser.PATIENCE).pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    browser.driver.navigate().refresh();
                    return browser.all(".appt-date").size() == 2
                            && browser.all(".appt-date").stream().allMatch(d -> to.equals(d.getAttribute("datetime")));
                });
        browser.check("appointment-moved");
        say("  rescheduled from " + before + " to " + to);
        browser.open("/applications/" + applicationId);
        List<String> timeline = browser.all("#timeline li").stream().map(WebElement::getText).toList();
        assertThat(String.join("\n", timeline)).contains("Dibayar", "Menunggu pembayaran");
        browser.check("timeline");
        say("  timeline: " + timeline.size() + " entries");
    }

    @Test
    @Order(6)
    void theLanguageSwitch() {
        step("W6. English by the visible switch, and back");
        browser.click("#language");
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo("en");
        assertThat(browser.heading()).isEqualTo("Passport application");
        browser.awaitPath("is " + "/applications/" + applicationId, p -> p.equals("/applications/" + applicationId));
        browser.check("application-en");
        browser.click("#language");
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo("id");
        assertThat(browser.heading()).isEqualTo("Permohonan paspor");
    }

    @Test
    @Order(7)
    void withoutJavascriptASecondAccountRegistersSendsADocumentAndCannotOpenTheFirstOnesPages() {
        step("W7. Budi, with JavaScript off, looks up the fee and the documents, registers, logs in, starts an"
                + " application and sends a document through the plain upload form; Agus's pages are not his");
        String budiEmail = "budi.web." + run + "@example.id";
        try (Browser noScript = new Browser(site, screenshots(), "budi-nojs", false)) {
            // before he has an account: what it costs and which documents he needs, through the real gateway
            noScript.open("/fees");
            noScript.click("#passportKind-ELECTRONIC");
            noScript.click("#validityYears-10");
            noScript.click("#calculate");
            noScript.awaitVisible("#quote-total");
            assertThat(noScript.text("#quote-total")).isEqualTo("Rp950.000");
            noScript.check("fees-nojs");
            noScript.open("/requirements");
            assertThat(noScript.text("#advice-documents")).contains("e-KTP", "Kartu Keluarga", "Akta kelahiran");
            noScript.click("#applicationType-LOST");
            noScript.click("#show");
            noScript.awaitVisible("#advice-at-office");
            assertThat(noScript.text("#advice-documents")).contains("Surat keterangan hilang dari kepolisian");
            noScript.check("requirements-lost-nojs");
            noScript.open("/offices");
            noScript.check("offices-nojs");
            noScript.open("/offices/BDG");
            assertThat(noScript.text("#hours")).contains("Senin", "08.00–16.00", "Jumat", "08.00–11.30, 13.00–16.00");
            assertThat(noScript.text("#services")).isNotBlank();
            noScript.check("office-hours-nojs");
            say("  without an account or JavaScript: an e-passport for 10 years costs Rp950.000; a lost passport is"
                    + " taken to the office with the police report; Bandung's office is open " + noScript.text("#hours")
                            .lines().filter(l -> l.startsWith("Jumat")).findFirst().orElse("?"));
            noScript.open("/register");
            noScript.type("name", "Budi Santoso");
            noScript.type("email", budiEmail);
            noScript.type("phone", "0813 4444 5555");
            noScript.type("password", "Soto-Betawi-2026");
            noScript.click("#privacyNoticeVersion");
            noScript.click("#submit");
            // the post may still be in flight after the click: wait for the page (asserting at once raced it)
            noScript.awaitPath("starts with /verify", p -> p.startsWith("/verify"));
            noScript.type("otp", mailbox.otp(budiEmail, "M-Paspor", 1));
            noScript.click("#submit");
            noScript.awaitPath("starts with /login", p -> p.startsWith("/login"));
            noScript.type("email", budiEmail);
            noScript.type("password", "Soto-Betawi-2025");
            noScript.click("#submit");
            // the refusal is a new page: wait for it (finding it at once raced the post, as the paths did)
            noScript.awaitVisible(".error-summary");
            assertThat(noScript.find(".error-summary").getText()).isNotBlank();
            noScript.check("login-error-nojs");
            noScript.type("password", "Soto-Betawi-2026");
            noScript.click("#submit");
            noScript.awaitPath("is /applications", p -> p.equals("/applications"));
            say("  registered, verified and logged in without JavaScript");

            noScript.click("#new-application");
            noScript.awaitPath("ends with /applicants/new", p -> p.endsWith("/applicants/new"));
            String budisApplication = noScript.path().split("/")[2];
            fillApplicant(noScript, "Budi Santoso", budiNik, "3", "3", "1990", "Jakarta", "MALE", "Sri Wahyuni");
            noScript.click("#submit");
            noScript.awaitPath("is his application", p -> p.equals("/applications/" + budisApplication));
            noScript.click("#to-documents");
            noScript.awaitVisible("form.upload");
            String ektp = noScript.all("form.upload").stream().map(f -> f.getAttribute("id"))
                    .filter(id -> id.endsWith("-EKTP")).findFirst().orElseThrow();
            String field = ektp.replace("upload-", "file-");
            noScript.check("documents-nojs");
            // a text file named .jpg: refused by the website beside the field, before the API
            noScript.find("#" + field).sendKeys(documents.notAnImage("budi", "EKTP").toAbsolutePath().toString());
            noScript.click("#" + ektp + " .send");
            noScript.awaitVisible("#" + field + "-error");
            assertThat(noScript.find(".error-summary a[href='#" + field + "']").getText())
                    .isEqualTo(noScript.find("#" + field + "-error").getText()).contains("bukan JPG");
            noScript.check("documents-refused-nojs");
            say("  a text file named .jpg is refused beside its field: " + noScript.find("#" + field + "-error").getText());
            // the scan: the whole file in one post, sent on by the website as a tus upload
            noScript.find("#" + field).sendKeys(documents.scan("Budi Santoso", "EKTP").toAbsolutePath().toString());
            noScript.click("#" + ektp + " .send");
            noScript.awaitPath("is the documents page again", p -> p.startsWith(
                    "/applications/" + budisApplication + "/documents?sent=" + field));
            // the API took it; the application records it a moment later (an event): the page says so and looks
            // again by itself (a meta refresh, no JavaScript); the test looks again too, as a person would
            String stateRow = "#" + ektp.replace("upload-", "state-");
            String sentPage = noScript.path();
            Awaitility.await("the e-KTP recorded").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2))
                    .ignoreExceptions().until(() -> {
                        String seen = noScript.find(stateRow).getAttribute("data-state");
                        if (!List.of("UPLOADED", "ACCEPTED", "REJECTED").contains(seen)) {
                            noScript.open(sentPage.replaceAll("#.*", ""));
                        }
                        return List.of("UPLOADED", "ACCEPTED").contains(seen);
                    });
            String state = noScript.find(stateRow).getAttribute("data-state");
            assertThat(noScript.all("#" + ektp)).as("no form for a document sent").isEmpty();
            noScript.check("documents-sent-nojs");
            say("  the e-KTP sent without JavaScript through the plain form: " + state);

            for (String page : List.of("", "/bill", "/documents", "/appointment", "/bill/invoice.pdf")) {
                noScript.open("/applications/" + applicationId + page);
                assertThat(noScript.heading()).as(page).isEqualTo("Halaman tidak ditemukan");
            }
            noScript.check("not-yours");
            say("  Agus's application, bill, documents, appointment and invoice are 'not found' for Budi");
        }
    }

    @Test
    @Order(8)
    void logoutEndsTheSessionOnTheServer() {
        step("W8. Agus logs out: the old session cookie opens nothing any more");
        String old = browser.cookie("mpaspor_session");
        browser.click("#logout");
        // the click only starts the logout's form post: replacing the cookie or opening another page before its
        // answer arrives cancels it (CI, 2026-12-06: the old cookie still opened the applications for 90 s)
        browser.awaitPath("starts with /?bye", p -> p.startsWith("/?bye"));
        browser.driver.manage().deleteCookieNamed("mpaspor_session");
        browser.driver.manage().addCookie(new Cookie("mpaspor_session", old, "/"));
        browser.open("/applications");
        browser.awaitPath("starts with " + "/login", p -> p.startsWith("/login"));
        say("  after logout the old cookie leads to the login page");

        // issue 22: without an account, the application number, Agus's NIK and birth date show the state only
        browser.open("/status");
        browser.check("status");
        browser.type("applicationId", applicationId);
        browser.type("nik", agusNik);
        browser.type("birthDate", "12");
        browser.type("birthMonth", "5");
        browser.type("birthYear", "1985");
        browser.click("#check");
        Awaitility.await("the state").atMost(Duration.ofSeconds(30)).until(() -> !browser.all("#state-value").isEmpty());
        String state = browser.text("#state-value");
        assertThat(state).isNotBlank();
        assertThat(browser.text("main")).doesNotContain("Agus Wijaya").doesNotContain(agusNik.substring(6));
        browser.check("status-found");
        say("  the status check without login: '" + state + "', no name or NIK on the page");
    }

    @Test
    @Order(9)
    void eachVisitorHasTheirOwnBucketsAndADirectClientCannotChooseOne() {
        step("W9. Two visitors of the website from their own addresses: one spends its login bucket, the other "
                + "is untouched; a client calling the API directly cannot pose as someone else with X-Forwarded-For");
        int port = SystemUnderTest.port(8080);
        Visitor first = new Visitor("127.0.0.21", port);
        Visitor second = new Visitor("127.0.0.22", port);
        int attempts = 0;
        Visitor.Answer answer;
        do {
            answer = wrongLogin(first, "first");
            attempts++;
        } while (answer.status() == 200 && attempts < 40);
        assertThat(answer.status()).as("the first visitor is slowed down at last").isEqualTo(503);
        assertThat(answer.headers()).containsKey("retry-after");
        say("  visitor 127.0.0.21: refused politely after " + attempts + " wrong logins (Retry-After "
                + answer.headers().get("retry-after") + ")");
        Visitor.Answer other = wrongLogin(second, "second");
        assertThat(other.status()).as("the second visitor has a bucket of their own").isEqualTo(200);
        assertThat(other.body()).contains("error-summary");
        say("  visitor 127.0.0.22: still answered (wrong password shown), a bucket of their own");

        // straight to the API from 127.0.0.23, claiming a new address each time: the header does not count
        Visitor direct = new Visitor("127.0.0.23", port);
        int status = 0;
        int tries = 0;
        while (tries < 40 && status != 429) {
            status = direct.send("POST", "/api/v1/auth/login", Map.of("Content-Type", "application/json",
                    "X-Forwarded-For", "10.77.0." + tries), "{\"email\":\"direct." + run
                            + "@example.id\",\"password\":\"wrong-password-1\"}").status();
            tries++;
        }
        assertThat(status).as("a direct client's X-Forwarded-For chooses no bucket").isEqualTo(429);
        say("  a direct client claiming 40 addresses in X-Forwarded-For was limited as itself after " + tries);
    }

    /** A wrong login through the website; each visitor tries another e-mail (the account's own throttle aside). */
    private Visitor.Answer wrongLogin(Visitor visitor, String who) {
        String csrf = Visitor.csrf(visitor.get("/login", Map.of()).body());
        return visitor.postForm("/login", Map.of("csrf", csrf, "email", who + "." + run + "@example.id",
                "password", "Salah-Sandi-2026"));
    }

    // ---- helpers ----

    private static void fillApplicant(Browser browser, String name, String nik, String day, String month,
            String year, String place, String sex, String mother) {
        // the holder's declaration of authority (issue 23): Agus and Budi apply for themselves, Agus for his wife
        browser.click(name.startsWith("Dewi") ? "#authority-AUTHORISED" : "#authority-SELF");
        browser.type("fullName", name);
        browser.type("nik", nik);
        browser.type("birthDate", day);
        browser.type("birthMonth", month);
        browser.type("birthYear", year);
        browser.type("birthPlace", place);
        browser.click("#sex-" + sex);
        browser.type("motherName", mother);
        browser.type("address", "Jl. Braga No. 7, Bandung");
        browser.type("phone", "081322223333");
        browser.click("#applicationType-NEW");
        browser.click("#passportKind-ELECTRONIC");
        browser.click("#validityYears-10");
        browser.type("travelPurpose", "Umrah");
    }

    /** The id of the upload form of the {@code nth} applicant's {@code code} line. */
    private String formId(String code, int nth) {
        List<String> ids = browser.all("form.upload").stream().map(f -> f.getAttribute("id"))
                .filter(id -> id.endsWith("-" + code)).toList();
        return ids.get(nth);
    }

    private void upload(String formId, Path file) {
        WebElement form = browser.find("#" + formId);
        form.findElement(By.cssSelector("input[type=file]")).sendKeys(file.toAbsolutePath().toString());
        form.findElement(By.cssSelector(".send")).click();
        Awaitility.await("upload " + formId).atMost(Browser.PATIENCE).pollInterval(Duration.ofMillis(200))
                .until(() -> "true".equals(browser.find("#" + formId).getAttribute("data-done")));
    }

    private void awaitState(String formId, String state) {
        String row = "#" + formId.replace("upload-", "state-");
        Awaitility.await(row + " " + state).atMost(Browser.PATIENCE).pollInterval(Duration.ofMillis(500))
                .until(() -> !browser.all(row + "[data-state=" + state + "]").isEmpty());
    }

    private double progress(String formId) {
        Object v = browser.driver.executeScript("return document.querySelector('#" + formId + " progress').value");
        return v instanceof Number n ? n.doubleValue() : 0;
    }

    private String status(String formId) {
        return browser.find("#" + formId + " .upload-status").getText();
    }

    /** A legible-sized PNG of noise: large (about 1.5 MB), so its upload takes a while on a slow line. */
    private static Path noisyScan(String name) {
        BufferedImage image = new BufferedImage(800, 640, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(42);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.setRGB(x, y, random.nextInt(0xFFFFFF));
            }
        }
        Path file = Path.of("target", "website-documents", name);
        try {
            Files.createDirectories(file.getParent());
            ImageIO.write(image, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private Path screenshots() {
        return system.root().resolve("web/target/screenshots");
    }
}

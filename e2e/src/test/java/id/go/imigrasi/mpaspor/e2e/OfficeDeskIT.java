package id.go.imigrasi.mpaspor.e2e;

import static id.go.imigrasi.mpaspor.e2e.Journey.say;
import static id.go.imigrasi.mpaspor.e2e.Journey.step;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import id.go.imigrasi.mpaspor.e2e.Journey.Person;
import id.go.imigrasi.mpaspor.e2e.Journey.Slot;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * The office desk and the admin console in real headless Chromium, through the gateway (issue 19): an admin
 * creates an officer, sets the office's rules and releases its quota in /admin; an applicant prepared through the
 * API gets an appointment; the officer at /kantor checks in from the keyboard with a wrong NIK (refused beside the
 * field), then the right one, interviews, records a finger failing three times then INJURED, approves, issues, and
 * a family member collects; an officer of another office sees nothing of it. Every /kantor and /admin page is
 * scanned by axe-core (no serious or critical violation) and photographed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith({ SharedSystem.class, StopAtFirstFailure.class })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OfficeDeskIT {

    /** An office no other end-to-end class books at, and one elsewhere for the officer who must see nothing. */
    private static final String OFFICE = "JKTUTR";
    private static final String OTHER_OFFICE = "BDG";
    private static final Duration EVENTUALLY = Duration.ofSeconds(90);
    private static final DateTimeFormatter LOCAL_MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String serial = String.format("%04d", 1000 + new Random().nextInt(9000));
    private final Person rudi = new Person("Rudi Hartono", "317201" + "150391" + serial, "1991-03-15", "Jakarta",
            "MALE", "Sri Wahyuni", "NEW", "ORDINARY", 5);
    private final String officerEmail = "wati." + run + "@imigrasi.go.id";
    private final String officerPassword = "Loket-Utara-2026";

    private SystemUnderTest system;
    private Journey api;
    private Mailbox mailbox;
    private Documents documents;
    private Browser admin;
    private Browser desk;
    private String adminToken;
    private LocalDate day;
    private String appointmentId;
    private String bookingCode;

    @BeforeAll
    void openTheBrowsers() {
        system = SharedSystem.system();
        api = new Journey(system.gateway());
        mailbox = new Mailbox(SystemUnderTest.port(3143));
        documents = new Documents(Path.of("target", "desk-documents"));
        day = SharedSystem.RESCHEDULED_DATE; // the office clock's "today"
        admin = new Browser(system.gateway(), screenshots(), "admin", true);
        desk = new Browser(system.gateway(), screenshots(), "kantor", true);
        adminToken = api.login("admin@mpaspor.local", system.secret("admin-password"));
        Journey.registerAtDukcapil(rudi);
    }

    @AfterAll
    void closeTheBrowsers() {
        if (admin != null) {
            admin.close();
        }
        if (desk != null) {
            desk.close();
        }
    }

    @Test
    @Order(1)
    void theAdminCreatesAnOfficerSetsTheRulesReleasesQuotaAndClosesADate() {
        step("D1. The admin logs in, creates an officer of " + OFFICE + ", sets its rules, releases quota, closes a date");
        login(admin, "admin@mpaspor.local", system.secret("admin-password"));
        admin.awaitPath("is /admin", p -> p.startsWith("/admin"));
        admin.check("admin-home");
        admin.click("#office-" + OFFICE);
        admin.awaitVisible("#officers-title");
        admin.check("admin-office");

        admin.type("officer-name", "Wati Petugas");
        admin.type("officer-email", officerEmail);
        admin.type("officer-password", officerPassword);
        submit(admin, "#officer-create");
        assertThat(done(admin)).contains("Petugas dibuat");
        assertThat(admin.find("#officers").getText()).contains("Wati Petugas", officerEmail);
        say("  officer " + officerEmail + " created at " + OFFICE);

        admin.type("rules-REGULAR-MORNING", "40");
        admin.type("rules-REGULAR-AFTERNOON", "35");
        // walk-in places too, for the desk's walk-ins and collective batches (D7): before the release puts them on sale
        admin.type("rules-PRIORITY_WALK_IN-MORNING", "20");
        submit(admin, "#rules-save");
        assertThat(done(admin)).contains("Aturan kuota disimpan");
        assertThat(admin.find("#rules").getText()).contains("Senin", "Reguler", "40", "35", "20");

        LocalDateTime now = LocalDateTime.now(SharedSystem.WIB).minusMinutes(2);
        value(admin, "releases-from", LocalDate.now(SharedSystem.WIB).toString());
        value(admin, "releases-to", day.plusDays(3).toString());
        value(admin, "releases-at", now.format(LOCAL_MINUTE));
        submit(admin, "#release");
        assertThat(done(admin)).contains("Rilis kuota");
        assertThat(admin.find("#releases").getText()).contains(day.plusDays(3).toString());

        LocalDate closed = day.plusDays(7);
        value(admin, "closures-date", closed.toString());
        admin.click("#closures-scope-E_PASSPORT");
        admin.type("closures-reason", "blangko e-paspor habis");
        submit(admin, "#close");
        assertThat(admin.find("#closures").getText()).contains(closed.toString(), "blangko e-paspor habis");
        admin.check("admin-office-changed");
        say("  rules 40/35 a weekday, quota released up to " + day.plusDays(3) + ", " + closed + " closed for e-passports");

        admin.open("/admin/audit?office=" + OFFICE);
        admin.awaitVisible("#audit");
        String audit = admin.find("#audit").getText();
        assertThat(audit).contains("Petugas dibuat", "Aturan kuota diganti", "Kuota dirilis", "Tanggal ditutup");
        admin.check("admin-audit");
        say("  the audit names each change with the admin's id and time");
    }

    @Test
    @Order(2)
    void anApplicantPreparedThroughTheApiGetsAnAppointmentThere() {
        step("D2. An applicant (through the API): account, application, documents, hold on " + day + ", payment");
        String email = "rudi." + run + "@example.id";
        String token = api.registerVerifyAndLogin(mailbox, rudi.fullName(), email, "0812-3456-" + serial,
                "Soto-Betawi-2026");
        String applicationId = api.createApplication(token);
        api.addApplicant(token, applicationId, rudi).then().statusCode(201);
        api.uploadMissing(token, applicationId, documents);
        Awaitility.await("every document accepted").atMost(EVENTUALLY).pollInterval(Duration.ofSeconds(1))
                .until(() -> api.requirements(token, applicationId).getBoolean("readyToSubmit"));
        Slot[] slot = new Slot[1];
        Awaitility.await("a slot on " + day + " at " + OFFICE).atMost(EVENTUALLY).pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    slot[0] = api.availableSlots(OFFICE, 1).stream().filter(s -> s.date().equals(day.toString()))
                            .findFirst().orElse(null);
                    return slot[0] != null;
                });
        String hold = api.hold(token, slot[0], List.of(rudi.nik()));
        api.submit(token, applicationId, hold);
        String code = api.awaitStatus(token, applicationId, "AWAITING_PAYMENT", EVENTUALLY)
                .getString("billing.billingCode");
        long amount = api.awaitBill(token, applicationId).getLong("amount");
        assertThat(api.pay(system, "atm", code, amount, "--reference", "ATM-DESK-" + run)).containsExactly(200);
        api.awaitStatus(token, applicationId, "APPOINTMENT_SCHEDULED", EVENTUALLY);
        Awaitility.await("the appointment").atMost(EVENTUALLY).pollInterval(Duration.ofSeconds(1)).until(() -> {
            List<Map<String, Object>> mine = api.as(token).get("/appointments").then().statusCode(200).extract()
                    .jsonPath().getList("$");
            mine.stream().filter(a -> applicationId.equals(a.get("applicationId"))).findFirst().ifPresent(a -> {
                appointmentId = (String) a.get("id");
                bookingCode = (String) a.get("bookingCode");
            });
            return appointmentId != null;
        });
        say("  appointment " + appointmentId + " on " + day + " " + slot[0].session() + ", booking code " + bookingCode);
    }

    @Test
    @Order(3)
    void theOfficerChecksInFromTheKeyboardWithAWrongNikThenTheRightOne() {
        step("D3. The officer's day at /kantor; check-in from the keyboard: a wrong NIK is refused, the right one admits");
        login(desk, officerEmail, officerPassword);
        desk.awaitPath("is /kantor", p -> p.startsWith("/kantor"));
        desk.open("/kantor?date=" + day);
        desk.awaitVisible("#checkin");
        assertThat(desk.find("main").getText()).contains(bookingCode, rudi.fullName(), "Ditunggu");
        desk.check("kantor-day");

        // keyboard only: the booking code field has the focus, Tab to the NIK, Enter sends
        String wrongNik = rudi.nik().substring(0, 15) + (rudi.nik().endsWith("9") ? "8" : "9");
        WebElement page = desk.find("html");
        desk.driver.switchTo().activeElement().sendKeys(bookingCode.toLowerCase() + Keys.TAB + wrongNik + Keys.ENTER);
        desk.awaitReplaced(page);
        desk.awaitVisible("#nik-error");
        assertThat(desk.find("#nik-error").getText()).contains("BUKAN NIK yang terdaftar");
        assertThat(desk.find(".error-summary").getText()).contains("BUKAN NIK");
        desk.check("kantor-checkin-refused");
        say("  wrong NIK refused: " + desk.find("#nik-error").getText());

        desk.type("nik", rudi.nik());
        submit(desk, "#checkin");
        assertThat(status(desk)).isEqualTo("Sudah check-in");
        desk.check("kantor-checked-in");
        say("  checked in with the right NIK");

        // issue 22: the desk search finds Rudi by a part of his name, in this office
        desk.open("/kantor/search?q=" + rudi.fullName().split(" ")[1]);
        desk.awaitVisible("#search");
        assertThat(desk.find("main").getText()).contains(bookingCode, rudi.fullName());
        desk.check("kantor-search");
        say("  the desk search finds " + rudi.fullName() + " by his family name");
        // and its result opens the appointment, where the visit goes on
        desk.click("a[href='/kantor/appointments/" + appointmentId + "']");
        desk.awaitVisible("#interview");
    }

    @Test
    @Order(4)
    void interviewCaptureWithAnInjuredFingerApprovalIssuanceAndAFamilyMemberCollects() {
        step("D4. Interview, capture (LEFT_LITTLE fails three times, then INJURED), approval, issuance, family pickup");
        desk.click("#interview-outcome-VERIFIED");
        submit(desk, "#interview");
        assertThat(status(desk)).isEqualTo("Sudah wawancara");
        desk.check("kantor-capture");

        desk.type("face-score", "88");
        submit(desk, "#face-submit");
        for (String finger : List.of("RIGHT_THUMB", "RIGHT_INDEX", "RIGHT_MIDDLE", "RIGHT_RING", "RIGHT_LITTLE",
                "LEFT_THUMB", "LEFT_INDEX", "LEFT_MIDDLE", "LEFT_RING")) {
            desk.type("fingers-" + finger, "74");
        }
        desk.type("fingers-LEFT_LITTLE", "12");
        submit(desk, "#fingers-submit");
        for (int attempt = 2; attempt <= 3; attempt++) {
            desk.type("fingers-LEFT_LITTLE", "12");
            submit(desk, "#fingers-submit");
        }
        String row = desk.find("#finger-LEFT_LITTLE").getText();
        assertThat(row).contains("Perlu pengecualian", "3", "12");
        desk.check("kantor-exception-required");
        say("  LEFT_LITTLE: " + row);

        desk.click("#exception-kind-INJURED");
        desk.type("exception-reason", "luka gores di ujung jari, diperban");
        submit(desk, "#exception-submit");
        assertThat(desk.find("#finger-LEFT_LITTLE").getText()).contains("Luka", "diperban");
        assertThat(status(desk)).isEqualTo("Biometrik lengkap");

        desk.click("#decision-decision-APPROVE");
        submit(desk, "#decision");
        assertThat(status(desk)).isEqualTo("Disetujui");
        say("  approved, passport " + desk.find("#passport-number").getText());
        submit(desk, "#issuance");
        assertThat(status(desk)).isEqualTo("Paspor dicetak");
        desk.check("kantor-issued");

        desk.click("#pickup-collectedBy-FAMILY_MEMBER");
        desk.type("pickup-collectorNik", "3172015506930001");
        desk.type("pickup-collectorName", "Ani Hartono");
        desk.type("pickup-familyCardNumber", "3172010101100007");
        desk.type("pickup-applicantFamilyCardNumber", "3172010101100008");
        submit(desk, "#pickup");
        assertThat(desk.find(".error-summary").getText()).as("another family card is refused").isNotBlank();
        desk.check("kantor-pickup-refused");
        desk.type("pickup-familyCardNumber", "3172010101100008");
        submit(desk, "#pickup");
        assertThat(status(desk)).isEqualTo("Sudah diambil");
        assertThat(desk.find("#handover").getText()).contains("Anggota keluarga", "Ani Hartono");
        desk.check("kantor-collected");
        say("  collected by a family member on the same KK");
    }

    @Test
    @Order(5)
    void anOfficerOfAnotherOfficeSeesNothingOfIt() {
        step("D5. An officer of " + OTHER_OFFICE + " sees nothing of the appointment, in the page or the API");
        String email = "ujang." + run + "@imigrasi.go.id";
        String other = api.officer(adminToken, "Ujang Petugas", email, OTHER_OFFICE, "Loket-Bandung-2026");
        Response refused = api.as(other).get("/appointments/{id}", appointmentId);
        assertThat(refused.statusCode()).isIn(403, 404);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        Response checkIn = api.json(api.as(other), Map.of("bookingCode", bookingCode, "nik", rudi.nik()))
                .post("/office/check-in");
        assertThat(checkIn.statusCode()).isIn(403, 404, 409);
        assertThat(checkIn.contentType()).startsWith("application/problem+json");

        try (Browser elsewhere = new Browser(system.gateway(), screenshots(), "kantor-lain", true)) {
            login(elsewhere, email, "Loket-Bandung-2026");
            elsewhere.awaitPath("is /kantor", p -> p.startsWith("/kantor"));
            elsewhere.open("/kantor?date=" + day);
            elsewhere.awaitVisible("#checkin");
            assertThat(elsewhere.find("main").getText()).doesNotContain(bookingCode, rudi.fullName());
            elsewhere.check("kantor-other-office");
            elsewhere.open("/kantor/search?q=" + rudi.nik());
            elsewhere.awaitVisible("#search");
            assertThat(elsewhere.find("main").getText()).doesNotContain(bookingCode, rudi.fullName());
            elsewhere.open("/kantor/appointments/" + appointmentId);
            elsewhere.awaitVisible("h1");
            assertThat(elsewhere.find("main").getText()).doesNotContain(rudi.fullName(), bookingCode);
            elsewhere.check("kantor-other-office-appointment");
            elsewhere.open("/admin");
            elsewhere.awaitVisible("h1");
            assertThat(elsewhere.heading()).isEqualTo("Hanya untuk petugas");
            elsewhere.check("kantor-other-office-admin-refused");
        }
        say("  " + OTHER_OFFICE + "'s officer: API " + refused.statusCode() + "/" + checkIn.statusCode()
                + " problem+json, the day list empty of it, its page 'not found', /admin refused");
    }

    @Test
    @Order(6)
    void aPersonWithoutASmartphoneIsRegisteredAndHelpedAtTheDesk() {
        step("D6. A walk-in without a smartphone: the officer registers her and starts her application for her");
        String email = "sumarni." + run + "@example.co.id";
        desk.open("/kantor/walk-in");
        desk.awaitVisible("#walk-in-register");
        desk.check("kantor-walk-in");
        desk.type("name", "Sumarni");
        desk.type("email", email);
        desk.type("phone", "0813" + serial + "1234");
        desk.click("#privacyNoticeVersion");
        desk.click("#walk-in-register");
        desk.awaitPath("is /applications", p -> p.startsWith("/applications"));
        desk.awaitVisible("#desk-assisting");
        assertThat(desk.find("#desk-assisting").getText()).contains("Sumarni");
        desk.check("walk-in-applications");
        WebElement page = desk.find("html");
        desk.click("#new-application");
        desk.awaitReplaced(page);
        desk.awaitPath("is an application", p -> p.matches("/applications/[0-9a-f-]{36}.*"));
        String applicationId = desk.path().replaceAll("^/applications/([0-9a-f-]{36}).*$", "$1");
        assertThat(desk.find("#desk-assisting").getText()).contains("Sumarni");
        desk.check("walk-in-application");

        // the application is hers, and its timeline names the officer of this office
        JsonPath app = api.application(adminToken, applicationId);
        String officerId = subjectOf(api.login(officerEmail, officerPassword));
        assertThat(app.getString("timeline.find { it.kind == 'CREATED' }.details.assistedBy")).isEqualTo(officerId);
        assertThat(app.getString("timeline.find { it.kind == 'CREATED' }.details.assistedAtOffice")).isEqualTo(OFFICE);
        assertThat(mailbox.await(email, "kantor imigrasi", 1).body()).contains(OFFICE, "Lupa kata sandi");

        submit(desk, "#end-assisting");
        desk.awaitPath("is /kantor", p -> p.startsWith("/kantor"));
        assertThat(desk.all("#desk-assisting")).isEmpty();
        assertThat(desk.find("main").getText()).doesNotContain("Sumarni");

        admin.open("/admin/audit?office=" + OFFICE);
        admin.awaitVisible("#audit");
        assertThat(admin.find("#audit").getText()).contains("Pemohon didaftarkan di loket", officerId);
        say("  Sumarni registered by " + officerId + " at " + OFFICE + ", her application " + applicationId
                + " created for her (timeline and audit name the officer), the desk session ended");
    }

    @Test
    @Order(7)
    void aCollectiveBatchOfTenIsRegisteredOnTheWalkInLine() {
        step("D7. Collective service: the officer registers a school's batch of 10 on " + OFFICE + "'s walk-in line");
        StringBuilder members = new StringBuilder();
        List<String> niks = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String nik = "317201" + "0" + (1 + i % 9) + "0608" + serial.substring(0, 2) + String.format("%02d", 10 + i);
            Person p = new Person("Siswa " + (char) ('A' + i) + " Pratama", nik, "2008-06-0" + (1 + i % 9), "Jakarta",
                    "MALE", "Ibu Siswa", "NEW", "ELECTRONIC", 10);
            Journey.registerAtDukcapil(p);
            niks.add(nik);
            members.append(p.fullName()).append(';').append(nik).append(';').append(p.birthDate()).append(";L;Jakarta;")
                    .append(p.motherName()).append(";Jl. Kenari 8, Jakarta;0812").append(serial).append(String.format("%04d", i))
                    .append('\n');
        }
        desk.open("/kantor/collective");
        desk.awaitVisible("#register");
        desk.type("organisation", "SMA Negeri 8 Jakarta " + run);
        desk.type("contactName", "Rina Marlina");
        desk.type("contactEmail", "rina." + run + "@sman8jkt.sch.id");
        desk.type("contactPhone", "081298765432");
        value(desk, "date", day.toString());
        desk.type("travelPurpose", "Studi banding ke Jepang");
        value(desk, "members", members.toString());
        desk.check("kantor-collective");
        submit(desk, "#register");
        desk.all(".error-summary, .error-message").forEach(e -> say("  the page says: " + e.getText()));
        desk.awaitPath("is the batch", p -> p.matches("/kantor/collective/[0-9a-f-]{36}"));
        String batch = desk.path().substring("/kantor/collective/".length());
        Awaitility.await().atMost(EVENTUALLY).pollInterval(Duration.ofSeconds(2)).until(() -> {
            desk.open("/kantor/collective/" + batch);
            desk.awaitVisible("#batch-state");
            return !desk.find("#batch-state").getText().contains("Sedang diperiksa");
        });
        assertThat(desk.find("#batch-state").getText()).contains("Terdaftar").doesNotContain("Sebagian");
        desk.check("kantor-collective-registered");

        // the API agrees: ten applications submitted on the walk-in line of this office
        var view = api.as(api.login(officerEmail, officerPassword)).get("/office/collective-batches/{id}", batch).then()
                .statusCode(200).extract().jsonPath();
        assertThat(view.getString("state")).isEqualTo("REGISTERED");
        assertThat(view.getList("members.nik")).containsExactlyInAnyOrderElementsOf(niks);
        assertThat(view.getList("members.state")).hasSize(10).allMatch("REGISTERED"::equals);
        say("  batch " + batch + ": 10 NIKs checked at Dukcapil, 10 walk-in places taken, 10 applications submitted");
    }

    // ---- helpers ----

    private static void login(Browser browser, String email, String password) {
        browser.open("/login");
        browser.type("email", email);
        browser.type("password", password);
        browser.click("#submit");
    }

    /** Clicks a form's button and waits for the answer page (every desk action is one page load). */
    private static void submit(Browser browser, String button) {
        WebElement page = browser.find("html");
        browser.click(button);
        browser.awaitReplaced(page);
        browser.awaitVisible("h1");
    }

    /** The appointment's state on the page; an error summary there is printed first. */
    private static String status(Browser browser) {
        browser.all(".error-summary").forEach(e -> say("  the page says: " + e.getText()));
        return browser.find("#status").getText();
    }

    /** The page's "done" notice; when there is none, the page's error summary or text says why. */
    private static String done(Browser browser) {
        List<WebElement> done = browser.all("#done");
        assertThat(done).as("a done notice on " + browser.path() + ": " + browser.find("main").getText()).isNotEmpty();
        return done.get(0).getText();
    }

    /** Date and time inputs take their value as the page would submit it (typing them depends on the locale). */
    private static void value(Browser browser, String id, String value) {
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].value = arguments[1]",
                browser.driver.findElement(org.openqa.selenium.By.id(id)), value);
    }

    /** The account id a token is for (its subject). */
    private static String subjectOf(String token) {
        return new JsonPath(new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                java.nio.charset.StandardCharsets.UTF_8)).getString("sub");
    }

    private Path screenshots() {
        return system.root().resolve("web/target/screenshots");
    }
}

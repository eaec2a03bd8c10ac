package id.go.imigrasi.mpaspor.e2e;

import static id.go.imigrasi.mpaspor.e2e.Journey.say;
import static id.go.imigrasi.mpaspor.e2e.Journey.step;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import id.go.imigrasi.mpaspor.e2e.Journey.Person;
import id.go.imigrasi.mpaspor.e2e.Journey.Slot;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * The seed's journey, end to end, through the gateway only: two applicants, an admin, officers of two offices,
 * a payment channel, Dukcapil and Pos Indonesia (stubs). One shared system ({@link SharedSystem}, then used by
 * {@link WebsiteIT}), one ordered scenario: each step builds on the previous ones and prints what it does.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith({ SharedSystem.class, StopAtFirstFailure.class })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JourneyIT {

    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    private static final String OFFICE = "JKTSEL";
    private static final Duration EVENTUALLY = Duration.ofSeconds(90);

    // seeded at the Dukcapil stub (simulators/README.md)
    private static final Person SITI = new Person("Siti Rahmawati", "3171014101900001", "1990-01-01", "Jakarta",
            "FEMALE", "Aminah", "NEW", "ELECTRONIC", 10);
    private static final Person NADIA = new Person("Nadia Putri", "3578016703180006", "2018-03-27", "Surabaya",
            "FEMALE", "Siti Rahmawati", "NEW", "ORDINARY", 5);
    private static final Person BUDI = new Person("Budi Santoso", "3171010101900002", "1990-01-01", "Jakarta", "MALE",
            "Sumiati", "NEW", "ORDINARY", 5);

    private SystemUnderTest system;
    private Journey journey;
    private Mailbox mailbox;
    private Documents documents;

    // the appointment date booked first, and the one it is rescheduled to (the office clock is set to that day)
    private LocalDate firstDate;
    private LocalDate rescheduledDate;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String sitiEmail = "siti." + run + "@example.id";
    private final String budiEmail = "budi." + run + "@example.id";
    private String siti;
    private String budi;
    private String admin;
    private String officer;
    private String applicationId;
    private final Map<String, String> applicantIds = new HashMap<>();
    private String rejectedUploadUrl;
    private String holdId;
    private String billingCode;
    private final Map<String, JsonPath> appointments = new HashMap<>();

    @BeforeAll
    void startTheSystem() {
        firstDate = SharedSystem.FIRST_DATE;
        rescheduledDate = SharedSystem.RESCHEDULED_DATE;
        system = SharedSystem.system();
        journey = new Journey(system.gateway());
        mailbox = new Mailbox(SystemUnderTest.port(3143));
        documents = new Documents(Path.of("target", "journey-documents"));
    }

    @Test
    @Order(1)
    void twoApplicantsRegisterVerifyTheirEmailAndLogIn() {
        step("1. Two accounts register, read their OTP from the mailbox, verify and log in");
        siti = journey.registerVerifyAndLogin(mailbox, SITI.fullName(), sitiEmail, "0812-3456-7890", "Kopi-Tubruk-2026");
        budi = journey.registerVerifyAndLogin(mailbox, BUDI.fullName(), budiEmail, "+62 813 1111 2222", "Nasi-Goreng-2026");
        assertThat(siti).isNotBlank().isNotEqualTo(budi);
        assertThat(journey.as(siti).get("/accounts/me").then().statusCode(200).extract().jsonPath().getString("status"))
                .isEqualTo("ACTIVE");
        say("  both accounts are ACTIVE and hold access tokens");
    }

    @Test
    @Order(2)
    void anApplicationForAnAdultAndAMinorWithItsDocuments() {
        step("2. Siti applies for herself (adult, new) and her daughter Nadia (minor), and uploads the documents");
        applicationId = journey.createApplication(siti);
        say("  application " + applicationId + " created");

        Response added = journey.addApplicant(siti, applicationId, SITI);
        added.then().statusCode(201);
        applicantIds.put(SITI.nik(), added.jsonPath().getString("id"));

        Response typo = journey.addApplicant(siti, applicationId, NADIA.withBirthDate("2018-03-28"));
        typo.then().statusCode(400).contentType("application/problem+json");
        List<Map<String, Object>> errors = typo.jsonPath().getList("errors");
        say("  a typo in Nadia's birth date is refused: " + errors);
        assertThat(errors).anySatisfy(e -> assertThat(e.get("field")).asString().contains("birthDate"));

        Response fixed = journey.addApplicant(siti, applicationId, NADIA);
        fixed.then().statusCode(201);
        applicantIds.put(NADIA.nik(), fixed.jsonPath().getString("id"));
        say("  with the right birth date Nadia is added");

        // Siti's e-KTP: first a file that is not an image, rejected asynchronously with a reason, then the scan
        String sitiId = applicantIds.get(SITI.nik());
        rejectedUploadUrl = journey.upload(siti, applicationId, sitiId, "EKTP", documents.notAnImage("siti", "EKTP"))
                .uploadUrl().toString();
        Map<String, Object> rejected = awaitDocument(sitiId, "EKTP", "REJECTED");
        say("  the e-KTP 'photo' that is a text file is rejected: " + rejected.get("reasonEn") + " / "
                + rejected.get("reasonId"));
        uploadMissing(siti, applicationId, Map.of(SITI.nik(), SITI.fullName(), NADIA.nik(), NADIA.fullName()));

        JsonPath requirements = awaitReadyToSubmit(siti, applicationId);
        assertThat(requirements.getBoolean("readyToSubmit")).isTrue();
        say("  every required document of both applicants is ACCEPTED; the application can be submitted");
    }

    @Test
    @Order(3)
    void theNearestOfficeASlotASubmissionAndTheBill() {
        step("3. The nearest office, its calendar, a hold for both, the submission, the billing code and invoice");
        admin = journey.login("admin@mpaspor.local", system.secret("admin-password"));
        journey.releaseQuota(admin, OFFICE, LocalDate.now(WIB), LocalDate.now(WIB).plusDays(14));
        say("  the office's admin puts the next two weeks on sale");

        Map<String, Object> nearest = journey.nearestOffice(-6.2607, 106.8106);
        say("  nearest office to Kemang: " + nearest.get("code") + " " + nearest.get("name") + " ("
                + nearest.get("distanceKm") + " km)");
        assertThat(nearest.get("code")).isEqualTo(OFFICE);

        List<Slot> slots = journey.availableSlots(OFFICE, 2);
        Slot slot = slots.stream().filter(s -> s.date().equals(firstDate.toString())).findFirst()
                .orElseThrow(() -> new AssertionError("no slot on " + firstDate + " in " + slots));
        holdId = journey.hold(siti, slot, List.of(SITI.nik(), NADIA.nik()), "ELECTRONIC"); // Siti: an e-passport
        say("  hold " + holdId + " on " + slot.date() + " " + slot.session());

        journey.submit(siti, applicationId, holdId);
        JsonPath awaiting = journey.awaitStatus(siti, applicationId, "AWAITING_PAYMENT", EVENTUALLY);
        billingCode = awaiting.getString("billing.billingCode");
        assertThat(billingCode).matches("\\d{15}");
        JsonPath bill = journey.awaitBill(siti, applicationId);
        say("  billing code " + billingCode + ", Rp " + bill.getLong("amount") + ", pay before "
                + bill.getString("expiresAt"));
        byte[] pdf = journey.as(siti).accept("application/pdf").get("/bills/{code}/invoice.pdf", billingCode).then()
                .statusCode(200).extract().asByteArray();
        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
        say("  invoice PDF downloaded (" + pdf.length + " bytes)");
    }

    @Test
    @Order(4)
    void paymentThroughAChannelSchedulesTheAppointments() {
        step("4. Payment at an ATM (plus a duplicate callback and a forged one); appointments scheduled");
        long amount = journey.awaitBill(siti, applicationId).getLong("amount");
        String reference = "ATM-" + run;
        assertThat(journey.pay(system, "atm", billingCode, amount, "--reference", reference, "--times", "2"))
                .as("the payment and the same callback again (a replay, answered with the same receipt)")
                .containsExactly(200, 200);
        assertThat(journey.pay(system, "atm", billingCode, amount, "--tamper")).as("a forged callback")
                .containsExactly(401);
        JsonPath scheduled = journey.awaitStatus(siti, applicationId, "APPOINTMENT_SCHEDULED", EVENTUALLY);
        assertThat(scheduled.getString("billing.status")).isEqualTo("PAID");

        List<Map<String, Object>> mine = awaitAppointments(siti, 2, firstDate);
        for (Map<String, Object> a : mine) {
            say("  appointment " + a.get("id") + " for " + a.get("fullName") + ": " + a.get("date") + " "
                    + a.get("session") + ", booking code " + a.get("bookingCode"));
            byte[] qr = journey.as(siti).accept("image/png").get("/appointments/{id}/qr.png", a.get("id")).then()
                    .statusCode(200).extract().asByteArray();
            assertThat(qr).startsWith(0x89, 'P', 'N', 'G');
        }
    }

    @Test
    @Order(5)
    void rescheduleThenTheOfficeVisitIssuanceAndDelivery() {
        step("5. Reschedule once; at the office: check-in, interview, biometrics, approval, issuance, handover");
        Slot to = journey.availableSlots(OFFICE, 2).stream().filter(s -> s.date().equals(rescheduledDate.toString()))
                .findFirst().orElseThrow();
        journey.json(journey.as(siti), Map.of("date", to.date(), "session", to.session()))
                .post("/bookings/{id}/reschedule", holdId).then().statusCode(200);
        for (Map<String, Object> a : awaitAppointments(siti, 2, rescheduledDate)) {
            appointments.put((String) a.get("fullName"), JsonPath.from(journey.as(siti)
                    .get("/appointments/{id}", a.get("id")).then().statusCode(200).extract().asString()));
        }
        say("  both appointments moved to " + rescheduledDate);

        officer = journey.officer(admin, "Petugas Rina", "rina." + run + "@imigrasi.go.id", OFFICE, "Petugas-Jaksel-2026");
        String sitiAppointment = appointments.get(SITI.fullName()).getString("id");
        String nadiaAppointment = appointments.get(NADIA.fullName()).getString("id");

        // Siti: one finger fails three times, recorded as an exception; delivered by Pos Indonesia
        visit(sitiAppointment, SITI, "LEFT_LITTLE");
        JsonPath delivery = journey.officeCall(officer, "/office/appointments/{id}/delivery", Map.of("recipientName",
                SITI.fullName(), "address", "Jl. Kemang Raya No. 10, Jakarta Selatan", "postalCode", "12730", "phone",
                "081234567890"), sitiAppointment);
        say("  handed to Pos Indonesia, tracking number " + delivery.getString("handover.trackingNumber"));
        Awaitility.await("Pos delivers Siti's passport").atMost(EVENTUALLY).pollInterval(Duration.ofSeconds(1))
                .until(() -> "DELIVERED".equals(journey.as(siti).get("/appointments/{id}", sitiAppointment).jsonPath()
                        .getString("handover.posStatus")));
        say("  Pos Indonesia reports DELIVERED");

        // Nadia: everything passes; her mother collects the passport at the office (same family card)
        visit(nadiaAppointment, NADIA, null);
        journey.officeCall(officer, "/office/appointments/{id}/pickup", Map.of("collectedBy", "FAMILY_MEMBER",
                "collectorName", SITI.fullName(), "collectorNik", SITI.nik(), "familyCardNumber", "3171010203040005",
                "applicantFamilyCardNumber", "3171010203040005"), nadiaAppointment);
        say("  Nadia's passport collected by her mother");

        JsonPath done = journey.awaitStatus(siti, applicationId, "DELIVERED", EVENTUALLY);
        List<Map<String, Object>> timeline = done.getList("timeline");
        say("  timeline:");
        timeline.forEach(e -> say("    " + e.get("at") + "  " + e.get("status") + "  " + e.get("kind")));
        assertThat(timeline).extracting(e -> e.get("status")).contains("SUBMITTED", "AWAITING_PAYMENT", "PAID",
                "APPOINTMENT_SCHEDULED", "APPROVED", "ISSUED", "DELIVERED");
    }

    @Test
    @Order(6)
    void nobodyElseCanReadOrActOnIt() {
        step("6. Another account and an officer of another office cannot read or act on Siti's application");
        journey.as(budi).get("/applications/{id}", applicationId).then().statusCode(404);
        journey.as(budi).get("/bills/{code}", billingCode).then().statusCode(org.hamcrest.Matchers.anyOf(
                org.hamcrest.Matchers.is(403), org.hamcrest.Matchers.is(404)));
        journey.as(budi).accept("application/pdf").get("/bills/{code}/invoice.pdf", billingCode).then().statusCode(org.hamcrest.Matchers.anyOf(
                org.hamcrest.Matchers.is(403), org.hamcrest.Matchers.is(404)));
        journey.as(budi).header("Tus-Resumable", "1.0.0").head(rejectedUploadUrl).then()
                .statusCode(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(403), org.hamcrest.Matchers.is(404)));
        String sitiAppointment = appointments.get(SITI.fullName()).getString("id");
        journey.as(budi).get("/appointments/{id}", sitiAppointment).then().statusCode(404);
        say("  Budi gets 404/403 for Siti's application, bill, invoice, upload and appointment");

        String elsewhere = journey.nearestOffice(-6.9175, 107.6191).get("code").toString(); // Bandung
        assertThat(elsewhere).isNotEqualTo(OFFICE);
        String other = journey.officer(admin, "Petugas Asep", "asep." + run + "@imigrasi.go.id", elsewhere,
                "Petugas-Bandung-2026");
        Response refused = journey.json(journey.as(other), Map.of("bookingCode",
                appointments.get(NADIA.fullName()).getString("bookingCode"), "nik", NADIA.nik()))
                .post("/office/check-in");
        assertThat(refused.statusCode()).isIn(403, 404, 409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        journey.json(journey.as(other), Map.of()).post("/office/appointments/{id}/issuance", sitiAppointment).then()
                .statusCode(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(403), org.hamcrest.Matchers.is(404)));
        say("  an officer of " + elsewhere + " is refused (" + refused.statusCode() + " "
                + refused.jsonPath().getString("title") + ")");

        // an officer of an office quota-service does not run is never created
        journey.json(journey.as(admin), Map.of("name", "Petugas Hantu", "email", "hantu." + run + "@imigrasi.go.id",
                "officeCode", "NOWHERE9", "password", "Petugas-Hantu-2026")).post("/admin/officers")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("officeCode"));
        say("  an officer for office NOWHERE9 is refused 422 with a field error on officeCode");

        // logout ends the session at the gateway too: its access token is refused there before any service
        Response session = journey.json(journey.anonymous(), Map.of("email", budiEmail, "password", "Nasi-Goreng-2026"))
                .post("/auth/login");
        session.then().statusCode(200);
        String access = session.jsonPath().getString("accessToken");
        journey.as(access).get("/applications").then().statusCode(200);
        journey.json(journey.anonymous(), Map.of("refreshToken", session.jsonPath().getString("refreshToken")))
                .post("/auth/logout").then().statusCode(204);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() ->
                journey.as(access).get("/applications").then().statusCode(401)
                        .contentType("application/problem+json")
                        .body("type", org.hamcrest.Matchers.endsWith("/invalid-token")));
        say("  after logout, Budi's old access token is refused at the gateway: 401 invalid-token");
    }

    @Test
    @Order(7)
    void anUnpaidApplicationExpiresAndItsSlotComesBack() {
        step("7. Budi's application is left unpaid: the bill expires and the slot returns to the calendar");
        String budiApplication = journey.createApplication(budi);
        Response added = journey.addApplicant(budi, budiApplication, BUDI);
        added.then().statusCode(201);
        uploadMissing(budi, budiApplication, Map.of(BUDI.nik(), BUDI.fullName()));
        awaitReadyToSubmit(budi, budiApplication);

        Slot slot = journey.availableSlots(OFFICE, 1).stream().filter(s -> s.date().equals(firstDate.toString()))
                .findFirst().orElseThrow();
        int before = slot.remaining();
        String budiHold = journey.hold(budi, slot, List.of(BUDI.nik()));
        journey.submit(budi, budiApplication, budiHold);
        journey.awaitStatus(budi, budiApplication, "AWAITING_PAYMENT", EVENTUALLY);
        Awaitility.await("the calendar shows the held place").atMost(EVENTUALLY).pollInterval(Duration.ofSeconds(1))
                .until(() -> journey.remaining(slot) == before - 1);
        say("  " + slot.date() + " " + slot.session() + " has " + (before - 1) + " places left while Budi's bill is open");

        JsonPath expired = journey.awaitStatus(budi, budiApplication, "EXPIRED", Duration.ofSeconds(180));
        assertThat(expired.getString("billing.status")).isEqualTo("EXPIRED");
        Awaitility.await("the place returns to the calendar").atMost(EVENTUALLY).pollInterval(Duration.ofSeconds(1))
                .until(() -> journey.remaining(slot) == before);
        say("  the bill expired and the place is back: " + before + " left");
    }

    @Test
    @Order(8)
    void sitiDownloadsACopyOfHerDataAndBudiErasesHisAccountLeavingNothingInAnyService() throws Exception {
        step("8. Siti downloads a copy of her family's data; Budi, his application expired, erases his account: every"
                + " service confirms, nothing of him remains");
        String token = journey.login(sitiEmail, "Kopi-Tubruk-2026");
        String sitiId = journey.as(token).get("/accounts/me").then().statusCode(200).extract().path("id");
        // her copy of everything held about the family, gathered from every service (access, portability)
        String exportId = journey.as(token).post("/accounts/me/data-exports").then().statusCode(202).extract()
                .path("id");
        Awaitility.await().atMost(EVENTUALLY).pollInterval(Duration.ofSeconds(1)).until(() -> "READY".equals(journey
                .as(token).get("/accounts/me/data-exports").then().statusCode(200).extract().jsonPath()
                .getString("find { it.id == '" + exportId + "' }.status")));
        String copy = journey.as(token).get("/accounts/me/data-exports/{id}/data.json", exportId).then().statusCode(200)
                .extract().asString();
        assertThat(copy).contains(sitiEmail, NADIA.nik(), SITI.nik(), applicationId, "\"passport_number\"",
                "\"billing_code\"", "\"holds\"").doesNotContain(BUDI.nik());
        byte[] pdf = journey.as(token).accept("application/pdf").get("/accounts/me/data-exports/{id}/data.pdf", exportId)
                .then().statusCode(200).extract().asByteArray();
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        say("  her copy: " + copy.length() + " characters of JSON and a " + pdf.length + "-byte PDF, from every service");
        // the breach tool of docs/privacy.md: had Nadia's appointment rows leaked, whom to tell
        String affected = system.outputOf(List.of("./mpaspor", "affected", "biometric.appointment", "--where",
                "t.nik = '" + NADIA.nik() + "'"), 60);
        assertThat(affected).contains(sitiId + "\t" + sitiEmail).doesNotContain(budiEmail);

        String password = "Nasi-Goreng-2026";
        String budiToken = journey.login(budiEmail, password);
        String budiId = journey.as(budiToken).get("/accounts/me").then().statusCode(200).extract().path("id");
        assertThat(system.outputOf(List.of("./mpaspor", "affected", "billing.bill_line", "--where", "t.applicant_name = '"
                + BUDI.fullName() + "'"), 60)).contains(budiEmail);
        journey.json(journey.as(budiToken), Map.of("password", "bukan-sandinya")).post("/accounts/me/erasure").then()
                .statusCode(400).body("errors[0].field", org.hamcrest.Matchers.equalTo("password"));
        journey.json(journey.as(budiToken), Map.of("password", password)).post("/accounts/me/erasure").then()
                .statusCode(202).body("status", org.hamcrest.Matchers.equalTo("ERASURE_PENDING"));
        say("  Budi asked with his password: the account is locked and every session ends");
        String adminToken = journey.login("admin@mpaspor.local", system.secret("admin-password"));
        Awaitility.await().atMost(EVENTUALLY).pollInterval(Duration.ofSeconds(1)).until(() -> {
            JsonPath erasures = journey.as(adminToken).get("/admin/erasures").then().statusCode(200).extract()
                    .jsonPath();
            return "ERASED".equals(erasures.getString("find { it.accountId == '" + budiId + "' }.outcome"))
                    && erasures.getList("find { it.accountId == '" + budiId + "' }.awaiting").isEmpty();
        });
        List<String> confirmed = journey.as(adminToken).get("/admin/erasures").jsonPath()
                .getList("find { it.accountId == '" + budiId + "' }.confirmations.service");
        assertThat(confirmed).containsExactlyInAnyOrder("application", "quota", "billing", "biometric", "upload");
        say("  confirmed by " + confirmed);
        String[] traces = { BUDI.nik(), BUDI.fullName(), budiEmail };
        for (String database : SystemUnderTest.databases()) {
            try (java.sql.Connection c = SystemUnderTest.database(database)) {
                assertThat(id.go.imigrasi.mpaspor.testkit.PersonalDataScan.traces(c, traces))
                        .as("what names Budi in the " + database + " database").isEmpty();
            }
        }
        say("  no NIK, name or address of Budi in any of " + SystemUnderTest.databases());
        assertThat(system.outputOf(List.of("./mpaspor", "affected", "quota.hold", "--where", "t.account_id = '"
                + budiId + "'"), 60)).doesNotContain(budiEmail);
        // Siti's family is untouched
        assertThat(journey.as(token).get("/applications/{id}", applicationId).then().statusCode(200).extract()
                .path("status").toString()).isEqualTo("DELIVERED");
    }

    @Test
    @Order(9)
    void theQuotaReleaseMorningInMiniatureHangsNothingAndOverbooksNothing() {
        step("9. The quota-release morning in miniature (load/bench.sh --short): spike, upload storm, steady state");
        int exit = system.exitCodeOf(List.of("load/bench.sh", "--short"), 600);
        assertThat(exit).as("load/bench.sh --short: 0 = every gate passed (no request over 2 s, no error other than"
                + " 429/503, Retry-After on every shed answer, no overbooked slot, every upload and billing code there);"
                + " the summary is above and in load/target/summary.txt").isZero();
    }

    // ---- helpers of the scenario ----

    private void visit(String appointmentId, Person person, String failingFinger) {
        String code = journey.as(officer).get("/appointments/{id}", appointmentId).jsonPath().getString("bookingCode");
        journey.officeCall(officer, "/office/check-in", Map.of("bookingCode", code, "nik", person.nik()));
        say("  " + person.fullName() + " checked in with booking code " + code + " and the e-KTP NIK");
        journey.officeCall(officer, "/office/appointments/{id}/interview", Map.of("outcome", "VERIFIED"), appointmentId);
        JsonPath captured = failingFinger == null
                ? journey.captureAllPassing(officer, appointmentId)
                : journey.captureWithOneFailingFinger(officer, appointmentId, failingFinger);
        assertThat(captured.getBoolean("capture.complete")).isTrue();
        JsonPath approved = journey.officeCall(officer, "/office/appointments/{id}/decision",
                Map.of("decision", "APPROVE"), appointmentId);
        say("  approved: passport " + approved.getString("decision.passportNumber") + ", ready "
                + approved.getString("decision.expectedReadyDate"));
        journey.officeCall(officer, "/office/appointments/{id}/issuance", Map.of(), appointmentId);
        say("  passport issued");
    }

    private void uploadMissing(String token, String application, Map<String, String> namesByNik) {
        JsonPath requirements = journey.requirements(token, application);
        List<Map<String, Object>> applicants = requirements.getList("applicants");
        for (Map<String, Object> applicant : applicants) {
            String applicantId = (String) applicant.get("applicantId");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> lines = (List<Map<String, Object>>) applicant.get("documents");
            for (Map<String, Object> line : lines) {
                if (!Boolean.TRUE.equals(line.get("required")) || "ACCEPTED".equals(line.get("state"))
                        || "UPLOADED".equals(line.get("state"))) {
                    continue;
                }
                @SuppressWarnings("unchecked")
                String type = ((List<String>) line.get("acceptedDocuments")).get(0);
                String who = (String) applicant.get("fullName");
                journey.upload(token, application, applicantId, type, documents.scan(who, type));
                say("  uploaded " + type + " of " + who);
            }
        }
        assertThat(namesByNik).isNotEmpty();
    }

    private JsonPath awaitReadyToSubmit(String token, String application) {
        JsonPath[] last = new JsonPath[1];
        Awaitility.await("every document accepted").atMost(EVENTUALLY).pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    last[0] = journey.requirements(token, application);
                    return last[0].getBoolean("readyToSubmit");
                });
        return last[0];
    }

    private Map<String, Object> awaitDocument(String applicantId, String documentType, String state) {
        List<Map<String, Object>> found = new ArrayList<>();
        Awaitility.await(documentType + " " + state).atMost(EVENTUALLY).pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    found.clear();
                    List<Map<String, Object>> applicants = journey.requirements(siti, applicationId).getList("applicants");
                    for (Map<String, Object> applicant : applicants) {
                        if (!applicantId.equals(applicant.get("applicantId"))) {
                            continue;
                        }
                        @SuppressWarnings("unchecked")
                        List<Map<String, Object>> lines = (List<Map<String, Object>>) applicant.get("documents");
                        lines.stream().filter(l -> documentType.equals(l.get("documentType"))
                                && state.equals(l.get("state"))).forEach(found::add);
                    }
                    return !found.isEmpty();
                });
        return found.get(0);
    }

    private List<Map<String, Object>> awaitAppointments(String token, int count, LocalDate date) {
        List<Map<String, Object>> mine = new ArrayList<>();
        Awaitility.await(count + " appointments on " + date).atMost(EVENTUALLY).pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    mine.clear();
                    List<Map<String, Object>> all = journey.as(token).get("/appointments").then().statusCode(200)
                            .extract().jsonPath().getList("$");
                    all.stream().filter(a -> applicationId.equals(a.get("applicationId"))
                            && date.toString().equals(a.get("date"))).forEach(mine::add);
                    return mine.size() == count;
                });
        return mine;
    }
}

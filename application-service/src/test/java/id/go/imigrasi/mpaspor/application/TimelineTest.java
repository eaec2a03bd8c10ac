package id.go.imigrasi.mpaspor.application;

import static id.go.imigrasi.mpaspor.application.support.Fixtures.addApplicant;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.adult;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.count;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.createApplication;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.email;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.newAccount;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.publish;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.application.support.DukcapilStubResource;
import id.go.imigrasi.mpaspor.application.support.MailCatcher;
import id.go.imigrasi.mpaspor.contracts.billing.BillingExpired;
import id.go.imigrasi.mpaspor.contracts.billing.BillingIssued;
import id.go.imigrasi.mpaspor.contracts.billing.BillingPaid;
import id.go.imigrasi.mpaspor.contracts.biometric.ApplicationApproved;
import id.go.imigrasi.mpaspor.contracts.biometric.ApplicationRejected;
import id.go.imigrasi.mpaspor.contracts.biometric.AppointmentScheduled;
import id.go.imigrasi.mpaspor.contracts.biometric.PassportCancelled;
import id.go.imigrasi.mpaspor.contracts.biometric.PassportCollected;
import id.go.imigrasi.mpaspor.contracts.biometric.PassportDelivered;
import id.go.imigrasi.mpaspor.contracts.biometric.PassportIssued;
import id.go.imigrasi.mpaspor.contracts.quota.BookingRescheduled;
import id.go.imigrasi.mpaspor.contracts.quota.HoldConfirmed;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import id.go.imigrasi.mpaspor.testkit.TestJwt;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The applicant sees where the application stands: the other services' events, published here by a test
 * producer on their topics (late, twice, out of order), become a timeline ordered by event time with one entry
 * per event, a status that never goes back, the billing summary and appointment, and mails where they must act.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "application"))
@WithTestResource(value = DukcapilStubResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = MailCatcher.class, scope = TestResourceScope.MATCHING_RESOURCES)
class TimelineTest {

    private static long entries(String app) {
        return count("SELECT count(*) FROM timeline_entry WHERE application_id = ?::uuid", app);
    }

    @Test
    void eventsArrivingLateTwiceAndOutOfOrderGiveAnOrderedTimelineOnceEachAndAStatusThatNeverGoesBack() {
        String account = newAccount();
        String app = createApplication(account);
        String applicant = addApplicant(account, app, adult("Made Suartana"));
        String hold = "hold-" + UUID.randomUUID();
        String code = "812345678901234";
        Instant base = Instant.now().plus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        LocalDate visit = LocalDate.now().plusDays(14);
        LocalDate moved = visit.plusDays(3);

        // paid before the issue event arrives; the issue event then comes twice (a redelivery: same id)
        publish(new BillingPaid(app, hold, code, 650_000, "atm", "NTPN0123456789AB", base.plusSeconds(600)),
                UUID.randomUUID().toString(), base.plusSeconds(600));
        String issuedId = UUID.randomUUID().toString();
        BillingIssued issued = new BillingIssued(app, hold, code, 650_000, base.plusSeconds(7200));
        publish(issued, issuedId, base.plusSeconds(60));
        publish(issued, issuedId, base.plusSeconds(60));
        publish(new BookingRescheduled(hold, app, "JKTSEL", visit, "MORNING", moved, "AFTERNOON", 1),
                UUID.randomUUID().toString(), base.plusSeconds(1800));
        String confirmedId = UUID.randomUUID().toString();
        HoldConfirmed confirmed = new HoldConfirmed(hold, app, "JKTSEL", visit, "MORNING", "REGULAR", List.of("x"));
        publish(confirmed, confirmedId, base.plusSeconds(660));
        publish(new AppointmentScheduled("apt-1", app, applicant, "JKTSEL", visit, "MORNING", "BK-7781"),
                UUID.randomUUID().toString(), base.plusSeconds(720));
        publish(confirmed, confirmedId, base.plusSeconds(660));

        await().atMost(Duration.ofSeconds(30)).until(() -> entries(app) == 6);
        given().auth().oauth2(token(account)).when().get("/applications/{id}", app).then().statusCode(200)
                .body("timeline.kind", contains("CREATED", "BILLING_ISSUED", "BILLING_PAID", "HOLD_CONFIRMED",
                        "APPOINTMENT_SCHEDULED", "BOOKING_RESCHEDULED"))
                .body("timeline[1].at", equalTo(base.plusSeconds(60).toString()))
                .body("timeline[2].at", equalTo(base.plusSeconds(600).toString()))
                .body("timeline[1].details.billingCode", equalTo(code))
                .body("timeline[2].details.ntpn", equalTo("NTPN0123456789AB"))
                .body("timeline[5].details.toDate", equalTo(moved.toString()))
                .body("status", equalTo("APPOINTMENT_SCHEDULED"))
                .body("billing.billingCode", equalTo(code))
                .body("billing.amount", equalTo(650_000))
                .body("billing.status", equalTo("PAID"))
                .body("billing.expiresAt", equalTo(base.plusSeconds(7200).toString()))
                .body("appointment.officeCode", equalTo("JKTSEL"))
                .body("appointment.date", equalTo(moved.toString()))
                .body("appointment.session", equalTo("AFTERNOON"));
        assertThat(count("SELECT count(*) FROM timeline_entry WHERE application_id = ?::uuid AND event_id = ?", app,
                issuedId)).isOne();

        // the appointment asks the applicant to come: one mail; the late "pay now" is not sent, it is paid
        await().atMost(Duration.ofSeconds(30)).until(() -> MailCatcher.to(email(account)).stream()
                .anyMatch(m -> m.subject().contains("Jadwal kedatangan") && m.body().contains("BK-7781")));
        assertThat(MailCatcher.to(email(account))).noneMatch(m -> m.subject().contains("Segera bayar"));

        // paid: too late to cancel online
        given().auth().oauth2(token(account)).header("Accept-Language", "en").when()
                .post("/applications/{id}/cancellation", app).then().statusCode(409)
                .body("type", equalTo("https://mpaspor.imigrasi.go.id/problems/application-not-cancellable"));
        // an officer of the office it is booked at reads it, another office does not
        given().auth().oauth2(TestJwt.officer(newAccount(), "JKTSEL")).when().get("/applications/{id}", app)
                .then().statusCode(200).body("applicants", hasSize(1));
        given().auth().oauth2(TestJwt.officer(newAccount(), "JKTSEL")).when().get("/applications")
                .then().statusCode(200).body("id", org.hamcrest.Matchers.hasItem(app));
        given().auth().oauth2(TestJwt.officer(newAccount(), "SBY")).when().get("/applications/{id}", app)
                .then().statusCode(404);
    }

    @Test
    void issuedBillingMailsTheDeadlineAndExpiryEndsTheApplicationFreesItsNiksAndMailsAgain() {
        String account = newAccount();
        String app = createApplication(account);
        Map<String, Object> person = adult("Joko Susilo");
        addApplicant(account, app, person);
        String code = "899999999999990";
        Instant deadline = Instant.parse("2030-01-01T05:00:00Z");
        publish(new BillingIssued(app, "hold-x", code, 350_000, deadline));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(MailCatcher.to(email(account)))
                .anySatisfy(m -> {
                    assertThat(m.subject()).contains("Segera bayar kode billing " + code);
                    assertThat(m.body()).contains("Rp 350000").contains("01-01-2030 12:00 WIB");
                }));
        given().auth().oauth2(token(account)).when().get("/applications/{id}", app).then()
                .body("status", equalTo("AWAITING_PAYMENT")).body("billing.status", equalTo("ISSUED"));

        publish(new BillingExpired(app, "hold-x", code, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> count(
                "SELECT count(*) FROM application WHERE id = ?::uuid AND status = 'EXPIRED'", app) == 1);
        assertThat(count("SELECT count(*) FROM applicant WHERE nik = ? AND active", person.get("nik"))).isZero();
        await().atMost(Duration.ofSeconds(30)).until(() -> MailCatcher.to(email(account)).stream()
                .anyMatch(m -> m.subject().contains("kedaluwarsa")));
        // a late payment report does not revive it
        publish(new BillingPaid(app, "hold-x", code, 350_000, "atm", "NTPN-LATE", Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> entries(app) == 4);
        given().auth().oauth2(token(account)).when().get("/applications/{id}", app).then()
                .body("status", equalTo("EXPIRED"))
                .body("timeline.kind", contains("CREATED", "BILLING_ISSUED", "BILLING_EXPIRED", "BILLING_PAID"));
    }

    @Test
    void approvalIssuanceAndDeliveryFinishTheApplicationAndFreeItsNik() {
        String account = newAccount();
        String app = createApplication(account);
        Map<String, Object> person = adult("Hendra Siregar");
        String applicant = addApplicant(account, app, person);
        Instant base = Instant.now().plus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        // delivered reported before issued and approved: the timeline still reads approved, issued, delivered
        publish(new PassportDelivered(app, applicant, "X1234567", "POS", "P0S-889", base.plusSeconds(300)),
                UUID.randomUUID().toString(), base.plusSeconds(300));
        publish(new PassportIssued(app, applicant, "X1234567", "officer-1", base.plusSeconds(200)), UUID.randomUUID().toString(),
                base.plusSeconds(200));
        publish(new ApplicationApproved(app, applicant, "X1234567", LocalDate.now().plusDays(4), "officer-1",
                "REGULAR"),
                UUID.randomUUID().toString(), base.plusSeconds(100));
        await().atMost(Duration.ofSeconds(30)).until(() -> entries(app) == 4);
        given().auth().oauth2(token(account)).when().get("/applications/{id}", app).then()
                .body("status", equalTo("DELIVERED"))
                .body("timeline.kind", contains("CREATED", "APPROVED", "PASSPORT_ISSUED", "PASSPORT_DELIVERED"))
                .body("timeline[3].details.trackingNumber", equalTo("P0S-889"));
        assertThat(count("SELECT count(*) FROM applicant WHERE nik = ? AND active", person.get("nik"))).isZero();
    }

    @Test
    void anApprovalMailsTheReadyDateOnceAndSaysSameDayServiceWhenBooked() {
        String account = newAccount();
        String app = createApplication(account);
        String applicant = addApplicant(account, app, adult("Sri Wahyuni"));
        LocalDate today = LocalDate.now();
        String eventId = UUID.randomUUID().toString();
        ApplicationApproved approved = new ApplicationApproved(app, applicant, "X7654321", today, "officer-1",
                "SAME_DAY");
        publish(approved, eventId, Instant.now());
        publish(approved, eventId, Instant.now()); // redelivered: one mail all the same
        await().atMost(Duration.ofSeconds(30)).until(() -> MailCatcher.to(email(account)).stream()
                .anyMatch(m -> m.subject().contains("X7654321")));
        assertThat(MailCatcher.to(email(account))).filteredOn(m -> m.subject().contains("X7654321")).singleElement()
                .satisfies(m -> {
                    assertThat(m.subject()).contains("Paspor X7654321 disetujui");
                    assertThat(m.body()).contains("siap pada " + today + " (layanan percepatan)",
                            "ready on " + today + " (same-day service)");
                });
        given().auth().oauth2(token(account)).when().get("/applications/{id}", app).then()
                .body("timeline.find { it.kind == 'APPROVED' }.details.service", equalTo("SAME_DAY"));
    }

    @Test
    void aFamilyApplicationIsDeliveredOnlyWhenEveryApplicantsPassportIsHandedOver() {
        String account = newAccount();
        String app = createApplication(account);
        Map<String, Object> father = adult("Hendra Siregar");
        Map<String, Object> son = adult("Andi Saputra");
        String fatherId = addApplicant(account, app, father);
        String sonId = addApplicant(account, app, son);
        Instant base = Instant.now().plus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        publish(new PassportIssued(app, fatherId, "C1000001", "officer-1", base), UUID.randomUUID().toString(), base);
        publish(new PassportDelivered(app, fatherId, "C1000001", "POS", "P0S-1", base.plusSeconds(60)),
                UUID.randomUUID().toString(), base.plusSeconds(60));
        await().atMost(Duration.ofSeconds(30)).until(() -> entries(app) == 3);
        given().auth().oauth2(token(account)).when().get("/applications/{id}", app).then()
                .body("status", equalTo("ISSUED"));
        assertThat(count("SELECT count(*) FROM applicant WHERE application_id = ?::uuid AND active", app))
                .as("the NIKs stay bound while the application is not finished").isEqualTo(2);

        publish(new PassportCollected(app, sonId, "C1000002", "APPLICANT", "Andi Saputra", "officer-1", base.plusSeconds(120)),
                UUID.randomUUID().toString(), base.plusSeconds(120));
        await().atMost(Duration.ofSeconds(30)).until(() -> entries(app) == 4);
        given().auth().oauth2(token(account)).when().get("/applications/{id}", app).then()
                .body("status", equalTo("DELIVERED"))
                .body("timeline.kind", contains("CREATED", "PASSPORT_ISSUED", "PASSPORT_DELIVERED",
                        "PASSPORT_COLLECTED"));
        assertThat(count("SELECT count(*) FROM applicant WHERE application_id = ?::uuid AND active", app)).isZero();
    }

    @Test
    void anApplicationWhoseApplicantsAreAllRejectedAtTheOfficeEndsRejectedAndFreesItsNiks() {
        String account = newAccount();
        String app = createApplication(account);
        String fatherId = addApplicant(account, app, adult("Bambang Wijaya"));
        String sonId = addApplicant(account, app, adult("Agus Wijaya"));
        publish(new ApplicationRejected(app, fatherId, "DOCUMENT_FORGED", "officer-1"));
        await().atMost(Duration.ofSeconds(30)).until(() -> entries(app) == 2);
        given().auth().oauth2(token(account)).when().get("/applications/{id}", app).then()
                .body("status", equalTo("DRAFT"));
        assertThat(count("SELECT count(*) FROM applicant WHERE application_id = ?::uuid AND active", app))
                .as("one applicant is still to be decided").isEqualTo(2);

        publish(new ApplicationRejected(app, sonId, "DOCUMENT_FORGED", "officer-1"));
        await().atMost(Duration.ofSeconds(30)).until(() -> entries(app) == 3);
        given().auth().oauth2(token(account)).when().get("/applications/{id}", app).then()
                .body("status", equalTo("REJECTED"))
                .body("timeline.kind", contains("CREATED", "REJECTED_AT_OFFICE", "REJECTED_AT_OFFICE"));
        assertThat(count("SELECT count(*) FROM applicant WHERE application_id = ?::uuid AND active", app)).isZero();
    }

    @Test
    void aFamilyWithOneApplicantRejectedAndTheOtherPassportDeliveredEndsDelivered() {
        String account = newAccount();
        String app = createApplication(account);
        String motherId = addApplicant(account, app, adult("Siti Rahayu"));
        String daughterId = addApplicant(account, app, adult("Dewi Rahayu"));
        Instant base = Instant.now().plus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        publish(new PassportDelivered(app, daughterId, "C2000001", "POS", "P0S-2", base),
                UUID.randomUUID().toString(), base);
        publish(new ApplicationRejected(app, motherId, "INTERVIEW_FAILED", "officer-1"), UUID.randomUUID().toString(),
                base.plusSeconds(60));
        await().atMost(Duration.ofSeconds(30)).until(() -> entries(app) == 3);
        given().auth().oauth2(token(account)).when().get("/applications/{id}", app).then()
                .body("status", equalTo("DELIVERED"))
                .body("timeline.kind", contains("CREATED", "PASSPORT_DELIVERED", "REJECTED_AT_OFFICE"))
                .body("timeline[2].details.reason", equalTo("INTERVIEW_FAILED"));
        assertThat(count("SELECT count(*) FROM applicant WHERE application_id = ?::uuid AND active", app)).isZero();
    }

    @Test
    void aPassportCancelledUncollectedEndsTheApplicationOnceEveryApplicantIsDecided() {
        String account = newAccount();
        String app = createApplication(account);
        String applicant = addApplicant(account, app, adult("Rudi Hartono"));
        Instant issued = Instant.now().minus(31, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        publish(new PassportIssued(app, applicant, "C3000001", "officer-1", issued), UUID.randomUUID().toString(), issued);
        publish(new PassportCancelled(app, applicant, "C3000001", "NOT_COLLECTED", issued, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> entries(app) == 3);
        given().auth().oauth2(token(account)).when().get("/applications/{id}", app).then()
                .body("status", equalTo("CANCELLED"));
        assertThat(count("SELECT count(*) FROM applicant WHERE application_id = ?::uuid AND active", app)).isZero();
    }
}

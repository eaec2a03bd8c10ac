package id.go.imigrasi.mpaspor.biometric;

import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.appointments;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.applicant;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.awaitAppointments;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.confirmed;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.count;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.data;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.kafka;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.newId;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.outboxEvents;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.publish;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.schedule;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.submitted;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.Booked;
import id.go.imigrasi.mpaspor.biometric.support.PosStubResource;
import id.go.imigrasi.mpaspor.contracts.application.ApplicationCancelled;
import id.go.imigrasi.mpaspor.contracts.application.ApplicationSubmitted;
import id.go.imigrasi.mpaspor.contracts.application.SubmittedApplicant;
import id.go.imigrasi.mpaspor.contracts.quota.BookingRescheduled;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import id.go.imigrasi.mpaspor.testkit.TestJwt;
import id.go.imigrasi.mpaspor.testkit.TopicProbe;
import io.cloudevents.CloudEvent;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Appointments come from ApplicationSubmitted and HoldConfirmed, in whichever order they arrive, one per applicant,
 * each applied once however often Kafka redelivers; BookingRescheduled moves them.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "biometric"))
@WithTestResource(value = PosStubResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class AppointmentSchedulingTest {

    private static final LocalDate DAY = LocalDate.of(2027, 3, 10);

    @Test
    void submissionThenConfirmationSchedulesOneAppointmentPerApplicantAndPublishesAppointmentScheduled() {
        ApplicationSubmitted s = submitted(newId("acc"), DAY, applicant("Budi Santoso", "ORDINARY"),
                applicant("Siti Rahmawati", "ELECTRONIC"));
        List<Booked> booked = schedule(s);

        assertThat(booked).hasSize(2).allSatisfy(b -> {
            assertThat(b.status()).isEqualTo("SCHEDULED");
            assertThat(b.date()).isEqualTo(DAY);
            assertThat(b.session()).isEqualTo("MORNING");
            assertThat(b.bookingCode()).matches("[A-HJ-NP-Z2-9]{8}");
            assertThat(b.accountId()).isEqualTo(s.accountId());
        });
        assertThat(booked.stream().map(Booked::bookingCode).distinct()).hasSize(2);
        assertThat(booked.stream().map(Booked::nik).collect(Collectors.toSet()))
                .isEqualTo(s.applicants().stream().map(a -> a.nik()).collect(Collectors.toSet()));

        try (TopicProbe<CloudEvent> probe = TopicProbe.cloudEvents(kafka(), "biometric.events")) {
            var events = probe.awaitCount(r -> s.applicationId().equals(r.key())
                    && r.value().getType().equals("mpaspor.biometric.AppointmentScheduled.v1"), 2, Duration.ofSeconds(30));
            Set<String> codes = events.stream().map(r -> data(r).get("bookingCode").asText()).collect(Collectors.toSet());
            assertThat(codes).isEqualTo(booked.stream().map(Booked::bookingCode).collect(Collectors.toSet()));
            assertThat(data(events.get(0)).get("officeCode").asText()).isEqualTo("JKTSEL");
            assertThat(data(events.get(0)).get("date").asText()).isEqualTo("2027-03-10");
        }
    }

    @Test
    void confirmationArrivingBeforeTheSubmissionWaitsForItThenSchedules() {
        ApplicationSubmitted s = submitted(newId("acc"), DAY, applicant("Ayu Lestari", "ELECTRONIC"));
        publish(confirmed(s));
        await().pollDelay(Duration.ofMillis(200)).atMost(Duration.ofSeconds(30))
                .until(() -> count("SELECT count(*) FROM booking WHERE application_id = ? AND confirmed_at IS NOT NULL",
                        s.applicationId()) == 1);
        assertThat(appointments(s.applicationId())).as("no appointment without the applicants").isEmpty();

        publish(s);
        List<Booked> booked = awaitAppointments(s.applicationId(), 1);
        assertThat(booked).hasSize(1);
        assertThat(booked.get(0).nik()).isEqualTo(s.applicants().get(0).nik());
    }

    @Test
    void redeliveredEventsAreAppliedOnce() {
        ApplicationSubmitted s = submitted(newId("acc"), DAY, applicant("Wahyu Pratama", "ORDINARY"),
                applicant("Dewi Anggraini", "ORDINARY"));
        String submittedId = publish(s);
        String confirmedId = publish(confirmed(s));
        awaitAppointments(s.applicationId(), 2);
        // Kafka redelivers both (same CloudEvents ids), and quota republishes a confirmation with a new id
        publish(s, submittedId);
        publish(confirmed(s), confirmedId);
        publish(confirmed(s));
        BookingRescheduled moved = new BookingRescheduled(s.holdId(), s.applicationId(), s.officeCode(), DAY,
                "MORNING", DAY.plusDays(2), "AFTERNOON", 1);
        String movedId = publish(moved);
        publish(moved, movedId);

        await().atMost(Duration.ofSeconds(30)).until(() -> outboxEvents(s.applicationId(), "AppointmentMoved") >= 2);
        // stays so while the redeliveries are consumed
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(15))
                .until(() -> appointments(s.applicationId()).size() == 2
                        && outboxEvents(s.applicationId(), "AppointmentScheduled") == 2
                        && outboxEvents(s.applicationId(), "AppointmentMoved") == 2);
        assertThat(appointments(s.applicationId())).hasSize(2);
        assertThat(outboxEvents(s.applicationId(), "AppointmentScheduled")).isEqualTo(2);
        assertThat(outboxEvents(s.applicationId(), "AppointmentMoved")).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM inbox WHERE event_id IN (?, ?, ?)", submittedId, confirmedId, movedId))
                .isEqualTo(3);
    }

    @Test
    void rescheduledBookingMovesTheAppointmentsKeepingTheirCodes() {
        ApplicationSubmitted s = submitted(newId("acc"), DAY, applicant("Rina Kusuma", "ORDINARY"));
        Booked before = schedule(s).get(0);
        publish(new BookingRescheduled(s.holdId(), s.applicationId(), s.officeCode(), DAY, "MORNING",
                DAY.plusDays(7), "AFTERNOON", 1));

        try (TopicProbe<CloudEvent> probe = TopicProbe.cloudEvents(kafka(), "biometric.events")) {
            var event = data(probe.await(r -> s.applicationId().equals(r.key())
                    && r.value().getType().equals("mpaspor.biometric.AppointmentMoved.v1"), Duration.ofSeconds(30)));
            assertThat(event.get("appointmentId").asText()).isEqualTo(before.id());
            assertThat(event.get("fromDate").asText()).isEqualTo("2027-03-10");
            assertThat(event.get("toDate").asText()).isEqualTo("2027-03-17");
            assertThat(event.get("toSession").asText()).isEqualTo("AFTERNOON");
            assertThat(event.get("bookingCode").asText()).isEqualTo(before.bookingCode());
        }
        Booked after = appointments(s.applicationId()).get(0);
        assertThat(after.date()).isEqualTo(DAY.plusDays(7));
        assertThat(after.session()).isEqualTo("AFTERNOON");
        assertThat(after.bookingCode()).isEqualTo(before.bookingCode());
    }

    @Test
    void cancelledApplicationCancelsItsScheduledAppointments() {
        ApplicationSubmitted s = submitted(newId("acc"), DAY, applicant("Joko Widodo", "ORDINARY"));
        Booked b = schedule(s).get(0);
        publish(new ApplicationCancelled(s.applicationId(), s.accountId(), s.holdId(), "changed plans", Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> "CANCELLED".equals(appointments(s.applicationId()).get(0).status()));
        assertThat(b.id()).isNotBlank();
    }

    @Test
    void unusableSubmissionIsParkedInTheDeadLetterTopicWithItsReasonAndSchedulesNothing() {
        ApplicationSubmitted s = submitted(newId("acc"), DAY, new SubmittedApplicant(newId("applicant"), "Andi",
                "3171010101900001", LocalDate.of(1990, 1, 1), "DIPLOMATIC", 5, false));
        publish(s);
        publish(confirmed(s));
        try (TopicProbe<String> dlt = TopicProbe.strings(kafka(), "biometric.application.events.dlt")) {
            var parked = dlt.await(r -> s.applicationId().equals(r.key()), Duration.ofSeconds(30));
            assertThat(TopicProbe.header(parked, "dead-letter-reason")).contains("passport kind");
        }
        assertThat(appointments(s.applicationId())).isEmpty();
    }

    @Test
    void applicantReadsOnlyOwnAppointmentsAndGetsTheBookingCodeAsQrCode() throws Exception {
        ApplicationSubmitted s = submitted(newId("acc"), DAY, applicant("Putri Ayu", "ELECTRONIC"));
        Booked b = schedule(s).get(0);
        String owner = TestJwt.applicant(s.accountId());

        given().auth().oauth2(owner).when().get("/appointments").then().statusCode(200)
                .body("$", hasSize(1))
                .body("[0].id", equalTo(b.id()))
                .body("[0].bookingCode", equalTo(b.bookingCode()))
                .body("[0].officeCode", equalTo("JKTSEL"))
                .body("[0].status", equalTo("SCHEDULED"));
        given().auth().oauth2(owner).when().get("/appointments/" + b.id()).then().statusCode(200)
                .body("bookingCode", equalTo(b.bookingCode()));

        byte[] png = given().auth().oauth2(owner).when().get("/appointments/" + b.id() + "/qr.png").then()
                .statusCode(200).contentType("image/png").extract().asByteArray();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        String scanned = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new BufferedImageLuminanceSource(image)))).getText();
        assertThat(scanned).isEqualTo(b.bookingCode());

        String stranger = TestJwt.applicant(newId("acc"));
        given().auth().oauth2(stranger).when().get("/appointments").then().statusCode(200).body("$", hasSize(0));
        given().auth().oauth2(stranger).when().get("/appointments/" + b.id()).then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://mpaspor.imigrasi.go.id/problems/appointment-not-found"));
        given().auth().oauth2(stranger).when().get("/appointments/" + b.id() + "/qr.png").then().statusCode(404);
        given().when().get("/appointments/" + b.id()).then().statusCode(401);
    }
}

package id.go.imigrasi.mpaspor.biometric;

import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.applicant;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.data;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.decide;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.issue;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.kafka;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.newId;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.officer;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.outboxEvents;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.rows;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.schedule;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.scheduleOne;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.status;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.subjectOf;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.submitted;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.throughCapture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.Booked;
import id.go.imigrasi.mpaspor.biometric.support.PosStubResource;
import id.go.imigrasi.mpaspor.biometric.support.TestClock;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import id.go.imigrasi.mpaspor.testkit.TopicProbe;
import io.cloudevents.CloudEvent;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Approval assigns a passport number of the kind and the ready date 4 working days later (weekends and the
 * configured holidays skipped); printing publishes PassportIssued; rejection needs a reason.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "biometric"))
@WithTestResource(value = PosStubResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ApprovalTest {

    /** Thursday; Friday 2026-12-25 is a configured holiday (Christmas), then the weekend. */
    private static final LocalDate CHRISTMAS_EVE = LocalDate.of(2026, 12, 24);
    private static final String PROBLEMS = "https://mpaspor.imigrasi.go.id/problems/";

    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void approvalOverAHolidayAndAWeekendIsReadyOnTheFourthWorkingDayAndPublishesApplicationApproved() {
        String officer = officer();
        Booked b = scheduleOne(CHRISTMAS_EVE, "ORDINARY");
        clock.setOfficeTime(CHRISTMAS_EVE, LocalTime.of(9, 30));
        throughCapture(officer, b);

        // Fri 25 holiday, Sat 26, Sun 27 skipped: Mon 28, Tue 29, Wed 30, Thu 31
        String passport = decide(officer, b.id(), "APPROVE", null).statusCode(200)
                .body("status", equalTo("APPROVED"))
                .body("decision.expectedReadyDate", equalTo("2026-12-31"))
                .body("decision.passportNumber", matchesPattern("C\\d{7}"))
                .extract().path("decision.passportNumber");

        try (TopicProbe<CloudEvent> probe = TopicProbe.cloudEvents(kafka(), "biometric.events")) {
            var approved = data(probe.await(r -> b.applicationId().equals(r.key())
                    && r.value().getType().equals("mpaspor.biometric.ApplicationApproved.v1"), Duration.ofSeconds(30)));
            assertThat(approved.get("applicantId").asText()).isEqualTo(b.applicantId());
            assertThat(approved.get("passportNumber").asText()).isEqualTo(passport);
            assertThat(approved.get("expectedReadyDate").asText()).isEqualTo("2026-12-31");
            assertThat(approved.get("officerId").asText()).as("the audit: who approved").isEqualTo(subjectOf(officer));
        }
        // approving twice is the wrong step and assigns nothing new
        decide(officer, b.id(), "APPROVE", null).statusCode(409).body("type", equalTo(PROBLEMS + "wrong-step"));
        assertThat(outboxEvents(b.applicationId(), "ApplicationApproved")).isEqualTo(1);
    }

    @Test
    void approvalOnAFridayIsReadyOnThursdayAndElectronicPassportsGetTheirOwnLetter() {
        String officer = officer();
        LocalDate friday = LocalDate.of(2027, 2, 5);
        Booked b = scheduleOne(friday, "ELECTRONIC");
        clock.setOfficeTime(friday, LocalTime.of(14, 0));
        throughCapture(officer, b);
        decide(officer, b.id(), "APPROVE", null).statusCode(200)
                .body("decision.expectedReadyDate", equalTo("2027-02-11"))
                .body("decision.passportNumber", matchesPattern("X\\d{7}"));
    }

    @Test
    void aSameDayApprovalBeforeTheCutoffIsReadyThatDayAfterItTheNextWorkingDay() {
        String officer = officer();
        // Friday 2027-02-05, paid days before: approved at 10:00 office time, before the 13:00 cutoff
        LocalDate friday = LocalDate.of(2027, 2, 5);
        Booked early = schedule(submitted("SAME_DAY", newId("acc"), friday, applicant("Sri Wahyuni", "ELECTRONIC")))
                .get(0);
        clock.setOfficeTime(friday, LocalTime.of(10, 0));
        throughCapture(officer, early);
        decide(officer, early.id(), "APPROVE", null).statusCode(200)
                .body("decision.expectedReadyDate", equalTo("2027-02-05"));
        try (TopicProbe<CloudEvent> probe = TopicProbe.cloudEvents(kafka(), "biometric.events")) {
            var approved = data(probe.await(r -> early.applicationId().equals(r.key())
                    && r.value().getType().equals("mpaspor.biometric.ApplicationApproved.v1"), Duration.ofSeconds(30)));
            assertThat(approved.get("expectedReadyDate").asText()).isEqualTo("2027-02-05");
            assertThat(approved.get("service").asText()).isEqualTo("SAME_DAY");
        }

        // the same day, approved at 14:00: past the cutoff, so Monday (the weekend skipped), not four working days
        Booked late = schedule(submitted("SAME_DAY", newId("acc"), friday, applicant("Rudi Hartono", "ORDINARY")))
                .get(0);
        clock.setOfficeTime(friday, LocalTime.of(14, 0));
        throughCapture(officer, late);
        decide(officer, late.id(), "APPROVE", null).statusCode(200)
                .body("decision.expectedReadyDate", equalTo("2027-02-08"));
    }

    @Test
    void passportNumbersAreUnique() {
        String officer = officer();
        LocalDate day = LocalDate.of(2027, 2, 9);
        clock.setOfficeTime(day, LocalTime.of(9, 0));
        for (int i = 0; i < 3; i++) {
            Booked b = scheduleOne(day, i % 2 == 0 ? "ORDINARY" : "ELECTRONIC");
            throughCapture(officer, b);
            decide(officer, b.id(), "APPROVE", null).statusCode(200);
        }
        var numbers = rows("SELECT passport_number FROM appointment WHERE passport_number IS NOT NULL").stream()
                .map(r -> r.get("passport_number")).toList();
        assertThat(numbers).hasSizeGreaterThanOrEqualTo(3).doesNotHaveDuplicates();
    }

    @Test
    void printingPublishesPassportIssuedWithTheCollectionDeadline() {
        String officer = officer();
        LocalDate day = LocalDate.of(2027, 2, 10);
        Booked b = scheduleOne(day, "ORDINARY");
        clock.setOfficeTime(day, LocalTime.of(9, 0));
        throughCapture(officer, b);
        issue(officer, b.id()).statusCode(409).body("type", equalTo(PROBLEMS + "wrong-step"));
        decide(officer, b.id(), "APPROVE", null).statusCode(200);

        clock.setOfficeTime(day.plusDays(6), LocalTime.of(11, 0));
        issue(officer, b.id()).statusCode(200).body("status", equalTo("ISSUED"))
                .body("decision.collectBefore", equalTo(clock.instant().plus(Duration.ofDays(30)).toString()));
        try (TopicProbe<CloudEvent> probe = TopicProbe.cloudEvents(kafka(), "biometric.events")) {
            var issued = data(probe.await(r -> b.applicationId().equals(r.key())
                    && r.value().getType().equals("mpaspor.biometric.PassportIssued.v1"), Duration.ofSeconds(30)));
            assertThat(Instant.parse(issued.get("issuedAt").asText())).isEqualTo(clock.instant());
            assertThat(issued.get("officerId").asText()).isEqualTo(subjectOf(officer));
        }
    }

    @Test
    void rejectionNeedsAReasonAndPublishesApplicationRejected() {
        String officer = officer();
        LocalDate day = LocalDate.of(2027, 2, 11);
        Booked b = scheduleOne(day, "ORDINARY");
        clock.setOfficeTime(day, LocalTime.of(9, 0));
        throughCapture(officer, b);
        decide(officer, b.id(), "REJECT", null).statusCode(400).body("errors[0].field", equalTo("reason"));
        decide(officer, b.id(), "MAYBE", null).statusCode(400).body("errors[0].field", equalTo("decision"));
        assertThat(status(b.id())).isEqualTo("CAPTURED");
        decide(officer, b.id(), "REJECT", "photo does not match the e-KTP").statusCode(200)
                .body("status", equalTo("REJECTED"));
        assertThat(outboxEvents(b.applicationId(), "ApplicationRejected")).isEqualTo(1);
        assertThat(outboxEvents(b.applicationId(), "ApplicationApproved")).isZero();
        try (TopicProbe<CloudEvent> probe = TopicProbe.cloudEvents(kafka(), "biometric.events")) {
            var rejected = data(probe.await(r -> b.applicationId().equals(r.key())
                    && r.value().getType().equals("mpaspor.biometric.ApplicationRejected.v1"), Duration.ofSeconds(30)));
            assertThat(rejected.get("officerId").asText()).isEqualTo(subjectOf(officer));
        }
    }
}

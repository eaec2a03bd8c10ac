package id.go.imigrasi.mpaspor.application.domain;

import static id.go.imigrasi.mpaspor.application.domain.ApplicationOutcome.ApplicantOutcome.PASSPORT_CANCELLED;
import static id.go.imigrasi.mpaspor.application.domain.ApplicationOutcome.ApplicantOutcome.PASSPORT_HANDED_OVER;
import static id.go.imigrasi.mpaspor.application.domain.ApplicationOutcome.ApplicantOutcome.PENDING;
import static id.go.imigrasi.mpaspor.application.domain.ApplicationOutcome.ApplicantOutcome.REJECTED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.application.domain.ApplicationOutcome.ApplicantOutcome;

/** The final state of an application from its applicants' outcomes at the office. */
class ApplicationOutcomeTest {

    @Test
    void everyPassportHandedOverIsDelivered() {
        assertThat(ApplicationOutcome.finalStatus(List.of(PASSPORT_HANDED_OVER, PASSPORT_HANDED_OVER)))
                .contains(ApplicationStatus.DELIVERED);
    }

    @Test
    void everyApplicantRejectedIsRejected() {
        assertThat(ApplicationOutcome.finalStatus(List.of(REJECTED))).contains(ApplicationStatus.REJECTED);
        assertThat(ApplicationOutcome.finalStatus(List.of(REJECTED, REJECTED, REJECTED)))
                .contains(ApplicationStatus.REJECTED);
    }

    @Test
    void aMixOfRejectedAndHandedOverIsDelivered() {
        assertThat(ApplicationOutcome.finalStatus(List.of(REJECTED, PASSPORT_HANDED_OVER)))
                .contains(ApplicationStatus.DELIVERED);
        assertThat(ApplicationOutcome.finalStatus(List.of(PASSPORT_CANCELLED, PASSPORT_HANDED_OVER, REJECTED)))
                .contains(ApplicationStatus.DELIVERED);
    }

    @Test
    void passportsCancelledUncollectedWithNoneHandedOverIsCancelled() {
        assertThat(ApplicationOutcome.finalStatus(List.of(PASSPORT_CANCELLED))).contains(ApplicationStatus.CANCELLED);
        assertThat(ApplicationOutcome.finalStatus(List.of(PASSPORT_CANCELLED, REJECTED)))
                .contains(ApplicationStatus.CANCELLED);
    }

    @Test
    void anApplicantStillPendingKeepsTheApplicationOpen() {
        assertThat(ApplicationOutcome.finalStatus(List.of(REJECTED, PENDING))).isEmpty();
        assertThat(ApplicationOutcome.finalStatus(List.of(PASSPORT_HANDED_OVER, PENDING))).isEmpty();
        assertThat(ApplicationOutcome.finalStatus(List.of())).as("no applicant: nothing to decide").isEmpty();
    }

    @Test
    void theTimelineKindsOfTheOfficeEventsAreTheOutcomes() {
        assertThat(ApplicantOutcome.ofTimelineKind("PASSPORT_DELIVERED")).isEqualTo(PASSPORT_HANDED_OVER);
        assertThat(ApplicantOutcome.ofTimelineKind("PASSPORT_COLLECTED")).isEqualTo(PASSPORT_HANDED_OVER);
        assertThat(ApplicantOutcome.ofTimelineKind("REJECTED_AT_OFFICE")).isEqualTo(REJECTED);
        assertThat(ApplicantOutcome.ofTimelineKind("PASSPORT_CANCELLED")).isEqualTo(PASSPORT_CANCELLED);
        assertThat(ApplicantOutcome.ofTimelineKind("PASSPORT_ISSUED")).isEqualTo(PENDING);
        assertThat(ApplicantOutcome.ofTimelineKind("APPROVED")).isEqualTo(PENDING);
    }

    @Test
    void ofTwoReportsOnOneApplicantAHandedOverPassportHolds() {
        assertThat(REJECTED.and(PASSPORT_HANDED_OVER)).isEqualTo(PASSPORT_HANDED_OVER);
        assertThat(PASSPORT_HANDED_OVER.and(PASSPORT_CANCELLED)).isEqualTo(PASSPORT_HANDED_OVER);
        assertThat(PENDING.and(REJECTED)).isEqualTo(REJECTED);
    }
}

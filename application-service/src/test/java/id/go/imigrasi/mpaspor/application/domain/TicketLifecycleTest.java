package id.go.imigrasi.mpaspor.application.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.application.domain.TicketLifecycle.Refusal;
import id.go.imigrasi.mpaspor.application.domain.TicketLifecycle.Step;

class TicketLifecycleTest {

    private static final Instant NOW = Instant.parse("2026-05-04T03:00:00Z");
    private static final Duration WEEK = Duration.ofDays(7);

    private static TicketLifecycle.Move move(TicketState from, Step step, Instant closedAt) {
        return TicketLifecycle.apply(from, step, closedAt, NOW, WEEK);
    }

    @Test
    void theOfficeAnswersAndTheApplicantsReplyMakesItWaitForTheOfficeAgain() {
        assertThat(move(TicketState.OPEN, Step.STAFF_WROTE, null).next()).isEqualTo(TicketState.ANSWERED);
        assertThat(move(TicketState.ANSWERED, Step.STAFF_WROTE, null).next()).isEqualTo(TicketState.ANSWERED);
        assertThat(move(TicketState.ANSWERED, Step.APPLICANT_WROTE, null).next()).isEqualTo(TicketState.OPEN);
        assertThat(move(TicketState.OPEN, Step.APPLICANT_WROTE, null).next()).isEqualTo(TicketState.OPEN);
        assertThat(TicketLifecycle.wrote(Party.OFFICER)).isEqualTo(Step.STAFF_WROTE);
        assertThat(TicketLifecycle.wrote(Party.ADMIN)).isEqualTo(Step.STAFF_WROTE);
        assertThat(TicketLifecycle.wrote(Party.APPLICANT)).isEqualTo(Step.APPLICANT_WROTE);
    }

    @Test
    void aClosedTicketIsReopenedOnlyByTheApplicantAndOnlyWithinTheWindow() {
        assertThat(move(TicketState.OPEN, Step.CLOSE, null).next()).isEqualTo(TicketState.CLOSED);
        assertThat(move(TicketState.ANSWERED, Step.CLOSE, null).next()).isEqualTo(TicketState.CLOSED);
        assertThat(move(TicketState.CLOSED, Step.CLOSE, NOW).refusal()).isEqualTo(Refusal.CLOSED);
        assertThat(move(TicketState.CLOSED, Step.STAFF_WROTE, NOW).refusal()).isEqualTo(Refusal.CLOSED);
        TicketLifecycle.Move reopened = move(TicketState.CLOSED, Step.APPLICANT_WROTE, NOW.minus(Duration.ofDays(6)));
        assertThat(reopened.next()).isEqualTo(TicketState.OPEN);
        assertThat(reopened.reopens(TicketState.CLOSED)).isTrue();
        assertThat(move(TicketState.CLOSED, Step.APPLICANT_WROTE, NOW.minus(WEEK)).refusal())
                .isEqualTo(Refusal.REOPEN_WINDOW_PASSED);
    }

    @Test
    void everyChangeOfStateHasItsTimelineKind() {
        assertThat(TicketLifecycle.timelineKind(TicketState.OPEN, TicketState.ANSWERED)).isEqualTo("TICKET_ANSWERED");
        assertThat(TicketLifecycle.timelineKind(TicketState.ANSWERED, TicketState.OPEN)).isEqualTo("TICKET_REPLIED");
        assertThat(TicketLifecycle.timelineKind(TicketState.CLOSED, TicketState.OPEN)).isEqualTo("TICKET_REOPENED");
        assertThat(TicketLifecycle.timelineKind(TicketState.OPEN, TicketState.CLOSED)).isEqualTo("TICKET_CLOSED");
        assertThat(TicketLifecycle.timelineKind(TicketState.ANSWERED, TicketState.ANSWERED)).isNull();
    }
}

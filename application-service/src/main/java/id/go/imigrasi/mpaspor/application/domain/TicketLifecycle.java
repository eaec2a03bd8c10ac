package id.go.imigrasi.mpaspor.application.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The one rule for how a helpdesk ticket moves (issue 22):
 * <pre>
 *   opened ──► OPEN ──(office answers)──► ANSWERED ──(applicant replies)──► OPEN ...
 *                │                           │
 *                └────────(closed by either side)──► CLOSED ──(applicant replies within reopen-within)──► OPEN
 * </pre>
 * The office writing again on an answered ticket keeps it ANSWERED; the applicant writing again on an open one keeps
 * it OPEN (it still waits for the office). Nobody writes on a closed ticket except the applicant, who reopens it so,
 * and only within the reopen window from its closing: past that, a new ticket is the way (the old one is history).
 * Closing a closed ticket is refused, so a double click is visible rather than a second "closed" entry.
 */
public final class TicketLifecycle {

    /** What someone does to a ticket. */
    public enum Step {
        APPLICANT_WROTE, STAFF_WROTE, CLOSE
    }

    /** Why a step is refused. */
    public enum Refusal {
        /** The ticket is closed: only the applicant's reply reopens it. */
        CLOSED,
        /** The ticket was closed longer ago than the reopen window. */
        REOPEN_WINDOW_PASSED
    }

    /** The state after a step, or the refusal. */
    public record Move(TicketState next, Refusal refusal) {

        public boolean allowed() {
            return refusal == null;
        }

        /** A reply that brought a closed ticket back. */
        public boolean reopens(TicketState from) {
            return from == TicketState.CLOSED && next == TicketState.OPEN;
        }
    }

    private TicketLifecycle() {
    }

    /** The move {@code step} makes from {@code from}; {@code closedAt}: when it was closed (if it is). */
    public static Move apply(TicketState from, Step step, Instant closedAt, Instant now, Duration reopenWithin) {
        return switch (step) {
            case APPLICANT_WROTE -> from != TicketState.CLOSED ? allowed(TicketState.OPEN)
                    : closedAt != null && now.isBefore(closedAt.plus(reopenWithin)) ? allowed(TicketState.OPEN)
                    : refused(Refusal.REOPEN_WINDOW_PASSED);
            case STAFF_WROTE -> from == TicketState.CLOSED ? refused(Refusal.CLOSED) : allowed(TicketState.ANSWERED);
            case CLOSE -> from == TicketState.CLOSED ? refused(Refusal.CLOSED) : allowed(TicketState.CLOSED);
        };
    }

    /** The step a message of this party is. */
    public static Step wrote(Party party) {
        return party.staff() ? Step.STAFF_WROTE : Step.APPLICANT_WROTE;
    }

    /** The timeline kind of a change of state ({@code TICKET_ANSWERED}...), or null when the state stays. */
    public static String timelineKind(TicketState from, TicketState to) {
        if (from == to) {
            return null;
        }
        return switch (to) {
            case ANSWERED -> "TICKET_ANSWERED";
            case CLOSED -> "TICKET_CLOSED";
            case OPEN -> from == TicketState.CLOSED ? "TICKET_REOPENED" : "TICKET_REPLIED";
        };
    }

    private static Move allowed(TicketState next) {
        return new Move(next, null);
    }

    private static Move refused(Refusal refusal) {
        return new Move(null, refusal);
    }
}

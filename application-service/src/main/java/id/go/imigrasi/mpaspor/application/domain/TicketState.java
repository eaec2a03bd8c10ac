package id.go.imigrasi.mpaspor.application.domain;

/** Where a helpdesk ticket stands; the moves between them are {@link TicketLifecycle}'s. */
public enum TicketState {
    /** Waiting for the office: just opened, or the applicant wrote last. */
    OPEN,
    /** The office answered; waiting for the applicant (a reply opens it again). */
    ANSWERED,
    /** Resolved; the applicant may reopen it by replying within the reopen window. */
    CLOSED
}

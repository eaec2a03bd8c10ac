package id.go.imigrasi.mpaspor.application.domain;

/**
 * The application's status as the applicant sees it. The rank only grows: an event that arrives late (out of
 * order) adds its timeline entry but never moves the status back. Final statuses free the applicants' NIKs.
 */
public enum ApplicationStatus {
    DRAFT(0, false),
    SUBMITTED(10, false),
    AWAITING_PAYMENT(20, false),
    PAID(30, false),
    BOOKED(40, false),
    APPOINTMENT_SCHEDULED(45, false),
    IN_PROCESS(50, false),
    APPROVED(60, false),
    ISSUED(70, false),
    DELIVERED(80, true),
    REJECTED(90, true),
    EXPIRED(90, true),
    CANCELLED(90, true);

    private final int rank;
    private final boolean finished;

    ApplicationStatus(int rank, boolean finished) {
        this.rank = rank;
        this.finished = finished;
    }

    public int rank() {
        return rank;
    }

    /** No longer active: its NIKs may be used in a new application. */
    public boolean finished() {
        return finished;
    }

    /** Cancelling is possible until the bill is paid. */
    public boolean cancellable() {
        return rank < PAID.rank;
    }
}

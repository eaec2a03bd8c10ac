package id.go.imigrasi.mpaspor.quota.domain;

/**
 * The office's service lines. Priority applicants and walk-ins assisted at the desk come on their own quota
 * ({@code PRIORITY_WALK_IN}): not bookable online, only by an officer of that office acting for the person (a desk
 * session, issue 19), and from the same day on.
 */
public enum ServiceLine {
    REGULAR, SAME_DAY, PRIORITY_WALK_IN;

    public boolean bookableOnline() {
        return this != PRIORITY_WALK_IN;
    }

    /**
     * Whether a hold of this line at {@code officeCode} may be taken by a caller acting at the desk of
     * {@code deskOffice} (null: an applicant online).
     */
    public boolean bookableBy(String deskOffice, String officeCode) {
        return bookableOnline() || (deskOffice != null && deskOffice.equals(officeCode));
    }

    /** Walk-in places are for today as well; the other lines keep the booking lead days. */
    public int leadDays(int bookingLeadDays) {
        return this == PRIORITY_WALK_IN ? 0 : bookingLeadDays;
    }
}

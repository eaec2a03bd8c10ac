package id.go.imigrasi.mpaspor.biometric.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * When an approved passport is expected to be ready (issue 22), by the service line the applicant booked and paid
 * for:
 * <ul>
 * <li><b>REGULAR</b>: {@code regularWorkingDays} working days after the approval day (4: Thursday's approval is
 * ready on Wednesday).</li>
 * <li><b>SAME_DAY</b> (percepatan): the approval day itself when the surcharge was paid and the approval made before
 * the office's cutoff on that day (13:00 office time by default) and that day is a working day; otherwise the next
 * working day. The cutoff is what lets the office print the same afternoon.</li>
 * </ul>
 * A SAME_DAY booking without a payment time (never the case once an appointment exists: appointments are made from
 * the paid confirmation) gets the next working day, never the same day.
 */
public final class ReadyDates {

    public static final String SAME_DAY = "SAME_DAY";

    private final WorkingDays workingDays;
    private final int regularWorkingDays;
    private final LocalTime sameDayCutoff;
    private final ZoneId zone;

    public ReadyDates(WorkingDays workingDays, int regularWorkingDays, LocalTime sameDayCutoff, ZoneId zone) {
        this.workingDays = workingDays;
        this.regularWorkingDays = regularWorkingDays;
        this.sameDayCutoff = sameDayCutoff;
        this.zone = zone;
    }

    /** The expected ready date of an approval at {@code approvedAt} of a booking on {@code serviceLine}. */
    public LocalDate of(String serviceLine, Instant paidAt, Instant approvedAt) {
        LocalDate day = approvedAt.atZone(zone).toLocalDate();
        if (!SAME_DAY.equals(serviceLine)) {
            return workingDays.plus(day, regularWorkingDays);
        }
        return sameDay(day, paidAt, approvedAt) ? day : workingDays.plus(day, 1);
    }

    /** True when a same-day approval at {@code approvedAt} is ready that very day. */
    public boolean sameDay(LocalDate day, Instant paidAt, Instant approvedAt) {
        Instant cutoff = day.atTime(sameDayCutoff).atZone(zone).toInstant();
        return workingDays.isWorkingDay(day) && paidAt != null && paidAt.isBefore(cutoff)
                && approvedAt.isBefore(cutoff);
    }
}

package id.go.imigrasi.mpaspor.contracts.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import id.go.imigrasi.mpaspor.contracts.EventType;
import id.go.imigrasi.mpaspor.contracts.IntegrationEvent;

/**
 * The applicant confirmed the summary; billing issues the bill, quota keeps the referenced hold, biometric
 * prepares one appointment per applicant at {@code officeCode} on {@code appointmentDate} in {@code session}
 * (the slot of the hold). {@code service} is the hold's service line (REGULAR or SAME_DAY), which every applicant's
 * same-day choice matched at submission: billing adds the same-day surcharge for it, biometric promises the ready
 * date by it. It is null in events published before it existed (read from the applicants' {@code sameDayService}).
 */
@EventType(service = "application", name = "ApplicationSubmitted")
public record ApplicationSubmitted(String applicationId, String accountId, String holdId, String officeCode,
        LocalDate appointmentDate, String session, List<SubmittedApplicant> applicants, Instant submittedAt,
        String service)
        implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return applicationId;
    }
}

package id.go.imigrasi.mpaspor.contracts.biometric;

import java.time.LocalDate;

import id.go.imigrasi.mpaspor.contracts.EventType;
import id.go.imigrasi.mpaspor.contracts.IntegrationEvent;

/**
 * The officer ({@code officerId}, null in events older than 2026-12-05) approved the applicant; the passport will be
 * ready about {@code expectedReadyDate}, by the booked {@code service} line (REGULAR: working days later; SAME_DAY:
 * that day when paid and approved before the office's cutoff, else the next working day). {@code service} is null in
 * events older than 2026-12-05 (all regular).
 */
@EventType(service = "biometric", name = "ApplicationApproved")
public record ApplicationApproved(String applicationId, String applicantId, String passportNumber,
        LocalDate expectedReadyDate, String officerId, String service) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return applicationId;
    }
}

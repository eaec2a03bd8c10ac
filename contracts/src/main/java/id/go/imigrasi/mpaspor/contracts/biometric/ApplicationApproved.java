package id.go.imigrasi.mpaspor.contracts.biometric;

import java.time.LocalDate;

import id.go.imigrasi.mpaspor.contracts.EventType;
import id.go.imigrasi.mpaspor.contracts.IntegrationEvent;

/**
 * The officer ({@code officerId}, null in events older than 2026-12-05) approved the applicant; the passport will be
 * ready about {@code expectedReadyDate}.
 */
@EventType(service = "biometric", name = "ApplicationApproved")
public record ApplicationApproved(String applicationId, String applicantId, String passportNumber,
        LocalDate expectedReadyDate, String officerId) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return applicationId;
    }
}

package id.go.imigrasi.mpaspor.contracts.biometric;

import java.time.Instant;

import id.go.imigrasi.mpaspor.contracts.EventType;
import id.go.imigrasi.mpaspor.contracts.IntegrationEvent;

/** The applicant arrived at the office on the appointment date; the NIK of the original e-KTP matched. */
@EventType(service = "biometric", name = "CheckedIn")
public record CheckedIn(String appointmentId, String applicationId, String applicantId, String officeCode,
        String officerId, Instant checkedInAt) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return applicationId;
    }
}

package id.go.imigrasi.mpaspor.contracts.biometric;

import java.time.LocalDate;

import id.go.imigrasi.mpaspor.contracts.EventType;
import id.go.imigrasi.mpaspor.contracts.IntegrationEvent;

/** The applicant did not check in by the end of the appointment day (office time). */
@EventType(service = "biometric", name = "NoShow")
public record NoShow(String appointmentId, String applicationId, String applicantId, String officeCode,
        LocalDate date, String session) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return applicationId;
    }
}

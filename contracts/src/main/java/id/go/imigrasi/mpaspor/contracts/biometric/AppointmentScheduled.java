package id.go.imigrasi.mpaspor.contracts.biometric;

import java.time.LocalDate;

import id.go.imigrasi.mpaspor.contracts.EventType;
import id.go.imigrasi.mpaspor.contracts.IntegrationEvent;

/** An applicant's office visit, with the booking code shown at check-in. */
@EventType(service = "biometric", name = "AppointmentScheduled")
public record AppointmentScheduled(String appointmentId, String applicationId, String applicantId,
        String officeCode, LocalDate date, String session, String bookingCode) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return applicationId;
    }
}

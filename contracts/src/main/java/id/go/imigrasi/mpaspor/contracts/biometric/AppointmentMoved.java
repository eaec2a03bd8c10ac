package id.go.imigrasi.mpaspor.contracts.biometric;

import java.time.LocalDate;

import id.go.imigrasi.mpaspor.contracts.EventType;
import id.go.imigrasi.mpaspor.contracts.IntegrationEvent;

/** A scheduled appointment moved with its booking (BookingRescheduled); the booking code stays the same. */
@EventType(service = "biometric", name = "AppointmentMoved")
public record AppointmentMoved(String appointmentId, String applicationId, String applicantId, String officeCode,
        LocalDate fromDate, String fromSession, LocalDate toDate, String toSession, String bookingCode)
        implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return applicationId;
    }
}

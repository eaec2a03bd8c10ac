package id.go.imigrasi.mpaspor.contracts.quota;

import java.time.LocalDate;

import id.go.imigrasi.mpaspor.contracts.EventType;
import id.go.imigrasi.mpaspor.contracts.IntegrationEvent;

/** A paid booking moved to another date or session of the same office. */
@EventType(service = "quota", name = "BookingRescheduled")
public record BookingRescheduled(String holdId, String applicationId, String officeCode, LocalDate fromDate,
        String fromSession, LocalDate toDate, String toSession, int reschedulesUsed) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return holdId;
    }
}

package id.go.imigrasi.mpaspor.contracts.quota;

import java.time.LocalDate;
import java.util.List;

import id.go.imigrasi.mpaspor.contracts.EventType;
import id.go.imigrasi.mpaspor.contracts.IntegrationEvent;

/** The bill of the hold was paid: the hold is now a booking for the office visit. */
@EventType(service = "quota", name = "HoldConfirmed")
public record HoldConfirmed(String holdId, String applicationId, String officeCode, LocalDate date,
        String session, String service, List<String> niks) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return holdId;
    }
}

package id.go.imigrasi.mpaspor.contracts.quota;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import id.go.imigrasi.mpaspor.contracts.EventType;
import id.go.imigrasi.mpaspor.contracts.IntegrationEvent;

/** Capacity was taken for the given NIKs until {@code expiresAt}. Session: MORNING or AFTERNOON. */
@EventType(service = "quota", name = "SlotHeld")
public record SlotHeld(String holdId, String accountId, String officeCode, LocalDate date, String session,
        String service, List<String> niks, Instant expiresAt) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return holdId;
    }
}

package id.go.imigrasi.mpaspor.contracts.quota;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import id.go.imigrasi.mpaspor.contracts.EventType;
import id.go.imigrasi.mpaspor.contracts.IntegrationEvent;

/**
 * Capacity was taken for the given NIKs until {@code expiresAt}. Session: MORNING or AFTERNOON; service: the line
 * whose places were taken (REGULAR or SAME_DAY); passportKind: ORDINARY or ELECTRONIC, the kind the date was checked
 * open for (an ELECTRONIC hold also serves ordinary passports). {@code passportKind} is null in events published
 * before it existed (read as ORDINARY).
 */
@EventType(service = "quota", name = "SlotHeld")
public record SlotHeld(String holdId, String accountId, String officeCode, LocalDate date, String session,
        String service, List<String> niks, Instant expiresAt, String passportKind) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return holdId;
    }
}

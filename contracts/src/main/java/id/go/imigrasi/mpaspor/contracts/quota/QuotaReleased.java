package id.go.imigrasi.mpaspor.contracts.quota;

import java.time.Instant;
import java.time.LocalDate;

import id.go.imigrasi.mpaspor.contracts.EventType;
import id.go.imigrasi.mpaspor.contracts.IntegrationEvent;

/**
 * A batch of quota went on sale at {@code releasedAt}: the office's dates {@code fromDate..toDate} are bookable,
 * {@code slots} places in all (every service line and session). Key: the office code.
 */
@EventType(service = "quota", name = "QuotaReleased")
public record QuotaReleased(String releaseId, String officeCode, LocalDate fromDate, LocalDate toDate, int slots,
        Instant releasedAt) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return officeCode;
    }
}

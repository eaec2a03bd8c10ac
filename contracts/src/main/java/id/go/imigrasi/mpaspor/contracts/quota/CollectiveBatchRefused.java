package id.go.imigrasi.mpaspor.contracts.quota;

import java.time.LocalDate;
import java.time.Instant;

import id.go.imigrasi.mpaspor.contracts.EventType;
import id.go.imigrasi.mpaspor.contracts.IntegrationEvent;

/**
 * quota-service could not take the places of a collective batch (CollectiveBatchRegistered) and took none:
 * {@code reason} NOT_ENOUGH_PLACES (the PRIORITY_WALK_IN line of {@code date} and {@code session} has only
 * {@code remaining} of the {@code requested} places left), NOT_RELEASED (that date's quota is not released yet),
 * CLOSED (the office is closed then, or has no walk-in places), E_PASSPORT_CLOSED (no electronic passports on that
 * date) or NIK_ALREADY_HELD (a member's NIK is already bound to another hold or booking). Key: the batch id.
 */
@EventType(service = "quota", name = "CollectiveBatchRefused")
public record CollectiveBatchRefused(String batchId, String officeCode, LocalDate date, String session, String reason,
        int requested, int remaining, Instant refusedAt) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return batchId;
    }
}

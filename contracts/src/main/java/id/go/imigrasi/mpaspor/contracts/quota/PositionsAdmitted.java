package id.go.imigrasi.mpaspor.contracts.quota;

import java.time.Instant;
import java.util.List;

import id.go.imigrasi.mpaspor.contracts.EventType;
import id.go.imigrasi.mpaspor.contracts.IntegrationEvent;

/**
 * The positions {@code fromPosition..toPosition} of a release's waiting room were admitted at {@code admittedAt}: their
 * holders ({@code accountIds}, in position order; positions nobody holds are skipped) may exchange their ticket for a
 * hold pass until {@code claimUntil}. account-service mails each of them "it is your turn". Key: the release id.
 */
@EventType(service = "quota", name = "PositionsAdmitted", description = "The positions"
        + " fromPosition..toPosition of a release's waiting room were admitted at admittedAt, at the rate quota-service"
        + " places holds within its latency target: their holders (accountIds, in position order) may exchange their"
        + " ticket for a hold pass (POST .../waiting-room/pass) until claimUntil. application-service mails each of them"
        + " \"it is your turn\". Key: the release id.")
public record PositionsAdmitted(String releaseId, String officeCode, long fromPosition, long toPosition,
        List<String> accountIds, Instant admittedAt, Instant claimUntil) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return releaseId;
    }
}

package id.go.imigrasi.mpaspor.contracts.quota;

import java.time.Instant;

import id.go.imigrasi.mpaspor.contracts.EventType;
import id.go.imigrasi.mpaspor.contracts.IntegrationEvent;

/**
 * Every place of a release is held or booked: everyone still waiting in its waiting room ({@code stillWaiting}
 * accounts) is told at once, with the office's next release ({@code nextReleaseAt}, null when none is planned yet).
 * Key: the release id.
 */
@EventType(service = "quota", name = "ReleaseSoldOut", description = "Every place of a release is held"
        + " or booked: everyone still waiting in its waiting room (stillWaiting accounts) is told at once, with the"
        + " office's next release (nextReleaseAt, null when none is planned yet), so nobody waits for nothing. Key: the"
        + " release id.")
public record ReleaseSoldOut(String releaseId, String officeCode, Instant soldOutAt, long stillWaiting,
        Instant nextReleaseAt) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return releaseId;
    }
}

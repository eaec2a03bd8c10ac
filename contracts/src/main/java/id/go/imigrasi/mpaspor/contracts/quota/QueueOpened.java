package id.go.imigrasi.mpaspor.contracts.quota;

import java.time.Instant;
import java.time.LocalDate;

import id.go.imigrasi.mpaspor.contracts.EventType;
import id.go.imigrasi.mpaspor.contracts.IntegrationEvent;

/**
 * The waiting room of a quota release opened: verified accounts may join it from {@code opensAt}; everyone who joins
 * before {@code releaseAt} is put in random order at {@code releaseAt}, later arrivals queue behind them first come,
 * first served. During the window ({@code releaseAt} to {@code closesAt}) a hold on the release's dates needs a hold
 * pass from the waiting room. Key: the release id.
 */
@EventType(service = "quota", name = "QueueOpened", description = "The waiting room of a quota release opened:"
        + " verified accounts may join it (GET the challenge, POST /releases/{releaseId}/waiting-room/entries with the"
        + " solved proof of work) from opensAt. Everyone who joins before releaseAt is put in random order at releaseAt;"
        + " later arrivals queue behind them first come, first served. From releaseAt until closesAt (or the sell-out)"
        + " a hold on the dates fromDate..toDate needs a hold pass from the room. Key: the release id.")
public record QueueOpened(String releaseId, String officeCode, LocalDate fromDate, LocalDate toDate, Instant opensAt,
        Instant releaseAt, Instant closesAt) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return releaseId;
    }
}

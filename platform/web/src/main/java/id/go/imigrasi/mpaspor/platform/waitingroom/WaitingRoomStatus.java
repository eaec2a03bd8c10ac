package id.go.imigrasi.mpaspor.platform.waitingroom;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a position check answers, and what the room alone looks like (position, ahead, ticket and Retry-After null):
 * the (possibly re-issued) ticket, the position (null in the pre-queue), how many are ahead, how many are in the
 * queue, the estimated wait, places left, and when to ask again. quota-service answers it, and the gateway answers a
 * check itself from the room as quota-service last showed it ({@link Positions}: one rule for both).
 */
@Schema(name = "WaitingRoomStatus")
public record WaitingRoomStatus(UUID releaseId, String officeCode, State state, String ticket, Long position,
        Long ahead, long admittedUpTo, long queued, Long estimatedWaitSeconds, Integer placesLeft, Instant releaseAt,
        Instant nextReleaseAt, Instant updatedAt, Long retryAfterSeconds, LocalDate fromDate, LocalDate toDate,
        Instant opensAt, Instant closesAt,
        @Schema(description = "When the pre-queue was put in random order (null until releaseAt)") Instant shuffledAt,
        @Schema(description = "When the last place was taken (null while places are left)") Instant soldOutAt,
        @Schema(description = "Positions admitted per second lately (the estimated wait divides by it)") double admitRatePerSecond) {

    /** Where a person stands. */
    @Schema(name = "WaitingRoomState")
    public enum State {
        /** Joined before {@code releaseAt}: the order is drawn at {@code releaseAt}. */
        PRE_QUEUE,
        /** Has a position, not yet admitted. */
        WAITING,
        /** Admitted: may take a hold pass now. */
        ADMITTED,
        /** Every place is taken: stop waiting ({@code nextReleaseAt}). */
        SOLD_OUT,
        /** The window is over: holds are first come, first served again. */
        CLOSED
    }

    /** Whether nothing more will change for a person in line: admitted, sold out or closed. */
    public boolean terminal() {
        return state == State.ADMITTED || state == State.SOLD_OUT || state == State.CLOSED;
    }
}

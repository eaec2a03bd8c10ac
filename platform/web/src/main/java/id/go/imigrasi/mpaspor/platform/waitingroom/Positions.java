package id.go.imigrasi.mpaspor.platform.waitingroom;

import java.time.Duration;
import java.time.Instant;

import id.go.imigrasi.mpaspor.platform.waitingroom.WaitingRoomStatus.State;

/**
 * The one rule of what a person in line sees: their state, how many are ahead, the estimated wait and when to ask
 * again, from the room's shared numbers ("admitted up to N", places left, the admission rate, sold out, closed) and
 * the position of their ticket. quota-service applies it to the rows every instance polls; the gateway applies it to
 * the room as quota-service last showed it, so the edge answers a check with the same words without asking.
 */
public final class Positions {

    /**
     * People fewer than this many times the places left from the head of the line are asked back each second: they
     * are the next admitted if everyone before them holds, and the sooner they notice, the sooner the places are
     * held. Once is enough: every place is at most one poll a second, 450 polls a second for 450 places.
     */
    static final long HEAD_OF_LINE_PLACES = 1;

    private Positions() {
    }

    /**
     * The person's view of {@code room} (whose own state, ticket and position are ignored) at {@code now}; position
     * null: the room alone, without Retry-After.
     */
    public static WaitingRoomStatus status(WaitingRoomStatus room, String ticket, Long position, Instant now) {
        State state;
        Long ahead = null;
        Long wait = null;
        Long retryAfter = null;
        if (room.soldOutAt() != null) {
            state = State.SOLD_OUT;
        } else if (!now.isBefore(room.closesAt())) {
            state = State.CLOSED;
        } else if (position == null || position == 0) {
            state = room.shuffledAt() == null ? State.PRE_QUEUE : State.WAITING;
            long untilRelease = Duration.between(now, room.releaseAt()).toSeconds();
            retryAfter = room.shuffledAt() == null ? clamp(untilRelease / 4, 1, 30) : 1L;
        } else if (position <= room.admittedUpTo()) {
            state = State.ADMITTED;
        } else {
            state = State.WAITING;
            ahead = position - room.admittedUpTo() - 1;
            if (room.admitRatePerSecond() > 0.01) {
                wait = (long) Math.ceil(ahead / room.admitRatePerSecond());
            }
            retryAfter = wait == null ? 2L : clamp(wait / 4, 1, 15);
            if (room.placesLeft() != null && ahead < HEAD_OF_LINE_PLACES * room.placesLeft()) {
                // near the head: likely admitted within moments, so asked back each second; at wait / 4 an admitted
                // person noticed up to 15 s late and holds came at 2/s (the 2026-12-04 benchmark), paced by polls
                retryAfter = 1L;
            }
        }
        return new WaitingRoomStatus(room.releaseId(), room.officeCode(), state, ticket,
                position == null || position == 0 ? null : position, ahead, room.admittedUpTo(), room.queued(), wait,
                room.placesLeft(), room.releaseAt(), room.nextReleaseAt(), room.updatedAt(),
                position == null ? null : retryAfter, room.fromDate(), room.toDate(), room.opensAt(), room.closesAt(),
                room.shuffledAt(), room.soldOutAt(), room.admitRatePerSecond());
    }

    private static long clamp(long value, long min, long max) {
        return Math.max(min, Math.min(max, value));
    }
}

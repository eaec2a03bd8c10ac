package id.go.imigrasi.mpaspor.quota.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.quota.repository.WaitingRoomRepository.Room;

/**
 * When a person in line is asked back (Retry-After): each second near the head of the line, where the next
 * admission tick may reach them; a quarter of the estimated wait (1 to 15 s) further back.
 */
class WaitingRoomStatusTest {

    private static final Instant NOW = Instant.parse("2026-12-07T01:05:00Z");

    /** 450 places left, positions 1..1,000 admitted, 20 admitted a second lately. */
    private static Room room(Integer placesLeft) {
        Instant releaseAt = Instant.parse("2026-12-07T01:00:00Z");
        return new Room(UUID.fromString("0b6c3f8e-9d1a-4c2e-8f00-1a2b3c4d5e6f"), "SBY", LocalDate.of(2026, 12, 14),
                LocalDate.of(2026, 12, 18), releaseAt.minusSeconds(1800), releaseAt, releaseAt.plusSeconds(7200),
                releaseAt.minusSeconds(1800), releaseAt, 12_000, 20_000, 1_000, 20.0, placesLeft, null, null,
                NOW.minusSeconds(1));
    }

    @Test
    void nearTheHeadOfTheLineAPersonIsAskedBackEachSecond() {
        var justBehind = WaitingRoomService.status(room(450), "t", 1_001L, NOW);
        assertThat(justBehind.state()).isEqualTo(id.go.imigrasi.mpaspor.platform.waitingroom.WaitingRoomStatus.State.WAITING);
        assertThat(justBehind.ahead()).isZero();
        assertThat(justBehind.retryAfterSeconds()).isEqualTo(1L);
        // 449 ahead, fewer than the 450 places left: still at the head
        assertThat(WaitingRoomService.status(room(450), "t", 1_450L, NOW).retryAfterSeconds()).isEqualTo(1L);
    }

    @Test
    void furtherBackAQuarterOfTheEstimatedWaitUpToFifteenSeconds() {
        // 450 ahead at 20 a second: 23 s to wait, asked back in 5 s; 900 ahead: 45 s, in 11 s; at most 15 s
        var behind = WaitingRoomService.status(room(450), "t", 1_451L, NOW);
        assertThat(behind.ahead()).isEqualTo(450L);
        assertThat(behind.estimatedWaitSeconds()).isEqualTo(23L);
        assertThat(behind.retryAfterSeconds()).isEqualTo(5L);
        assertThat(WaitingRoomService.status(room(450), "t", 1_901L, NOW).retryAfterSeconds()).isEqualTo(11L);
        assertThat(WaitingRoomService.status(room(450), "t", 15_000L, NOW).retryAfterSeconds()).isEqualTo(15L);
        // the places left not yet known: the estimate alone
        assertThat(WaitingRoomService.status(room(null), "t", 1_100L, NOW).retryAfterSeconds()).isEqualTo(1L);
        assertThat(WaitingRoomService.status(room(null), "t", 1_901L, NOW).retryAfterSeconds()).isEqualTo(11L);
    }
}

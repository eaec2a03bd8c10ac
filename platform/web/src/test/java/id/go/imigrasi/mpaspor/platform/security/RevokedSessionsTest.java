package id.go.imigrasi.mpaspor.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

/** A revoked session is refused until its tokens can no longer be valid, then forgotten. */
class RevokedSessionsTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-04T08:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    @Test
    void aRevokedSessionIsRefusedUntilItsTokensHaveExpiredThenForgotten() {
        RevokedSessions revoked = new RevokedSessions(clock);
        revoked.revoke("s-1", now.get().plus(Duration.ofMinutes(16)));
        assertThat(revoked.isRevoked("s-1")).isTrue();
        assertThat(revoked.isRevoked("s-2")).isFalse();
        assertThat(revoked.isRevoked(null)).isFalse();

        now.set(now.get().plus(Duration.ofMinutes(17)));
        assertThat(revoked.isRevoked("s-1")).isFalse();
        revoked.revoke("s-3", now.get().plus(Duration.ofMinutes(16)));
        assertThat(revoked.size()).as("expired entries swept").isEqualTo(1);
    }

    @Test
    void aRevocationThatHasAlreadyRunOutIsNotKept() {
        RevokedSessions revoked = new RevokedSessions(clock);
        revoked.revoke("old", now.get().minusSeconds(1));
        assertThat(revoked.isRevoked("old")).isFalse();
        assertThat(revoked.size()).isZero();
    }
}

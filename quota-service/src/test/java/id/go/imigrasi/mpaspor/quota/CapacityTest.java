package id.go.imigrasi.mpaspor.quota;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.quota.domain.Capacity;
import id.go.imigrasi.mpaspor.quota.domain.Capacity.Bookability;

/** The no-overbooking rule in Java (Capacity.bookability), without a database: each term, and which reason wins. */
class CapacityTest {

    private static final Instant NOW = Instant.parse("2026-12-04T01:00:00Z");

    private static Capacity slot(int capacity, int held) {
        Capacity c = new Capacity();
        c.capacity = capacity;
        c.held = held;
        c.releaseAt = NOW.minusSeconds(60);
        return c;
    }

    @Test
    void placesThatFitAreBookableUpToTheLastOne() {
        assertThat(slot(10, 0).bookability(5, false, NOW)).isEqualTo(Bookability.BOOKABLE);
        assertThat(slot(10, 9).bookability(1, false, NOW)).isEqualTo(Bookability.BOOKABLE);
        assertThat(slot(10, 5).bookability(5, true, NOW)).isEqualTo(Bookability.BOOKABLE);
    }

    @Test
    void oneMorePlaceThanIsFreeIsFull() {
        assertThat(slot(10, 10).bookability(1, false, NOW)).isEqualTo(Bookability.FULL);
        assertThat(slot(10, 8).bookability(3, false, NOW)).isEqualTo(Bookability.FULL);
    }

    @Test
    void aSlotIsNotBookableBeforeItsReleaseButIsAtTheReleaseInstant() {
        Capacity c = slot(10, 0);
        c.releaseAt = NOW.plusNanos(1_000);
        assertThat(c.bookability(1, false, NOW)).isEqualTo(Bookability.NOT_RELEASED);
        c.releaseAt = NOW;
        assertThat(c.bookability(1, false, NOW)).isEqualTo(Bookability.BOOKABLE);
    }

    @Test
    void aClosedDayOrADayWithoutPlacesIsClosed() {
        Capacity closed = slot(10, 0);
        closed.closed = true;
        assertThat(closed.bookability(1, false, NOW)).isEqualTo(Bookability.CLOSED);
        assertThat(slot(0, 0).bookability(1, false, NOW)).isEqualTo(Bookability.CLOSED);
    }

    @Test
    void aDateClosedToEPassportsRefusesOnlyElectronicPassports() {
        Capacity c = slot(10, 0);
        c.ePassportClosed = true;
        assertThat(c.bookability(1, true, NOW)).isEqualTo(Bookability.E_PASSPORT_CLOSED);
        assertThat(c.bookability(1, false, NOW)).isEqualTo(Bookability.BOOKABLE);
    }

    @Test
    void theReasonsComeInTheOrderTheApplicantIsToldThem() {
        Capacity c = slot(10, 10);
        c.ePassportClosed = true;
        c.closed = true;
        c.releaseAt = NOW.plusSeconds(1);
        assertThat(c.bookability(1, true, NOW)).isEqualTo(Bookability.NOT_RELEASED);
        c.releaseAt = NOW;
        assertThat(c.bookability(1, true, NOW)).isEqualTo(Bookability.CLOSED);
        c.closed = false;
        assertThat(c.bookability(1, true, NOW)).isEqualTo(Bookability.E_PASSPORT_CLOSED);
        assertThat(c.bookability(1, false, NOW)).isEqualTo(Bookability.FULL);
    }
}

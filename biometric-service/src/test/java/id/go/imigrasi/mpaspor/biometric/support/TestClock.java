package id.go.imigrasi.mpaspor.biometric.support;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import jakarta.inject.Singleton;

/**
 * The service's clock in tests (it replaces the default office clock bean): follows the system clock until a test
 * sets "now", e.g. to the appointment day at the office.
 */
@Singleton
public class TestClock extends Clock {

    public static final ZoneId WIB = ZoneId.of("Asia/Jakarta");

    private volatile Instant fixed;

    /** From now on the service's "now" is this office-local date and time. */
    public void setOfficeTime(LocalDate date, LocalTime time) {
        fixed = ZonedDateTime.of(date, time, WIB).toInstant();
    }

    public void set(Instant instant) {
        fixed = instant;
    }

    public void reset() {
        fixed = null;
    }

    @Override
    public ZoneId getZone() {
        return WIB;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }

    @Override
    public Instant instant() {
        Instant f = fixed;
        return f != null ? f : Instant.now();
    }
}

package id.go.imigrasi.mpaspor.biometric.config;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.arc.DefaultBean;

/**
 * The service's one clock, in the office time zone: "today" at check-in, the no-show cut-off, the ready date and
 * the collection deadline all read it. Tests replace it with a settable one; a rehearsal shifts it with
 * {@code mpaspor.biometric.clock-offset}.
 */
public class Clocks {

    @Produces
    @Singleton
    @DefaultBean
    Clock officeClock(BiometricConfig config) {
        Clock office = Clock.system(config.timeZone());
        return config.clockOffset().isZero() ? office : Clock.offset(office, config.clockOffset());
    }
}

package id.go.imigrasi.mpaspor.platform.mail;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The clock bean a service's {@code config/Clocks} provides (platform-events' Outbox needs one to start). */
class ServiceClock {

    @Produces
    @Singleton
    Clock systemClock() {
        return Clock.systemUTC();
    }
}

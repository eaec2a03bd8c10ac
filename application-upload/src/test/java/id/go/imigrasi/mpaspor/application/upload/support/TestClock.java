package id.go.imigrasi.mpaspor.application.upload.support;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.arc.DefaultBean;

/**
 * The clock of the module's test harness: in a deployable, the application provides the one {@code Clock} the
 * platform's outbox reads (application-service: {@code config.Clocks}); the module ships none of its own.
 */
public class TestClock {

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }
}

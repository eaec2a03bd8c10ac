package id.go.imigrasi.mpaspor.upload.config;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.arc.DefaultBean;

/**
 * The service's one clock: every "now" of its logic (the upload module's deadlines, the platform's outbox) reads it,
 * never {@code Instant.now()}. A test that needs another "now" produces its own {@code Clock} bean.
 */
public class Clocks {

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }
}

package id.go.imigrasi.mpaspor.web;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.arc.DefaultBean;

/**
 * The website's clock for what a page says about "now" (an office open now, today in the office's week). A test that
 * needs another "now" provides its own {@code Clock} bean, which replaces this default one (as in the services).
 */
public class Clocks {

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }
}

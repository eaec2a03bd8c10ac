package id.go.imigrasi.mpaspor.upload.client;

import java.time.Duration;

/** Waits between attempts; injectable so tests can observe and skip the waits. */
@FunctionalInterface
public interface Sleeper {

    Sleeper SYSTEM = duration -> {
        if (!duration.isNegative() && !duration.isZero()) {
            Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
        }
    };

    void sleep(Duration duration) throws InterruptedException;
}

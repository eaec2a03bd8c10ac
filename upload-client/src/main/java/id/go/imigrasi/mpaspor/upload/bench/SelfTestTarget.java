package id.go.imigrasi.mpaspor.upload.bench;

import java.io.IOException;
import java.net.URI;

/**
 * A tus server the benchmark can start for itself ({@code --self-test}), found with {@link java.util.ServiceLoader}.
 * The module's test sources provide one (a JDK HTTP server storing to a temp directory), so the driver can be
 * proven end to end without the real service: run it with the test classes on the class path
 * ({@code load/bench/upload/run.sh --self-test} does).
 */
public interface SelfTestTarget extends AutoCloseable {

    /** The creation URL. */
    URI endpoint();

    /** The HEAD header carrying the SHA-256 of a finished upload. */
    String sha256Header();

    @Override
    void close();

    /** Starts a target. */
    interface Factory {
        /** @param maxConcurrentPatches past this, PATCH is shed with 503 + Retry-After */
        SelfTestTarget start(int maxConcurrentPatches) throws IOException;
    }
}

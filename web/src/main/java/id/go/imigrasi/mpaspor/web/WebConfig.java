package id.go.imigrasi.mpaspor.web;

import java.net.URI;
import java.time.Duration;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code mpaspor.web.*}: where the public API is, and how long a visitor's session lives. */
@ConfigMapping(prefix = "mpaspor.web")
public interface WebConfig {

    /** The gateway's public API ({@code .../api/v1}); the website calls nothing else. */
    URI apiUrl();

    /**
     * The local address the connections to the API leave from (127.0.0.3 in the launcher): the gateway trusts the
     * {@code X-Forwarded-For} of this address only, so each visitor has their own rate-limit buckets. Empty: any.
     */
    java.util.Optional<String> clientAddress();

    /** How long to wait for one answer of the API before showing the "busy" page. */
    @WithDefault("PT15S")
    Duration apiTimeout();

    /** A session unused for this long is forgotten (the visitor logs in again). */
    @WithDefault("PT30M")
    Duration sessionIdle();

    /** Most sessions kept at once; the least recently used go first beyond it. */
    @WithDefault("100000")
    int maxSessions();

    /** The session cookie's key of id "main" (base64 of 32 random bytes), the same on every instance. */
    java.util.Optional<String> sessionKey();

    /**
     * More keys by id (a rotation): all of them open cookies; {@link #sessionKeyId()} seals. No key at all: a
     * random key of this process.
     */
    java.util.Map<String, String> sessionKeys();

    /** The key that seals new cookies (the others only open older ones, during a rotation). */
    java.util.Optional<String> sessionKeyId();

    /**
     * Waiting-room pages followed by Server-Sent Events at once on this instance (each holds one connection to the
     * API, in a pool of their own so they never take the pages' connections); beyond it a page polls instead.
     */
    @WithDefault("2000")
    int maxStreams();

    /** Seconds between two looks at a bill waiting for its payment, or a document being validated. */
    @WithDefault("4")
    int pollSeconds();

    /**
     * The largest body of the documents page's plain upload form (no JavaScript): a bit above the API's largest
     * document ({@code limits.maxBytes}, 2 MiB) for the multipart envelope, and at most
     * {@code quarkus.http.limits.max-body-size}. A bigger body is read and thrown away ({@link #uploadFormDrain()})
     * and the page says beside the field that the file is too large.
     */
    @WithDefault("3M")
    MemorySize uploadFormLimit();

    /**
     * How much of a too large form body is read and thrown away so that the browser gets the page that says so
     * (a browser whose request is cut off shows "connection reset" instead); beyond it the connection is closed.
     */
    @WithDefault("32M")
    MemorySize uploadFormDrain();
}

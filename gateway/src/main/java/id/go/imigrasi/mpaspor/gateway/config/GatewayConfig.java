package id.go.imigrasi.mpaspor.gateway.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code mpaspor.gateway.*}: where the services are, how long to wait for them, and the rate limits. */
@ConfigMapping(prefix = "mpaspor.gateway")
public interface GatewayConfig {

    /** Base URL of each upstream service (scheme, host, port). */
    Routes routes();

    /**
     * The public API's base URL as clients reach it (behind any load balancer), e.g.
     * {@code https://api.mpaspor.go.id/api/v1}: the services' {@code Location}s are rewritten onto it and the services
     * learn its host as {@code X-Forwarded-Host}; the client's {@code Host} is never used for either.
     */
    URI publicBaseUrl();

    Proxy proxy();

    RateLimits rateLimits();

    /**
     * The proxies (load balancers) whose {@code X-Forwarded-For} the gateway believes: IP addresses and CIDR
     * ranges, IPv4 and IPv6. Empty: nobody is trusted, the client is the connection's peer.
     */
    Optional<List<String>> trustedProxies();

    Docs docs();

    Health health();

    /** What the gateway reads of a request; beyond, a problem+json 414, 431 or 413 (see HttpLayerProblems). */
    Limits limits();

    /** The security headers of every answer (see SecurityHeaders). */
    SecurityHeaders securityHeaders();

    /** Position checks of the waiting rooms answered at the edge (see PositionChecks). */
    WaitingRoom waitingRoom();

    interface WaitingRoom {
        /**
         * The secret quota-service signs the waiting room's tickets with ({@code MPASPOR_WAITING_ROOM_SECRET}). Absent:
         * the gateway cannot read tickets, and every check goes to quota-service as any other request.
         */
        Optional<String> secret();

        /** How often a room being checked is read again from quota-service. */
        @WithDefault("250ms")
        Duration refreshInterval();

        /** A room copy older than this is not answered from: the check goes to quota-service. */
        @WithDefault("2s")
        Duration maxAge();

        /** A room nobody checked for this long is forgotten (and no longer read). */
        @WithDefault("2m")
        Duration keepFor();

        /**
         * The proof-of-work's {@code maxnumber} in the challenges the edge issues: the same as quota-service's
         * {@code pow-max-number} (both read {@code MPASPOR_WAITING_ROOM_POW_MAX_NUMBER}). A difference only changes how
         * hard a challenge is: quota-service verifies the hash and the signature, not the number's range.
         */
        @WithDefault("100000")
        int powMaxNumber();

        /** Whether the edge issues challenges at all (false: every one goes to quota-service, as before). */
        @WithDefault("true")
        boolean edgeChallenges();

        /** How long a challenge issued at the edge may be solved and sent: quota-service's {@code pow-lifetime}. */
        @WithDefault("10m")
        Duration powLifetime();
    }

    interface SecurityHeaders {
        /** {@code Referrer-Policy}, unless the answer has one. */
        @WithDefault("no-referrer")
        String referrerPolicy();

        /** {@code Content-Security-Policy}, unless the answer has one (a web page brings its own). */
        @WithDefault("frame-ancestors 'none'")
        String contentSecurityPolicy();

        /** {@code Strict-Transport-Security}, sent only on a request that came over TLS. */
        @WithDefault("max-age=31536000; includeSubDomains")
        String strictTransportSecurity();

        /** Public path prefixes whose answers are never stored by a browser or cache ({@code Cache-Control: no-store}). */
        List<String> noStore();
    }

    interface Limits {
        /** Longest request target (path and query), in characters. */
        @WithDefault("4096")
        int maxUriLength();

        /** Largest header block (names, values, separators), in bytes. */
        @WithDefault("20480")
        int maxHeaderSize();

        /** Largest declared body ({@code Content-Length}); the services bound their own. */
        @WithDefault("1073741824")
        long maxBodySize();
    }

    interface Routes {
        URI account();

        URI application();

        URI quota();

        URI billing();

        URI biometric();

        /** upload-service: the documents' resumable (tus) uploads. */
        URI upload();
    }

    interface Proxy {
        /** A service that does not accept the connection within this is answered 503 at once. */
        Duration connectTimeout();

        /** No byte from the service within this (headers or body): the request fails with 503, never hangs. */
        Duration responseTimeout();

        /**
         * Routes that may take longer than {@link #responseTimeout()}: {@code <public path prefix>=<duration>}
         * (e.g. {@code /api/v1/bills=20s}), the longest prefix wins.
         */
        Optional<List<String>> slowRoutes();

        /** The same for a tus PATCH ({@code application/offset+octet-stream}): the service answers after the body. */
        Duration uploadTimeout();

        /**
         * The Retry-After the gateway sends with its own 503 when a service is unreachable, and with a request it sheds
         * while few are shed; a crowd shed for a service is told longer, up to {@link #maxRetryAfter()}.
         */
        Duration retryAfter();

        /** The longest Retry-After of a shed request ({@code CrowdRetryAfter}, see {@code UpstreamAdmission}). */
        @WithDefault("PT30S")
        Duration maxRetryAfter();

        /** Connections kept per service. */
        int maxPoolSize();

        /**
         * Requests waiting for one of those connections; beyond, and after the connect timeout in the queue, the
         * answer is 503 at once rather than a growing backlog.
         */
        int maxWaitQueue();

        /**
         * Public path prefixes ({@code *}: one path segment) sent to the service over HTTP/2 without TLS (h2c, prior
         * knowledge), many requests at once on {@link #multiplexedConnections()} connections, instead of one request
         * per HTTP/1.1 connection of the pool. Empty (the default): every request over HTTP/1.1. With a waiting
         * room's checks and challenges on it, the 2026-12-05 benchmark was worse than without (load/README.md).
         */
        Optional<List<String>> multiplexed();

        /** HTTP/2 connections kept per service for {@link #multiplexed()} requests. */
        @WithDefault("4")
        int multiplexedConnections();

        /** How many requests go to each service at once (see {@code UpstreamAdmission}). */
        Admission admission();

        interface Admission {
            @WithDefault("true")
            boolean enabled();

            /** Fewest requests in flight to one service, however slow it answers. */
            @WithDefault("8")
            int minInFlight();

            /** The limit when the gateway starts (the most is {@link Proxy#maxPoolSize()}). */
            @WithDefault("32")
            int initialInFlight();

            /** The latency a service's admitted requests should keep, queues included. */
            @WithDefault("PT0.5S")
            Duration targetLatency();

            /** How often each limit is adapted. */
            @WithDefault("PT0.1S")
            Duration window();

            /**
             * A service none of whose requests was answered for this long while one waits this long is stalled:
             * further requests get 503 at once; after a request ran into its deadline, one probe at a time
             * goes through until the service answers again.
             */
            @WithDefault("PT1S")
            Duration stallAfter();

            /**
             * Public path prefixes not counted ({@code *}: one path segment): tus uploads (the service admits them
             * itself), a waiting room's position checks and event streams (no database, and a stream is open for
             * minutes: counted, they would take the places of the requests that do need the service's pool).
             */
            @WithDefault("/api/v1/uploads")
            List<String> exclude();
        }
    }

    interface RateLimits {
        boolean enabled();

        /** Every request from one client IP. */
        Limit perIp();

        /** Every authenticated request of one account (JWT subject), whatever IP it comes from. */
        Limit perAccount();

        /** Per client IP, on top of the general one: login and refresh. */
        Limit login();

        /** Per client IP: OTP requests and account verification (brute force of the 6 digits). */
        Limit otp();

        /** Per client IP: POST /accounts. */
        Limit registration();

        /** Per client IP: password reset request and confirmation. */
        Limit passwordReset();

        /** Per client IP: the status check without login (an application number, a NIK and a birth date). */
        Limit statusCheck();

        /** A bucket not used for this long is forgotten (it would be full again anyway). */
        Duration idleExpiry();

        /** Bound of the bucket map per scope. */
        long maxKeys();
    }

    interface Limit {
        /** Requests allowed in a burst. */
        long capacity();

        /** Time to refill the whole capacity (greedily, token by token). */
        Duration period();
    }

    interface Docs {
        /** How long an aggregated OpenAPI document is served before the services are asked again. */
        Duration cacheTtl();

        /** How long to wait for one service's OpenAPI document before listing it as missing. */
        Duration fetchTimeout();
    }

    interface Health {
        /** How long the result of probing the services' liveness is reused. */
        Duration cacheTtl();

        /** How long to wait for one service's /q/health/live. */
        Duration timeout();
    }
}

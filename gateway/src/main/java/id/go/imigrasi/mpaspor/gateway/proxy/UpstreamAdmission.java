package id.go.imigrasi.mpaspor.gateway.proxy;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.gateway.config.GatewayConfig;
import id.go.imigrasi.mpaspor.gateway.routing.Upstream;
import id.go.imigrasi.mpaspor.platform.admission.AdaptiveLimit;
import id.go.imigrasi.mpaspor.platform.admission.CrowdRetryAfter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * How many requests the gateway sends to each service at once, adapted to the latency the service gives them,
 * the time in its queues included ({@link AdaptiveLimit}: fewer while answers are slow under load, more while
 * they are quick at the limit; at most the connection pool). The gateway sees what a service cannot: how long a
 * request waited before the service even read it. Without this, an overloaded service fills the gateway's pool
 * and every further request waits there for the connect timeout before its 503; with it, the excess is answered
 * 503 + Retry-After at once, and what is admitted is answered in time. Paths with their own admission in the
 * service (tus uploads: long by nature) are not counted. Metrics: {@code mpaspor.gateway.upstream.limit} and
 * {@code mpaspor.gateway.upstream.in.flight} by service.
 */
@ApplicationScoped
public class UpstreamAdmission {

    /** A place in flight; {@link #release()} once, when the response ended or the connection closed. */
    public interface Place {
        void release();
    }

    private static final Place UNCOUNTED = () -> {
    };

    private final GatewayConfig.Proxy.Admission policy;
    private final List<java.util.regex.Pattern> excluded;
    private final ResponseDeadlines deadlines;
    private final Map<Upstream, AdaptiveLimit> limits = new EnumMap<>(Upstream.class);
    private final Map<Upstream, Stall> stalls = new EnumMap<>(Upstream.class);
    private final Map<Upstream, CrowdRetryAfter> crowds = new EnumMap<>(Upstream.class);

    public UpstreamAdmission(GatewayConfig config, ResponseDeadlines deadlines, MeterRegistry registry) {
        this.policy = config.proxy().admission();
        this.deadlines = deadlines;
        this.excluded = policy.exclude().stream().map(UpstreamAdmission::prefixPattern).toList();
        int max = config.proxy().maxPoolSize();
        for (Upstream upstream : Upstream.values()) {
            AdaptiveLimit limit = new AdaptiveLimit(policy.minInFlight(), policy.initialInFlight(), max,
                    policy.targetLatency(), policy.window(), System::nanoTime);
            limits.put(upstream, limit);
            stalls.put(upstream, new Stall(policy.stallAfter().toNanos(), System.nanoTime()));
            crowds.put(upstream, new CrowdRetryAfter(config.proxy().retryAfter(), config.proxy().maxRetryAfter(),
                    System::nanoTime));
            if (policy.enabled()) {
                Gauge.builder("mpaspor.gateway.upstream.limit", limit, AdaptiveLimit::limit).strongReference(true)
                        .tag("service", upstream.serviceName())
                        .description("Requests sent to the service at once, as adapted to its latency").register(registry);
                Gauge.builder("mpaspor.gateway.upstream.in.flight", limit, AdaptiveLimit::inFlight)
                        .strongReference(true).tag("service", upstream.serviceName())
                        .description("Requests sent to the service and not yet answered").register(registry);
            }
        }
    }

    /** A place for a request of {@code path} to {@code upstream}, or null when the service has enough in flight. */
    public Place admit(Upstream upstream, String path) {
        return place(upstream, path, false);
    }

    /**
     * A place for a request that goes ahead of the limit (a hold the waiting room admitted: {@code AdmittedHolds}),
     * or null only when the service has stalled. It is in flight as any other (the limit's count and the stall watch
     * see it, so the others make room for it), but never refused for the limit.
     */
    public Place admitAhead(Upstream upstream, String path) {
        return place(upstream, path, true);
    }

    private Place place(Upstream upstream, String path, boolean ahead) {
        if (!counted(path)) {
            return UNCOUNTED;
        }
        AdaptiveLimit limit = limits.get(upstream);
        Stall stall = stalls.get(upstream);
        long admitted = System.nanoTime();
        if (!stall.mayAdmit(admitted)) {
            return null;
        }
        if (ahead) {
            limit.acquire();
        } else if (!limit.tryAcquire()) {
            return null;
        }
        // a slow route (an invoice PDF) waits long by nature: it does not count as a sign of a stall
        boolean watched = deadlines.isStandard(path);
        stall.started(admitted, watched);
        return () -> {
            long now = System.nanoTime();
            stall.ended(admitted, watched);
            limit.release(now - admitted);
        };
    }

    /**
     * Whether a request of {@code path} to {@code upstream} would find a place now, taking none: the edge asks before
     * it spends a token verification (an RS256 check and the claims' parsing, the most expensive step of a refusal)
     * on a request it would shed anyway. A moment later the answer may differ; {@link #admit} decides.
     */
    public boolean hasRoom(Upstream upstream, String path) {
        if (!counted(path)) {
            return true;
        }
        return stalls.get(upstream).mayAdmit(System.nanoTime()) && limits.get(upstream).hasRoom();
    }

    /**
     * The Retry-After of a request shed for {@code upstream}: {@code retry-after} while few are shed, longer the more
     * the refusals of the last second outnumber the requests the service served in it, at most {@code
     * max-retry-after} ({@link CrowdRetryAfter}). With 5 s for everyone, 2,000 people logging in at once came back
     * every 5 to 10 s and were shed again, 47,623 times in three minutes, while account-service served 3 a second.
     */
    public Duration shedRetryAfter(Upstream upstream) {
        return crowds.get(upstream).refused();
    }

    /** The service served a request: its answer ended, and was not a 503 (a refusal of its own). */
    public void served(Upstream upstream) {
        crowds.get(upstream).served();
    }

    /** The service answered a request (its status line came back in time). */
    public void answered(Upstream upstream) {
        stalls.get(upstream).answered(System.nanoTime());
    }

    /** A request to the service ran into its deadline. */
    public void timedOut(Upstream upstream) {
        stalls.get(upstream).timedOut(System.nanoTime());
    }

    /**
     * Whether a service has stopped answering, seen from its requests in flight: none answered for
     * {@code stall-after} while one waits that long (then every further request is refused at once instead of
     * joining the wait), or the last outcome was a request that ran into its deadline (then one probe at a time
     * goes through, until the service answers again). An AdaptiveLimit alone learns only from answers, so a
     * hung service, which gives none, would keep its whole limit waiting for the full deadline.
     */
    static final class Stall {

        private final long stallAfterNanos;
        /** Start times of the watched requests in flight (nanos, with their count). */
        private final TreeMap<Long, Integer> waiting = new TreeMap<>();
        private long lastAnswer;
        private boolean timedOutLast;

        Stall(long stallAfterNanos, long now) {
            this.stallAfterNanos = stallAfterNanos;
            this.lastAnswer = now;
        }

        synchronized boolean mayAdmit(long now) {
            if (timedOutLast) {
                return waiting.isEmpty();
            }
            return waiting.isEmpty() || now - waiting.firstKey() <= stallAfterNanos || now - lastAnswer <= stallAfterNanos;
        }

        synchronized void started(long at, boolean watched) {
            if (watched) {
                waiting.merge(at, 1, Integer::sum);
            }
        }

        synchronized void ended(long at, boolean watched) {
            if (watched) {
                waiting.computeIfPresent(at, (k, n) -> n > 1 ? n - 1 : null);
            }
        }

        synchronized void answered(long now) {
            lastAnswer = now;
            timedOutLast = false;
        }

        synchronized void timedOut(@SuppressWarnings("unused") long now) {
            timedOutLast = true;
        }
    }

    /** Whether requests of {@code path} take a place at all (admission on, the path not excluded). */
    private boolean counted(String path) {
        return policy.enabled() && !excluded(path);
    }

    private boolean excluded(String path) {
        for (java.util.regex.Pattern prefix : excluded) {
            if (prefix.matcher(path).lookingAt()) {
                return true;
            }
        }
        return false;
    }

    /** A prefix of {@code exclude}: literal, except that {@code *} stands for one path segment. */
    static java.util.regex.Pattern prefixPattern(String prefix) {
        StringBuilder regex = new StringBuilder();
        for (String part : prefix.split("\\*", -1)) {
            if (regex.length() > 0) {
                regex.append("[^/]+");
            }
            regex.append(java.util.regex.Pattern.quote(part));
        }
        return java.util.regex.Pattern.compile(regex.toString());
    }
}

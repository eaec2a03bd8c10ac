package id.go.imigrasi.mpaspor.gateway.edge;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import id.go.imigrasi.mpaspor.gateway.config.GatewayConfig;
import id.go.imigrasi.mpaspor.gateway.routing.LimitCategory;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * Token buckets (Bucket4j, in memory) per client IP, per account and, stricter, per client IP on the endpoints
 * attackers hammer. Each scope keeps its buckets in a Caffeine cache bounded in size and expiring idle keys, so
 * a flood of new IPs cannot grow the heap without bound. With several gateway instances each enforces its
 * share; a distributed Bucket4j backend would make the limits global.
 */
@ApplicationScoped
public class RateLimiter {

    /** The scopes a request is counted in; the name appears in the 429's detail. */
    public enum Scope {
        IP("ip"),
        ACCOUNT("account"),
        LOGIN("login"),
        OTP("otp"),
        REGISTRATION("registration"),
        PASSWORD_RESET("password-reset"),
        STATUS_CHECK("status-check");

        private final String label;

        Scope(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public static Scope of(LimitCategory category) {
            return switch (category) {
                case LOGIN -> LOGIN;
                case OTP -> OTP;
                case REGISTRATION -> REGISTRATION;
                case PASSWORD_RESET -> PASSWORD_RESET;
                case STATUS_CHECK -> STATUS_CHECK;
            };
        }
    }

    private final GatewayConfig.RateLimits config;
    private final Map<Scope, Cache<String, Bucket>> buckets = new EnumMap<>(Scope.class);

    public RateLimiter(GatewayConfig config) {
        this.config = config.rateLimits();
        for (Scope scope : Scope.values()) {
            // forgetting a bucket before it could have refilled would hand its owner a fresh one
            Duration period = limitOf(scope).period();
            Duration expiry = this.config.idleExpiry().compareTo(period) >= 0 ? this.config.idleExpiry() : period;
            buckets.put(scope, Caffeine.newBuilder().expireAfterAccess(expiry)
                    .maximumSize(this.config.maxKeys()).build());
        }
    }

    /** Takes one token of {@code key}'s bucket in {@code scope}; empty when allowed, else how long to wait. */
    public Optional<Duration> tryAcquire(Scope scope, String key) {
        if (!config.enabled()) {
            return Optional.empty();
        }
        GatewayConfig.Limit limit = limitOf(scope);
        Bucket bucket = buckets.get(scope).get(key, k -> Bucket.builder()
                .addLimit(l -> l.capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.period()))
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /**
     * Gives back the token {@link #tryAcquire} took for a request that nobody decided (it was shed, 503): an
     * attempt limit counts attempts, and a person pushed back at the peak must not be locked out for having come
     * back when told to. Never more than the bucket's capacity.
     */
    public void refund(Scope scope, String key) {
        if (!config.enabled()) {
            return;
        }
        Bucket bucket = buckets.get(scope).getIfPresent(key);
        if (bucket != null) {
            bucket.addTokens(1);
        }
    }

    private GatewayConfig.Limit limitOf(Scope scope) {
        return switch (scope) {
            case IP -> config.perIp();
            case ACCOUNT -> config.perAccount();
            case LOGIN -> config.login();
            case OTP -> config.otp();
            case REGISTRATION -> config.registration();
            case PASSWORD_RESET -> config.passwordReset();
            case STATUS_CHECK -> config.statusCheck();
        };
    }
}

package id.go.imigrasi.mpaspor.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Each bearer token is verified once per process, not on every request: the first sight checks the signature,
 * issuer and expiry (smallrye-jwt's own verifier); the verified token is then kept, under the SHA-256 of its text,
 * until it expires, in a bounded cache ({@code mpaspor.security.verified-tokens.max-size}, 0 turns it off). JFR put
 * the RS256 check at 23 % of quota-service's CPU, with the gateway checking every token again before it.
 *
 * <p>What the cache does not change: an expired token is refused even when it is still cached (checked on every
 * hit, with the verifier's own clock skew); an ended session ({@code sid}) is refused by {@link RevokedSessionCheck}
 * on every request, cached or not; a token verified under another verification context (key, issuer) is verified
 * again. Every service and the gateway take it through smallrye-jwt's {@code DefaultJWTParser}, which asks the
 * {@link JWTCallerPrincipalFactory} bean: this one replaces the default.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens extends JWTCallerPrincipalFactory {

    /** A verified token and the context it was verified under. */
    private record Verified(JWTCallerPrincipal principal, JWTAuthContextInfo context, Instant refuseAfter) {
    }

    private final JWTCallerPrincipalFactory verifier;
    private final Cache<String, Verified> verified;
    private final Clock clock;

    @Inject
    public VerifiedTokens(@ConfigProperty(name = "mpaspor.security.verified-tokens.max-size",
            defaultValue = "10000") long maxSize, Instance<MeterRegistry> registry) {
        this(new DefaultJWTCallerPrincipalFactory(), maxSize, Clock.systemUTC());
        if (verified != null && registry.isResolvable()) {
            CaffeineCacheMetrics.monitor(registry.get(), verified, "verified-tokens");
        }
    }

    VerifiedTokens(JWTCallerPrincipalFactory verifier, long maxSize, Clock clock) {
        this.verifier = verifier;
        this.clock = clock;
        this.verified = maxSize <= 0 ? null : Caffeine.newBuilder().maximumSize(maxSize).recordStats()
                .expireAfter(Expiry.<String, Verified>creating((token, entry) -> {
                    Duration left = Duration.between(clock.instant(), entry.refuseAfter());
                    return left.isNegative() ? Duration.ZERO : left;
                }))
                .executor(Runnable::run)
                .build();
    }

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo context) throws ParseException {
        if (verified == null || token == null) {
            return verifier.parse(token, context);
        }
        String key = digest(token);
        Verified known = verified.getIfPresent(key);
        if (known != null && known.context() == context) {
            if (clock.instant().isAfter(known.refuseAfter())) {
                verified.invalidate(key);
                throw new ParseException("the token has expired");
            }
            return known.principal();
        }
        JWTCallerPrincipal principal = verifier.parse(token, context);
        verified.put(key, new Verified(principal, context, refuseAfter(principal, context)));
        return principal;
    }

    /**
     * The token as verified before in this process, if it has not expired; null otherwise. The gateway takes such a
     * token on the event loop, without a second lookup, since only a first verification may have to fetch the keys.
     */
    public JWTCallerPrincipal known(String token) {
        if (verified == null || token == null) {
            return null;
        }
        Verified known = verified.getIfPresent(digest(token));
        return known == null || clock.instant().isAfter(known.refuseAfter()) ? null : known.principal();
    }

    /** Whether {@link #known} has this token. */
    public boolean isKnown(String token) {
        return known(token) != null;
    }

    /** Tokens kept now (an estimate, as Caffeine counts). */
    public long size() {
        return verified == null ? 0 : verified.estimatedSize();
    }

    private static Instant refuseAfter(JWTCallerPrincipal principal, JWTAuthContextInfo context) {
        int skew = Math.max(context.getClockSkew(), context.getExpGracePeriodSecs());
        return Instant.ofEpochSecond(principal.getExpirationTime()).plusSeconds(Math.max(0, skew));
    }

    private static String digest(String token) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}

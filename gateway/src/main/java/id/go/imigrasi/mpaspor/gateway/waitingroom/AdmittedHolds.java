package id.go.imigrasi.mpaspor.gateway.waitingroom;

import java.time.Clock;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import id.go.imigrasi.mpaspor.gateway.config.GatewayConfig;
import id.go.imigrasi.mpaspor.platform.waitingroom.Tickets;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;

/**
 * The holds of people the waiting room has admitted go ahead of the crowd still waiting (issue 17). On a release
 * morning quota-service's in-flight limit at the gateway is full of joins and forwarded position checks; a hold that
 * waited its turn in line must not be refused 503 by them, or the person goes back to retrying and admission waits out
 * the notice window for a place nobody takes (the 2026-12-06 benchmarks: 450 places sold over 114-138 s).
 * <p>
 * A {@code POST /api/v1/holds} whose {@code Hold-Pass} header verifies (platform {@link Tickets}, the HMAC and key
 * quota-service signs passes with; not expired) is not shed before its token is verified, and once the token is
 * verified and the pass is the caller's (its account is the token's subject) it is not counted against the gateway's
 * in-flight limit for quota-service. quota-service still decides everything about it: the pass's release and dates
 * (the gateway never reads the body), its own limit of holds in flight ({@code HoldAdmission}) and the places. The
 * holds that go ahead are as many as admission lets through (at most the places left), one account at a time, each
 * within the account's own rate limit. Without the secret configured nothing goes ahead.
 */
@ApplicationScoped
public class AdmittedHolds {

    /** The header quota-service reads the pass from ({@code HoldResource.HOLD_PASS}). */
    static final String HOLD_PASS = "Hold-Pass";
    private static final String HOLDS = "/api/v1/holds";

    private final Optional<Tickets> tickets;
    private final Clock clock;
    private final Counter ahead;

    @Inject
    public AdmittedHolds(GatewayConfig config, MeterRegistry registry) {
        this(config, registry, Clock.systemUTC());
    }

    AdmittedHolds(GatewayConfig config, MeterRegistry registry, Clock clock) {
        this.tickets = EdgeKeys.of(config).map(Tickets::new);
        this.clock = clock;
        this.ahead = Counter.builder("mpaspor.gateway.waiting.room.holds.ahead")
                .description("Holds with their caller's hold pass, sent to quota-service past the gateway's in-flight limit")
                .register(registry);
    }

    /** A hold carrying a pass that verifies and has not expired (whose it is, the token will say). */
    public boolean carriesPass(HttpServerRequest request, String path) {
        return pass(request, path).isPresent();
    }

    /** A hold carrying its caller's own valid pass: it goes to quota-service past the in-flight limit (counted). */
    public boolean goesAhead(HttpServerRequest request, String path, JsonWebToken caller) {
        String account = caller.getSubject();
        boolean own = account != null && pass(request, path).filter(pass -> account.equals(pass.accountId())).isPresent();
        if (own) {
            ahead.increment();
        }
        return own;
    }

    private Optional<Tickets.Pass> pass(HttpServerRequest request, String path) {
        if (tickets.isEmpty() || request.method() != HttpMethod.POST || !HOLDS.equals(path)) {
            return Optional.empty();
        }
        String header = request.getHeader(HOLD_PASS);
        return header == null ? Optional.empty() : tickets.get().pass(header.trim(), clock.instant());
    }
}

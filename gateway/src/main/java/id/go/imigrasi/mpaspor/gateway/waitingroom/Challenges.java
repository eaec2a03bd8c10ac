package id.go.imigrasi.mpaspor.gateway.waitingroom;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

import id.go.imigrasi.mpaspor.gateway.config.GatewayConfig;
import id.go.imigrasi.mpaspor.platform.security.Roles;
import id.go.imigrasi.mpaspor.platform.waitingroom.ProofOfWork;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

/**
 * The waiting room's proof-of-work challenges, issued at the edge (issue 17): on a release morning every arrival asks
 * {@code GET /api/v1/releases/{id}/waiting-room/challenge} before joining, and the answer is an HMAC over a random salt
 * and the account ({@link ProofOfWork}, the scheme and secret quota-service verifies the solution with). Through the
 * proxy each one took a connection to quota-service: the gateway's pool refused 110k-139k of them in the 20,000-arrival
 * benchmark, and only about a quarter of the arrivals got in (load/README.md, 2026-12-05 later).
 * <p>
 * The edge issues one only where quota-service would: the secret configured, an applicant's verified token (the
 * account the challenge is bound to is the token's subject), and a room the gateway has read a copy of, however old
 * (quota-service issues a challenge for any room it knows, and answers 404 for one it does not; a room with no copy yet
 * goes there too). Everything else goes on to quota-service unchanged.
 */
@ApplicationScoped
public class Challenges {

    private static final Pattern CHALLENGE = Pattern.compile("/api/v1/releases/([0-9a-fA-F-]{36})/waiting-room/challenge");
    private static final CharSequence APPLICATION_JSON = HttpHeaders.createOptimized("application/json");
    private static final CharSequence NO_STORE = HttpHeaders.createOptimized("no-store");

    private final Optional<ProofOfWork> proofOfWork;
    private final RoomCopies rooms;
    private final ObjectWriter writer;
    private final Counter atTheEdge;
    private final Counter toTheService;

    @Inject
    public Challenges(GatewayConfig config, RoomCopies rooms, ObjectMapper json, MeterRegistry registry) {
        this(config, rooms, json, registry, Clock.systemUTC());
    }

    Challenges(GatewayConfig config, RoomCopies rooms, ObjectMapper json, MeterRegistry registry, Clock clock) {
        GatewayConfig.WaitingRoom room = config.waitingRoom();
        this.proofOfWork = EdgeKeys.of(config).filter(keys -> room.edgeChallenges())
                .map(keys -> new ProofOfWork(keys, room.powMaxNumber(), room.powLifetime(), clock,
                        json));
        this.rooms = rooms;
        this.writer = json.writerFor(ProofOfWork.Challenge.class);
        this.atTheEdge = counter(registry, "edge");
        this.toTheService = counter(registry, "service");
    }

    private static Counter counter(MeterRegistry registry, String where) {
        return Counter.builder("mpaspor.gateway.waiting.room.challenges")
                .description("Waiting room proof-of-work challenges by where they were issued: the edge (the shared"
                        + " secret and a room copy) or the service")
                .tag("answered", where).register(registry);
    }

    /**
     * Whether the edge may answer this request itself (a challenge asked for, challenges issued here): the proxy's
     * room at quota-service is then no reason to refuse it before its token is verified.
     */
    public boolean mayAnswer(String path, HttpMethod method) {
        return proofOfWork.isPresent() && method == HttpMethod.GET && path.endsWith("/challenge")
                && CHALLENGE.matcher(path).matches();
    }

    /**
     * Answers the request here if it asks for a challenge the edge can issue to {@code caller} (verified, not revoked,
     * within its buckets); false: not one, or not answerable here, and the request goes on to the service unchanged.
     */
    public boolean answered(RoutingContext ctx, String path, JsonWebToken caller) {
        if (!mayAnswer(path, ctx.request().method())) {
            return false;
        }
        Matcher matcher = CHALLENGE.matcher(path);
        matcher.matches();
        Optional<ProofOfWork.Challenge> challenge = challenge(matcher.group(1), caller);
        byte[] body = challenge.map(this::json).orElse(null);
        if (body == null) {
            toTheService.increment();
            return false;
        }
        atTheEdge.increment();
        ctx.request().resume();
        ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, APPLICATION_JSON).putHeader(HttpHeaders.CACHE_CONTROL, NO_STORE)
                .end(Buffer.buffer(body));
        return true;
    }

    /** The challenge quota-service would give {@code caller} for this room now, if the edge can; empty: ask it. */
    Optional<ProofOfWork.Challenge> challenge(String release, JsonWebToken caller) {
        String account = caller.getSubject();
        if (account == null || account.isBlank() || caller.getGroups() == null
                || !caller.getGroups().contains(Roles.APPLICANT)) {
            // quota-service answers 403 (not an applicant) in the caller's language
            return Optional.empty();
        }
        UUID releaseId;
        try {
            releaseId = UUID.fromString(release);
        } catch (IllegalArgumentException notOne) {
            return Optional.empty();
        }
        if (rooms.known(releaseId).isEmpty()) {
            // a room the gateway has never read (or quota-service does not know: its 404)
            return Optional.empty();
        }
        return proofOfWork.map(pow -> pow.challenge(account));
    }

    private byte[] json(ProofOfWork.Challenge challenge) {
        try {
            return writer.writeValueAsBytes(challenge);
        } catch (JsonProcessingException unexpected) {
            return null;
        }
    }
}

package id.go.imigrasi.mpaspor.web.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;

/**
 * One refresh per refresh token. The API rotates refresh tokens and treats a spent one presented again as theft
 * (the whole session is revoked). The browser may send several requests with the same cookie at once (a page and
 * its poll, two tabs), and an answer that carries the rotated token may arrive after another request left with
 * the old one. So on this instance the requests holding the same refresh token share one {@code /auth/refresh}
 * (the others wait for its answer), and that answer is kept for {@link #GRACE}: a request that comes later with
 * the spent token gets the successor instead of presenting it again (its answer seals the successor into the
 * cookie). Only the token's SHA-256 is kept as the key; an answer "busy" is not kept.
 * <p>
 * What this cannot do: two instances refreshing the same token in the same moment (a load balancer spreading one
 * browser's simultaneous requests); the second is refused and the visitor logs in again. A refresh happens once per
 * access-token lifetime, so this needs a collision within that one moment.
 */
@ApplicationScoped
public class RefreshFlights {

    static final Duration GRACE = Duration.ofSeconds(60);

    private record Flight(CompletableFuture<ApiResponse> answer, Instant started) {
    }

    private final Map<String, Flight> flights = new ConcurrentHashMap<>();

    /** The refresh answer for this token: the API's, asked once; waits at most {@code patience} for another's. */
    public ApiResponse refresh(String refreshToken, Duration patience, Supplier<ApiResponse> call) {
        String key = sha256(refreshToken);
        Flight mine = new Flight(new CompletableFuture<>(), Instant.now());
        Flight current = flights.compute(key, (k, existing) -> existing != null
                && existing.started().plus(GRACE).isAfter(Instant.now()) ? existing : mine);
        if (current != mine) {
            try {
                return current.answer().get(patience.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ApiBusy(2);
            } catch (ExecutionException | TimeoutException e) {
                // the other request's refresh failed or is slow: this one does not present the token again
                throw new ApiBusy(2);
            }
        }
        try {
            ApiResponse answer = call.get();
            if (answer.shed() || answer.status() >= 500) {
                flights.remove(key, mine);
            }
            mine.answer().complete(answer);
            return answer;
        } catch (RuntimeException e) {
            flights.remove(key, mine);
            mine.answer().completeExceptionally(e);
            throw e;
        }
    }

    @Scheduled(every = "1m")
    void forgetOld() {
        Instant cutoff = Instant.now().minus(GRACE);
        flights.values().removeIf(f -> f.started().isBefore(cutoff) && f.answer().isDone());
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package id.go.imigrasi.mpaspor.billing.client;

import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.mutiny.Uni;

/**
 * The one way to pay a refund back through a payment channel. Safe to retry: the idempotency key (the refund case
 * id) makes the channel refund once, whatever the number of calls. A slow answer is cut off ({@code @Timeout}), a
 * failed one retried shortly ({@code @Retry}) unless the channel said it is overloaded (429/503) or refused the
 * refund for good (4xx: an unknown payment does not become known by asking again), repeated failures open the
 * circuit ({@code @CircuitBreaker}) so a dead channel costs nothing. No fallback: the payout job leaves the case
 * APPROVED and tries again later with backoff. Timings are configuration
 * ({@code quarkus.fault-tolerance."...RefundChannel/refund".*}).
 */
@ApplicationScoped
public class RefundChannel {

    /** The circuit breaker's name, for ops and tests. */
    public static final String CIRCUIT = "payment-channel-refunds";

    private final RefundDeskApi api;

    public RefundChannel(@RestClient RefundDeskApi api) {
        this.api = api;
    }

    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 500, jitter = 200, abortOn = { ChannelOverloaded.class, RefundRefused.class,
            CircuitBreakerOpenException.class })
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 30000, successThreshold = 1,
            skipOn = RefundRefused.class)
    @CircuitBreakerName(CIRCUIT)
    public Uni<RefundDeskApi.Refund> refund(String channel, String idempotencyKey,
            RefundDeskApi.RefundRequest request) {
        return api.refund(channel, idempotencyKey, request)
                .onFailure(WebApplicationException.class).transform(failure -> {
                    int status = ((WebApplicationException) failure).getResponse().getStatus();
                    if (status == 429 || status == 503) {
                        return new ChannelOverloaded(status);
                    }
                    if (status >= 400 && status < 500) {
                        return new RefundRefused(status);
                    }
                    return failure;
                });
    }

    /** The channel said it is overloaded: not retried at once (the job's backoff waits). */
    public static final class ChannelOverloaded extends RuntimeException {
        ChannelOverloaded(int status) {
            super("payment channel answered " + status, null, false, false);
        }
    }

    /** The channel refused this refund (unknown payment, mismatch, already refunded): finance must look. */
    public static final class RefundRefused extends RuntimeException {
        RefundRefused(int status) {
            super("payment channel refused the refund: " + status, null, false, false);
        }
    }
}

package id.go.imigrasi.mpaspor.application.dukcapil;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.mutiny.Uni;

/**
 * The one way to Dukcapil. A slow answer is cut off ({@code @Timeout}), a failed one retried a little
 * ({@code @Retry}, never when Dukcapil says it is overloaded or the circuit is open), repeated failures open the
 * circuit so a dead registry costs nothing ({@code @CircuitBreaker}), and whatever goes wrong ends as
 * {@link DukcapilAnswer.Outcome#UNAVAILABLE} ({@code @Fallback}): the applicant continues as "verification
 * pending". An unknown NIK (404) is an answer, not a failure. Timings are configuration
 * ({@code quarkus.fault-tolerance."...DukcapilGateway/lookup".*}, in milliseconds, the annotations' unit);
 * tests shorten them.
 */
@ApplicationScoped
public class DukcapilGateway {

    /** The circuit breaker's name, for ops and tests ({@code CircuitBreakerMaintenance}). */
    public static final String CIRCUIT = "dukcapil";
    private static final Logger LOG = Logger.getLogger(DukcapilGateway.class);

    private final DukcapilApi api;
    private final MeterRegistry registry;

    public DukcapilGateway(@RestClient DukcapilApi api, MeterRegistry registry) {
        this.api = api;
        this.registry = registry;
    }

    @Timeout(2000)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = { DukcapilOverloaded.class,
            CircuitBreakerOpenException.class })
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 30000,
            successThreshold = 2)
    @CircuitBreakerName(DukcapilGateway.CIRCUIT)
    @Fallback(fallbackMethod = "unavailable")
    public Uni<DukcapilAnswer> lookup(String nik) {
        return api.lookup(nik)
                .map(DukcapilAnswer::found)
                .onFailure(WebApplicationException.class).recoverWithUni(failure -> {
                    int status = ((WebApplicationException) failure).getResponse().getStatus();
                    if (status == 404) {
                        return Uni.createFrom().item(DukcapilAnswer.notFound());
                    }
                    if (status == 429 || status == 503) {
                        return Uni.createFrom().failure(new DukcapilOverloaded(status));
                    }
                    return Uni.createFrom().failure(failure);
                })
                .invoke(answer -> answered(answer.outcome()));
    }

    Uni<DukcapilAnswer> unavailable(String nik) {
        LOG.warnf("Dukcapil unavailable for NIK %s******; the applicant continues as verification pending",
                nik == null || nik.length() < 6 ? "" : nik.substring(0, 6));
        answered(DukcapilAnswer.Outcome.UNAVAILABLE);
        return Uni.createFrom().item(DukcapilAnswer.unavailable("no answer from Dukcapil"));
    }

    private void answered(DukcapilAnswer.Outcome outcome) {
        Counter.builder("mpaspor.dukcapil.answers").description("Answers of the civil registry (Dukcapil), by outcome")
                .tag("outcome", outcome.name()).register(registry).increment();
    }
}

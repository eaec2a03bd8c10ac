package id.go.imigrasi.mpaspor.account.client;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import id.go.imigrasi.mpaspor.account.AccountProblem;
import id.go.imigrasi.mpaspor.platform.problem.ProblemException;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.mutiny.Uni;

/**
 * Whether an immigration office exists, asked of its owner, quota-service ({@link OfficeApi}), when an admin creates
 * an officer: an officer bound to an office nobody runs could never act, and would hold a role for nothing.
 * <p>
 * Why a call and not a projection of quota's offices kept from events: officer creation is a rare admin action,
 * never on the applicant's path; the office catalogue is quota's (seeded by its migrations, with no event per
 * office), so a projection would need a new event, a back-fill and its own drift. A call asks the source of truth,
 * and when it cannot answer, the admin is told to retry (503 + Retry-After) rather than an officer being created
 * on a guess either way.
 * <p>
 * A slow answer is cut off ({@code @Timeout}), a failed one retried once ({@code @Retry}, never when quota says it
 * is overloaded or the circuit is open), repeated failures open the circuit ({@code @CircuitBreaker}), and whatever
 * goes wrong ends as {@link AccountProblem#OFFICES_UNAVAILABLE} (503 + Retry-After, {@code @Fallback}). A 404 is an
 * answer: the office does not exist. Timings are configuration
 * ({@code quarkus.fault-tolerance."...OfficeDirectory/exists".*}).
 */
@ApplicationScoped
public class OfficeDirectory {

    /** The circuit breaker's name, for ops and tests. */
    public static final String CIRCUIT = "quota-offices";
    static final Duration RETRY_AFTER = Duration.ofSeconds(5);
    private static final Logger LOG = Logger.getLogger(OfficeDirectory.class);

    private final OfficeApi api;

    public OfficeDirectory(@RestClient OfficeApi api) {
        this.api = api;
    }

    /** True when quota-service knows the office, false when it answers that it does not. */
    @Timeout(2000)
    @Retry(maxRetries = 1, delay = 200, jitter = 100, abortOn = { QuotaOverloaded.class,
            CircuitBreakerOpenException.class })
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 15000, successThreshold = 1)
    @CircuitBreakerName(CIRCUIT)
    @Fallback(fallbackMethod = "unavailable")
    public Uni<Boolean> exists(String code) {
        return api.get(code).map(office -> office != null && code.equals(office.code()))
                .onFailure(WebApplicationException.class).recoverWithUni(failure -> {
                    int status = ((WebApplicationException) failure).getResponse().getStatus();
                    if (status == 404) {
                        return Uni.createFrom().item(false);
                    }
                    if (status == 429 || status == 503) {
                        return Uni.createFrom().failure(new QuotaOverloaded(status));
                    }
                    return Uni.createFrom().failure(failure);
                });
    }

    Uni<Boolean> unavailable(String code) {
        LOG.warnf("quota-service could not say whether office %s exists; the officer is not created", code);
        return Uni.createFrom().failure(ProblemException.retryLater(AccountProblem.OFFICES_UNAVAILABLE, RETRY_AFTER));
    }

    /** quota-service said it is overloaded: not retried at once. */
    static final class QuotaOverloaded extends RuntimeException {
        QuotaOverloaded(int status) {
            super("quota-service answered " + status, null, false, false);
        }
    }
}

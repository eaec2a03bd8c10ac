package id.go.imigrasi.mpaspor.application.sms;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.mutiny.Uni;

/**
 * The one way to the SMS provider. A slow provider is cut off ({@code @Timeout}) and a failing one costs nothing
 * after a while ({@code @CircuitBreaker}); no retry: the caller answers 503 with Retry-After and the person asks
 * again, so a code is never sent twice behind their back. Timings: {@code quarkus.fault-tolerance."...SmsGateway/send".*}.
 */
@ApplicationScoped
public class SmsGateway {

    private final SmsApi api;

    public SmsGateway(@RestClient SmsApi api) {
        this.api = api;
    }

    @Timeout(3000)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 30000)
    @CircuitBreakerName("sms")
    public Uni<Void> send(String to, String text) {
        return api.send(new SmsApi.Message(to, text, "SMS"));
    }
}

package id.go.imigrasi.mpaspor.platform.mail;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.mutiny.Uni;

/**
 * The one way to the SMS/WhatsApp provider for the whole platform. A slow provider is cut off ({@code @Timeout});
 * a failing one is not called for a while ({@code @CircuitBreaker}), so an outage costs the dispatcher nothing.
 * No retry here: the queue is the retry ({@link MailDispatcher}: the text stays queued and is due again after its
 * backoff), and the provider's rate limit (429) is treated the same way. The queued row's id travels as the
 * provider's idempotency reference, so a retry after a lost answer never texts the person twice.
 */
@ApplicationScoped
public class TextMessages {

    private final TextMessageApi api;
    private final MailConfig config;

    public TextMessages(@RestClient TextMessageApi api, MailConfig config) {
        this.api = api;
        this.config = config;
    }

    /** Hands the queued text to the provider; the provider's id of it. */
    @Timeout(5000)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 30000)
    @CircuitBreakerName("text-messages")
    public Uni<String> send(QueuedMail text) {
        return api.send(new TextMessageApi.Message(text.recipient, text.body, text.channel, text.id.toString(),
                config.text().statusCallback().orElse(null))).map(TextMessageApi.Accepted::id);
    }
}

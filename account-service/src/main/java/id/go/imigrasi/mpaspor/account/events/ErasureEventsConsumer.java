package id.go.imigrasi.mpaspor.account.events;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import id.go.imigrasi.mpaspor.account.service.AccountErasure;
import id.go.imigrasi.mpaspor.contracts.application.AccountErasureRefused;
import id.go.imigrasi.mpaspor.contracts.application.ApplicationDataErased;
import id.go.imigrasi.mpaspor.contracts.billing.BillingDataErased;
import id.go.imigrasi.mpaspor.contracts.biometric.BiometricDataErased;
import id.go.imigrasi.mpaspor.contracts.quota.QuotaDataErased;
import id.go.imigrasi.mpaspor.platform.inbox.EventHandlers;
import id.go.imigrasi.mpaspor.platform.inbox.Inbox;
import io.smallrye.mutiny.Uni;

/**
 * The erasure saga's answers ({@link AccountErasure}): application-service's decision, then each service's
 * confirmation. account-service reads nothing else of these topics; their other events are skipped unread (by type,
 * before the payload is parsed or the database touched).
 */
@ApplicationScoped
public class ErasureEventsConsumer {

    static final String CONSUMER = "account-erasure";

    private final Inbox inbox;
    private final EventHandlers application;
    private final EventHandlers quota;
    private final EventHandlers billing;
    private final EventHandlers biometric;

    public ErasureEventsConsumer(Inbox inbox, AccountErasure erasure) {
        this.inbox = inbox;
        this.application = EventHandlers.builder()
                .on(AccountErasureRefused.class, erasure::refused)
                .on(ApplicationDataErased.class, erasure::applicationErased)
                .build();
        this.quota = EventHandlers.builder().on(QuotaDataErased.class,
                e -> erasure.confirmed("quota", e.accountId(), e.removed(), e.erasedAt())).build();
        this.billing = EventHandlers.builder().on(BillingDataErased.class,
                e -> erasure.confirmed("billing", e.accountId(), e.removed(), e.erasedAt())).build();
        this.biometric = EventHandlers.builder().on(BiometricDataErased.class,
                e -> erasure.confirmed("biometric", e.accountId(), e.removed(), e.erasedAt())).build();
    }

    @Incoming("application-events")
    public Uni<Void> application(Message<String> message) {
        return inbox.consume(CONSUMER, message, application);
    }

    @Incoming("quota-events")
    public Uni<Void> quota(Message<String> message) {
        return inbox.consume(CONSUMER, message, quota);
    }

    @Incoming("billing-events")
    public Uni<Void> billing(Message<String> message) {
        return inbox.consume(CONSUMER, message, billing);
    }

    @Incoming("biometric-events")
    public Uni<Void> biometric(Message<String> message) {
        return inbox.consume(CONSUMER, message, biometric);
    }
}

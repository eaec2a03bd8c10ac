package id.go.imigrasi.mpaspor.account.events;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import id.go.imigrasi.mpaspor.account.service.AccountErasure;
import id.go.imigrasi.mpaspor.account.service.DataExports;
import id.go.imigrasi.mpaspor.contracts.application.AccountErasureRefused;
import id.go.imigrasi.mpaspor.contracts.application.ApplicationDataErased;
import id.go.imigrasi.mpaspor.contracts.application.ApplicationDataExported;
import id.go.imigrasi.mpaspor.contracts.billing.BillingDataErased;
import id.go.imigrasi.mpaspor.contracts.billing.BillingDataExported;
import id.go.imigrasi.mpaspor.contracts.biometric.BiometricDataErased;
import id.go.imigrasi.mpaspor.contracts.biometric.BiometricDataExported;
import id.go.imigrasi.mpaspor.contracts.quota.QuotaDataErased;
import id.go.imigrasi.mpaspor.contracts.quota.QuotaDataExported;
import id.go.imigrasi.mpaspor.contracts.upload.UploadDataErased;
import id.go.imigrasi.mpaspor.contracts.upload.UploadDataExported;
import id.go.imigrasi.mpaspor.platform.inbox.EventHandlers;
import id.go.imigrasi.mpaspor.platform.inbox.Inbox;
import io.smallrye.mutiny.Uni;

/**
 * The answers to the person's requests about their data: the erasure saga's ({@link AccountErasure}: application-service's
 * decision, then each service's confirmation) and each service's part of a data export ({@link DataExports}).
 * account-service reads nothing else of these topics; their other events are skipped unread (by type,
 * before the payload is parsed or the database touched).
 */
@ApplicationScoped
public class PrivacyEventsConsumer {

    static final String CONSUMER = "account-privacy";

    private final Inbox inbox;
    private final EventHandlers application;
    private final EventHandlers quota;
    private final EventHandlers billing;
    private final EventHandlers biometric;
    private final EventHandlers upload;

    public PrivacyEventsConsumer(Inbox inbox, AccountErasure erasure, DataExports exports) {
        this.inbox = inbox;
        this.application = EventHandlers.builder()
                .on(AccountErasureRefused.class, erasure::refused)
                .on(ApplicationDataErased.class, erasure::applicationErased)
                .on(ApplicationDataExported.class, e -> exports.part("application", e.exportId(), e.accountId(), e.data()))
                .build();
        this.quota = EventHandlers.builder().on(QuotaDataErased.class,
                e -> erasure.confirmed("quota", e.accountId(), e.removed(), e.erasedAt()))
                .on(QuotaDataExported.class, e -> exports.part("quota", e.exportId(), e.accountId(), e.data())).build();
        this.billing = EventHandlers.builder().on(BillingDataErased.class,
                e -> erasure.confirmed("billing", e.accountId(), e.removed(), e.erasedAt()))
                .on(BillingDataExported.class, e -> exports.part("billing", e.exportId(), e.accountId(), e.data()))
                .build();
        this.biometric = EventHandlers.builder().on(BiometricDataErased.class,
                e -> erasure.confirmed("biometric", e.accountId(), e.removed(), e.erasedAt()))
                .on(BiometricDataExported.class, e -> exports.part("biometric", e.exportId(), e.accountId(), e.data()))
                .build();
        this.upload = EventHandlers.builder().on(UploadDataErased.class,
                e -> erasure.confirmed("upload", e.accountId(), e.removed(), e.erasedAt()))
                .on(UploadDataExported.class, e -> exports.part("upload", e.exportId(), e.accountId(), e.data()))
                .build();
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

    @Incoming("upload-events")
    public Uni<Void> upload(Message<String> message) {
        return inbox.consume(CONSUMER, message, upload);
    }
}

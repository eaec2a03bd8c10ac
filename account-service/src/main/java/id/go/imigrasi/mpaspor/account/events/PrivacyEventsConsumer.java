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
 * One channel reads the five services' topics ({@code privacy-answers}, one Kafka consumer: the answers are a few a
 * day among every event of the saga). account-service reads nothing else of these topics; their other events are
 * skipped unread (by type, before the payload is parsed or the database touched).
 */
@ApplicationScoped
public class PrivacyEventsConsumer {

    static final String CONSUMER = "account-privacy";

    private final Inbox inbox;
    private final EventHandlers answers;

    public PrivacyEventsConsumer(Inbox inbox, AccountErasure erasure, DataExports exports) {
        this.inbox = inbox;
        this.answers = EventHandlers.builder()
                .on(AccountErasureRefused.class, erasure::refused)
                .on(ApplicationDataErased.class, erasure::applicationErased)
                .on(ApplicationDataExported.class, e -> exports.part("application", e.exportId(), e.accountId(), e.data()))
                .on(QuotaDataErased.class, e -> erasure.confirmed("quota", e.accountId(), e.removed(), e.erasedAt()))
                .on(QuotaDataExported.class, e -> exports.part("quota", e.exportId(), e.accountId(), e.data()))
                .on(BillingDataErased.class, e -> erasure.confirmed("billing", e.accountId(), e.removed(), e.erasedAt()))
                .on(BillingDataExported.class, e -> exports.part("billing", e.exportId(), e.accountId(), e.data()))
                .on(BiometricDataErased.class,
                        e -> erasure.confirmed("biometric", e.accountId(), e.removed(), e.erasedAt()))
                .on(BiometricDataExported.class, e -> exports.part("biometric", e.exportId(), e.accountId(), e.data()))
                .on(UploadDataErased.class, e -> erasure.confirmed("upload", e.accountId(), e.removed(), e.erasedAt()))
                .on(UploadDataExported.class, e -> exports.part("upload", e.exportId(), e.accountId(), e.data()))
                .build();
    }

    @Incoming("privacy-answers")
    public Uni<Void> consume(Message<String> message) {
        return inbox.consume(CONSUMER, message, answers);
    }
}

package id.go.imigrasi.mpaspor.quota.events;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import id.go.imigrasi.mpaspor.contracts.application.ApplicantsChanged;
import id.go.imigrasi.mpaspor.contracts.application.ApplicationCancelled;
import id.go.imigrasi.mpaspor.contracts.application.CollectiveBatchRegistered;
import id.go.imigrasi.mpaspor.contracts.billing.BillingExpired;
import id.go.imigrasi.mpaspor.contracts.billing.BillingIssued;
import id.go.imigrasi.mpaspor.contracts.billing.BillingPaid;
import id.go.imigrasi.mpaspor.platform.inbox.EventHandlers;
import id.go.imigrasi.mpaspor.platform.inbox.Inbox;
import id.go.imigrasi.mpaspor.quota.repository.ApplicantRepository;
import id.go.imigrasi.mpaspor.quota.service.CollectiveHolds;
import id.go.imigrasi.mpaspor.quota.service.HoldLifecycle;
import io.smallrye.mutiny.Uni;

/**
 * quota-service's part of the application saga: billing.events and application.events drive the holds, and
 * application.events' ApplicantsChanged keeps the projection of who is an applicant of which account;
 * CollectiveBatchRegistered takes a collective batch's walk-in places ({@link CollectiveHolds}). Each
 * event is applied once (the inbox records its id in the same transaction as the effect).
 */
@ApplicationScoped
public class SagaEventsConsumer {

    static final String CONSUMER = "quota";

    private final Inbox inbox;
    private final EventHandlers billing;
    private final EventHandlers application;

    public SagaEventsConsumer(Inbox inbox, HoldLifecycle holds, ApplicantRepository applicants,
            CollectiveHolds collective) {
        this.inbox = inbox;
        this.billing = EventHandlers.builder()
                .on(BillingIssued.class, e -> holds.extend(e.holdId(), e.applicationId(), e.billingCode(), e.expiresAt()))
                .on(BillingPaid.class, e -> holds.confirm(e.holdId(), e.applicationId(), e.billingCode()))
                .on(BillingExpired.class, e -> holds.billingExpired(e.holdId()))
                .build();
        this.application = EventHandlers.builder()
                .on(ApplicationCancelled.class, e -> applicants.forget(e.applicationId())
                        .chain(() -> holds.cancelled(e.holdId())))
                // the projection a hold's NIKs are checked against: the application's applicants as announced
                .on(ApplicantsChanged.class, e -> applicants.replace(e.applicationId(), e.accountId(),
                        e.niks() == null ? List.of() : e.niks(), e.changedAt()))
                // a collective batch (issue 19): its members' places from the walk-in line, all or none
                .on(CollectiveBatchRegistered.class, collective::register)
                .build();
    }

    @Incoming("billing-events")
    public Uni<Void> billing(Message<String> message) {
        return inbox.consume(CONSUMER, message, billing);
    }

    @Incoming("application-events")
    public Uni<Void> application(Message<String> message) {
        return inbox.consume(CONSUMER, message, application);
    }
}

package id.go.imigrasi.mpaspor.application.events;

import static id.go.imigrasi.mpaspor.application.service.ApplicationFollower.details;
import static id.go.imigrasi.mpaspor.application.service.ApplicationFollower.none;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import id.go.imigrasi.mpaspor.application.domain.ApplicationStatus;
import id.go.imigrasi.mpaspor.application.mail.ApplicantMails;
import id.go.imigrasi.mpaspor.application.service.ApplicationFollower;
import id.go.imigrasi.mpaspor.application.service.ApplicationFollower.Step;
import id.go.imigrasi.mpaspor.contracts.billing.BillingExpired;
import id.go.imigrasi.mpaspor.contracts.billing.BillingIssued;
import id.go.imigrasi.mpaspor.contracts.billing.BillingPaid;
import id.go.imigrasi.mpaspor.contracts.billing.LatePaymentReceived;
import id.go.imigrasi.mpaspor.platform.inbox.EventHandlers;
import id.go.imigrasi.mpaspor.platform.inbox.Inbox;
import io.smallrye.mutiny.Uni;

/**
 * billing.events: the bill of the application (awaiting payment with code and deadline, paid, expired) and the
 * mails that ask the applicant to pay, or to start again after expiry.
 */
@ApplicationScoped
public class BillingEventsConsumer {

    public static final String CONSUMER = "application-billing";

    private final Inbox inbox;
    private final ApplicationFollower follower;
    private final ApplicantMails mails;

    public BillingEventsConsumer(Inbox inbox, ApplicationFollower follower, ApplicantMails mails) {
        this.inbox = inbox;
        this.follower = follower;
        this.mails = mails;
    }

    @Incoming("billing-events")
    public Uni<Void> consume(Message<String> message) {
        return inbox.consume(CONSUMER, message, handlers(EventMeta.of(message)));
    }

    EventHandlers handlers(EventMeta meta) {
        return EventHandlers.builder()
                .on(BillingIssued.class, e -> follower.apply(meta, e.applicationId(), new Step("BILLING_ISSUED",
                        ApplicationStatus.AWAITING_PAYMENT, meta.time(),
                        details("billingCode", e.billingCode(), "amount", e.amount(), "expiresAt", e.expiresAt()), app -> {
                            app.billingCode = e.billingCode();
                            app.billingAmount = e.amount();
                            app.billingExpiresAt = e.expiresAt();
                            if (app.billingStatus == null) {
                                app.billingStatus = "ISSUED";
                            }
                            return app.billingStatus.equals("ISSUED")
                                    ? mails.queue(app, ApplicantMails.Kind.BILLING_ISSUED, e.billingCode(), e.amount(),
                                            mails.local(e.expiresAt()))
                                    : none();
                        })))
                .on(BillingPaid.class, e -> follower.apply(meta, e.applicationId(), new Step("BILLING_PAID",
                        ApplicationStatus.PAID, meta.or(e.paidAt()),
                        details("billingCode", e.billingCode(), "amount", e.amount(), "channel", e.channel(), "ntpn",
                                e.ntpn()), app -> {
                            app.billingCode = e.billingCode();
                            app.billingStatus = "PAID";
                            app.billingPaidAt = e.paidAt();
                            return none();
                        })))
                .on(BillingExpired.class, e -> follower.apply(meta, e.applicationId(), new Step("BILLING_EXPIRED",
                        ApplicationStatus.EXPIRED, meta.or(e.expiredAt()), details("billingCode", e.billingCode()), app -> {
                            if ("PAID".equals(app.billingStatus)) {
                                return none();
                            }
                            app.billingStatus = "EXPIRED";
                            return mails.queue(app, ApplicantMails.Kind.BILLING_EXPIRED, e.billingCode());
                        })))
                .on(LatePaymentReceived.class, e -> follower.step(meta, e.applicationId(), "LATE_PAYMENT_RECEIVED",
                        null, e.paidAt(), "billingCode", e.billingCode(), "amount", e.amount(), "channel", e.channel()))
                .build();
    }
}

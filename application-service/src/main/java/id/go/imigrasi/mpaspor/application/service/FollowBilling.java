package id.go.imigrasi.mpaspor.application.service;

import static id.go.imigrasi.mpaspor.application.service.ApplicationFollower.details;
import static id.go.imigrasi.mpaspor.application.service.ApplicationFollower.none;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.application.domain.ApplicationStatus;
import id.go.imigrasi.mpaspor.application.mail.ApplicantMails;
import id.go.imigrasi.mpaspor.contracts.billing.BillingExpired;
import id.go.imigrasi.mpaspor.contracts.billing.BillingIssued;
import id.go.imigrasi.mpaspor.contracts.billing.BillingPaid;
import id.go.imigrasi.mpaspor.contracts.billing.LatePaymentReceived;
import id.go.imigrasi.mpaspor.platform.inbox.Envelope;
import io.smallrye.mutiny.Uni;

/**
 * What happens to an application when billing-service reports on its bill (billing.events, each in its inbox
 * transaction): the bill on the application (Application.billing*), the status, the timeline entry, and the mails
 * that ask the applicant to pay, or to start again after expiry.
 */
@ApplicationScoped
public class FollowBilling {

    private final ApplicationFollower follower;
    private final ApplicantMails mails;

    public FollowBilling(ApplicationFollower follower, ApplicantMails mails) {
        this.follower = follower;
        this.mails = mails;
    }

    /** AWAITING_PAYMENT; the applicant is mailed the code and deadline unless the payment was reported first. */
    public Uni<Void> issued(BillingIssued e, Envelope envelope) {
        return follower.lock(e.applicationId(), "BILLING_ISSUED").chain(app -> app == null ? none()
                : (app.billingIssued(e.billingCode(), e.amount(), e.expiresAt())
                        ? mails.queueOnce(envelope.id(), app, ApplicantMails.Kind.BILLING_ISSUED, e.billingCode(),
                                e.amount(), mails.local(e.expiresAt()))
                        : none())
                        .chain(() -> follower.record(envelope, app, "BILLING_ISSUED",
                                ApplicationStatus.AWAITING_PAYMENT, envelope.time(), details("billingCode",
                                        e.billingCode(), "amount", e.amount(), "expiresAt", e.expiresAt()))));
    }

    /** PAID, at the payment's time. */
    public Uni<Void> paid(BillingPaid e, Envelope envelope) {
        return follower.lock(e.applicationId(), "BILLING_PAID").chain(app -> {
            if (app == null) {
                return none();
            }
            app.billingPaid(e.billingCode(), e.paidAt());
            return follower.record(envelope, app, "BILLING_PAID", ApplicationStatus.PAID, envelope.or(e.paidAt()),
                    details("billingCode", e.billingCode(), "amount", e.amount(), "channel", e.channel(), "ntpn",
                            e.ntpn()));
        });
    }

    /** EXPIRED (the held place is released by quota-service); the applicant is mailed unless it was paid. */
    public Uni<Void> expired(BillingExpired e, Envelope envelope) {
        return follower.lock(e.applicationId(), "BILLING_EXPIRED").chain(app -> app == null ? none()
                : (app.billingExpired() ? mails.queueOnce(envelope.id(), app,
                        ApplicantMails.Kind.BILLING_EXPIRED, e.billingCode())
                        : none())
                        .chain(() -> follower.record(envelope, app, "BILLING_EXPIRED", ApplicationStatus.EXPIRED,
                                envelope.or(e.expiredAt()), details("billingCode", e.billingCode()))));
    }

    /** A payment after expiry: only a timeline entry (billing-service flags it for refund; nothing revives). */
    public Uni<Void> latePayment(LatePaymentReceived e, Envelope envelope) {
        return follower.step(envelope, e.applicationId(), "LATE_PAYMENT_RECEIVED", null, e.paidAt(), "billingCode",
                e.billingCode(), "amount", e.amount(), "channel", e.channel());
    }
}

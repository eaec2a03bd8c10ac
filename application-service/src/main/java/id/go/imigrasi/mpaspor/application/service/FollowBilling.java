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
import id.go.imigrasi.mpaspor.contracts.billing.RefundApproved;
import id.go.imigrasi.mpaspor.contracts.billing.RefundPaid;
import id.go.imigrasi.mpaspor.contracts.billing.RefundRejected;
import id.go.imigrasi.mpaspor.contracts.billing.RefundRequested;
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

    /**
     * A payment after expiry: a timeline entry and a mail that the money comes back (billing-service opens the refund
     * case; nothing revives).
     */
    public Uni<Void> latePayment(LatePaymentReceived e, Envelope envelope) {
        return notify(envelope, e.applicationId(), ApplicantMails.Kind.LATE_PAYMENT, e.billingCode(), e.amount())
                .chain(() -> follower.step(envelope, e.applicationId(), "LATE_PAYMENT_RECEIVED", null, e.paidAt(),
                        "billingCode", e.billingCode(), "amount", e.amount(), "channel", e.channel()));
    }

    /** A refund case opened (issue 22): on the timeline, and the applicant is told. */
    public Uni<Void> refundRequested(RefundRequested e, Envelope envelope) {
        return notify(envelope, e.applicationId(), ApplicantMails.Kind.REFUND_REQUESTED, e.billingCode(), e.amount())
                .chain(() -> follower.step(envelope, e.applicationId(), "REFUND_REQUESTED", null, e.requestedAt(),
                        "billingCode", e.billingCode(), "amount", e.amount(), "reason", e.reason()));
    }

    public Uni<Void> refundApproved(RefundApproved e, Envelope envelope) {
        return notify(envelope, e.applicationId(), ApplicantMails.Kind.REFUND_APPROVED, e.billingCode(), e.amount())
                .chain(() -> follower.step(envelope, e.applicationId(), "REFUND_APPROVED", null, e.approvedAt(),
                        "billingCode", e.billingCode(), "amount", e.amount()));
    }

    public Uni<Void> refundRejected(RefundRejected e, Envelope envelope) {
        return notify(envelope, e.applicationId(), ApplicantMails.Kind.REFUND_REJECTED, e.billingCode(), e.amount(),
                e.reason())
                .chain(() -> follower.step(envelope, e.applicationId(), "REFUND_REJECTED", null, e.rejectedAt(),
                        "billingCode", e.billingCode(), "amount", e.amount(), "reason", e.reason()));
    }

    public Uni<Void> refundPaid(RefundPaid e, Envelope envelope) {
        return notify(envelope, e.applicationId(), ApplicantMails.Kind.REFUND_PAID, e.billingCode(), e.amount(),
                e.channel(), e.refundReference())
                .chain(() -> follower.step(envelope, e.applicationId(), "REFUND_PAID", null, e.paidAt(),
                        "billingCode", e.billingCode(), "amount", e.amount(), "refundReference",
                        e.refundReference()));
    }

    /** The applicant told once per event, on every channel they chose; an application not ours: nothing. */
    private Uni<Void> notify(Envelope envelope, String applicationId, ApplicantMails.Kind kind, Object... args) {
        return follower.lock(applicationId, kind.name()).chain(app -> app == null ? none()
                : mails.queueOnce(envelope.id(), app, kind, args));
    }
}

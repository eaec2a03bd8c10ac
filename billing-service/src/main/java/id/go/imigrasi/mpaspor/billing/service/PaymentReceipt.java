package id.go.imigrasi.mpaspor.billing.service;

import java.time.Instant;

import id.go.imigrasi.mpaspor.billing.domain.Payment;
import id.go.imigrasi.mpaspor.billing.domain.PaymentOutcome;

/**
 * The answer to a channel's callback, built only from the recorded payment, so a replay of the same callback
 * gets exactly the same answer. {@code status}: PAID (the bill is settled) or REFUND_REQUIRED (recorded, the
 * money goes back; {@code refundReason} LATE or ALREADY_PAID).
 */
public record PaymentReceipt(String billingCode, String channel, String channelReference, long amount,
        String status, String refundReason, String ntpn, Instant paidAt, Instant recordedAt) {

    public static PaymentReceipt of(Payment p) {
        return new PaymentReceipt(p.billingCode, p.channel, p.channelReference, p.amount,
                p.outcome == PaymentOutcome.APPLIED ? "PAID" : "REFUND_REQUIRED",
                p.refundReason == null ? null : p.refundReason.name(), p.ntpn, p.paidAt, p.recordedAt);
    }
}

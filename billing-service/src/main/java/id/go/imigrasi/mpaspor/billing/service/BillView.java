package id.go.imigrasi.mpaspor.billing.service;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.go.imigrasi.mpaspor.billing.domain.Bill;
import id.go.imigrasi.mpaspor.billing.domain.BillLine;
import id.go.imigrasi.mpaspor.billing.domain.Payment;

/** A bill as its owner, ops and integrators see it. Amounts in whole rupiah. */
public record BillView(String billingCode, String applicationId, String holdId, String officeCode, String status,
        long amount, String currency, Instant issuedAt, Instant expiresAt, Instant paidAt, Instant expiredAt,
        Instant cancelledAt, List<Line> lines, List<PaymentReceipt> payments) {

    @Schema(name = "BillLine", description = "One line of a bill: one item for one applicant, in whole rupiah")
    public record Line(int lineNo, String applicantId, String applicantName, String item, String description,
            long amount) {
    }

    public static BillView of(Bill bill, List<BillLine> lines, List<Payment> payments) {
        return new BillView(bill.billingCode, bill.applicationId, bill.holdId, bill.officeCode, bill.status.name(),
                bill.amount, "IDR", bill.issuedAt, bill.expiresAt, bill.paidAt, bill.expiredAt,
                bill.cancelledAt,
                lines.stream().map(l -> new Line(l.lineNo, l.applicantId, l.applicantName, l.item, l.description,
                        l.amount)).toList(),
                payments.stream().map(PaymentReceipt::of).toList());
    }
}

package id.go.imigrasi.mpaspor.billing.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.billing.BillingProblem;
import id.go.imigrasi.mpaspor.billing.domain.Bill;
import id.go.imigrasi.mpaspor.billing.domain.BillLine;
import id.go.imigrasi.mpaspor.billing.repository.BillLineRepository;
import id.go.imigrasi.mpaspor.billing.repository.BillRepository;
import id.go.imigrasi.mpaspor.billing.repository.PaymentRepository;
import id.go.imigrasi.mpaspor.platform.problem.ProblemException;
import id.go.imigrasi.mpaspor.platform.security.Caller;
import id.go.imigrasi.mpaspor.platform.security.Roles;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** Reads bills for their owners (others' bills answer 404) and for admins. */
@ApplicationScoped
public class BillQueries {

    /** A bill with its lines, for the invoice. */
    public record BillWithLines(Bill bill, List<BillLine> lines) {
    }

    private final BillRepository bills;
    private final BillLineRepository lines;
    private final PaymentRepository payments;

    public BillQueries(BillRepository bills, BillLineRepository lines, PaymentRepository payments) {
        this.bills = bills;
        this.lines = lines;
        this.payments = payments;
    }

    @WithSession
    public Uni<BillView> byCode(String billingCode, Caller caller) {
        return bills.findByCode(billingCode).chain(bill -> view(owned(bill, caller)));
    }

    /** How long a bill usually takes after a submission (the outbox relay and billing's consumer, end to end). */
    static final java.time.Duration NOT_YET_RETRY = java.time.Duration.ofSeconds(1);

    @WithSession
    public Uni<BillView> byApplication(String applicationId, Caller caller) {
        return bills.findByApplication(applicationId).chain(bill -> {
            // billing learns of a submission from its event, a moment after the 202: "not yet", with when to look
            // again. Another account's bill answers the same, so the answer never tells whether a bill exists.
            if (bill == null || !(caller.hasRole(Roles.ADMIN) || caller.accountId().equals(bill.accountId))) {
                throw ProblemException.retryLater(BillingProblem.BILL_NOT_YET_ISSUED, NOT_YET_RETRY);
            }
            return view(owned(bill, caller));
        });
    }

    @WithSession
    public Uni<BillWithLines> forInvoice(String billingCode, Caller caller) {
        return bills.findByCode(billingCode).map(bill -> owned(bill, caller))
                .chain(bill -> lines.ofBill(bill.id).map(l -> new BillWithLines(bill, l)));
    }

    private Uni<BillView> view(Bill bill) {
        return lines.ofBill(bill.id).chain(l -> payments.ofBill(bill.id).map(p -> BillView.of(bill, l, p)));
    }

    private static Bill owned(Bill bill, Caller caller) {
        if (bill == null) {
            throw ProblemException.of(BillingProblem.BILL_NOT_FOUND);
        }
        try {
            caller.requireOwner(bill.accountId);
        } catch (ProblemException notYours) {
            throw ProblemException.of(BillingProblem.BILL_NOT_FOUND);
        }
        return bill;
    }
}

package id.go.imigrasi.mpaspor.billing.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import id.go.imigrasi.mpaspor.billing.config.BillingConfig;
import id.go.imigrasi.mpaspor.billing.domain.Bill;
import id.go.imigrasi.mpaspor.billing.domain.BillLine;
import id.go.imigrasi.mpaspor.billing.domain.BillStatus;
import id.go.imigrasi.mpaspor.billing.domain.BillingCode;
import id.go.imigrasi.mpaspor.billing.domain.Tariff;
import id.go.imigrasi.mpaspor.billing.repository.BillLineRepository;
import id.go.imigrasi.mpaspor.billing.repository.BillRepository;
import id.go.imigrasi.mpaspor.contracts.application.ApplicationSubmitted;
import id.go.imigrasi.mpaspor.contracts.billing.BillingIssued;
import id.go.imigrasi.mpaspor.platform.inbox.PoisonEventException;
import id.go.imigrasi.mpaspor.platform.outbox.Outbox;
import io.smallrye.mutiny.Uni;

/**
 * Issues the bill of a submitted application: the fee per applicant from the tariff, a fresh 15-digit code, the
 * deadline, and BillingIssued, all in the inbox transaction of the ApplicationSubmitted event.
 */
@ApplicationScoped
public class BillIssuance {

    private static final Logger LOG = Logger.getLogger(BillIssuance.class);

    private final BillRepository bills;
    private final BillLineRepository lines;
    private final Outbox outbox;
    private final BillingConfig config;
    private final Tariff tariff;

    private final Clock clock;

    public BillIssuance(BillRepository bills, BillLineRepository lines, Outbox outbox, BillingConfig config, Clock clock) {
        this.clock = clock;
        this.bills = bills;
        this.lines = lines;
        this.outbox = outbox;
        this.config = config;
        this.tariff = new Tariff(config.fees(), config.timeZone());
    }

    /** Runs inside the inbox transaction (the caller's session); a second event for the same application is a no-op. */
    public Uni<Void> onSubmitted(ApplicationSubmitted submitted) {
        if (submitted.applicationId() == null || submitted.applicationId().isBlank()
                || submitted.accountId() == null || submitted.accountId().isBlank()) {
            return Uni.createFrom().failure(new PoisonEventException("ApplicationSubmitted without application or account id"));
        }
        List<Tariff.Line> priced;
        try {
            priced = tariff.linesFor(submitted.applicants(), submitted.submittedAt(), submitted.service());
        } catch (Tariff.UnpriceableApplicant e) {
            return Uni.createFrom().failure(new PoisonEventException(
                    "application " + submitted.applicationId() + " cannot be billed: " + e.getMessage(), e));
        }
        return bills.findByApplication(submitted.applicationId()).chain(existing -> {
            if (existing != null) {
                LOG.infof("application %s already has bill %s; event ignored", submitted.applicationId(),
                        existing.billingCode);
                return Uni.createFrom().voidItem();
            }
            return bills.nextCodeSequence().chain(sequence -> issue(submitted, priced, sequence));
        });
    }

    private Uni<Void> issue(ApplicationSubmitted submitted, List<Tariff.Line> priced, long sequence) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Bill bill = new Bill();
        bill.id = UUID.randomUUID();
        bill.applicationId = submitted.applicationId();
        bill.accountId = submitted.accountId();
        bill.holdId = submitted.holdId();
        bill.officeCode = submitted.officeCode();
        bill.appointmentDate = submitted.appointmentDate();
        bill.billingCode = BillingCode.of(config.codePrefix(), sequence);
        bill.amount = Tariff.total(priced);
        bill.status = BillStatus.ISSUED;
        SagaTrace.remember(bill);
        bill.issuedAt = now;
        bill.expiresAt = now.plus(config.paymentDeadline());
        Uni<Void> chain = bills.persist(bill).replaceWithVoid();
        for (int i = 0; i < priced.size(); i++) {
            Tariff.Line l = priced.get(i);
            BillLine line = new BillLine();
            line.billId = bill.id;
            line.lineNo = i + 1;
            line.applicantId = l.applicantId();
            line.applicantName = l.applicantName();
            line.item = l.item();
            line.description = l.description();
            line.amount = l.amount();
            chain = chain.chain(() -> lines.persist(line)).replaceWithVoid();
        }
        return chain
                .chain(() -> outbox.append(new BillingIssued(bill.applicationId, bill.holdId, bill.billingCode,
                        bill.amount, bill.expiresAt)))
                .invoke(() -> LOG.infof("bill %s issued for application %s: Rp %d, due %s", bill.billingCode,
                        bill.applicationId, bill.amount, bill.expiresAt))
                .replaceWithVoid();
    }
}

package id.go.imigrasi.mpaspor.platform.support;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import id.go.imigrasi.mpaspor.contracts.billing.BillingPaid;
import id.go.imigrasi.mpaspor.platform.inbox.EventHandlers;
import id.go.imigrasi.mpaspor.platform.inbox.Inbox;
import id.go.imigrasi.mpaspor.platform.trace.Tracing;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * A consumer of the test application: every BillingPaid adds a ledger row. Channel {@code FLAKY} fails its first
 * two attempts after writing (the write must roll back); {@code ALWAYS-FAIL} never succeeds.
 */
@ApplicationScoped
public class LedgerConsumer {

    public static final Map<String, AtomicInteger> ATTEMPTS = new ConcurrentHashMap<>();
    /** The trace each effect ran in, by billing code (what the events it appended would carry). */
    public static final Map<String, String> TRACES = new ConcurrentHashMap<>();

    private final Inbox inbox;
    private final EventHandlers handlers;

    public LedgerConsumer(Inbox inbox) {
        this.inbox = inbox;
        this.handlers = EventHandlers.builder().on(BillingPaid.class, this::record).build();
    }

    @Incoming("billing-in")
    public Uni<Void> consume(Message<String> message) {
        return inbox.consume("ledger", message, handlers);
    }

    private Uni<Void> record(BillingPaid paid) {
        int attempt = ATTEMPTS.computeIfAbsent(paid.billingCode(), k -> new AtomicInteger()).incrementAndGet();
        Tracing.current().ifPresent(trace -> TRACES.put(paid.billingCode(), trace.header()));
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("INSERT INTO ledger (billing_code, amount) VALUES (:code, :amount)")
                        .setParameter("code", paid.billingCode()).setParameter("amount", paid.amount())
                        .executeUpdate())
                .invoke(() -> {
                    if ("ALWAYS-FAIL".equals(paid.channel())) {
                        throw new IllegalStateException("ledger refuses channel ALWAYS-FAIL");
                    }
                    if ("FLAKY".equals(paid.channel()) && attempt < 3) {
                        throw new IllegalStateException("transient ledger failure, attempt " + attempt);
                    }
                })
                .replaceWithVoid();
    }
}

package id.go.imigrasi.mpaspor.platform.support;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.contracts.billing.BillingPaid;
import id.go.imigrasi.mpaspor.platform.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** A use case of the test application: record a payment and publish BillingPaid in the same transaction. */
@ApplicationScoped
public class TestPayments {

    private final Outbox outbox;

    public TestPayments(Outbox outbox) {
        this.outbox = outbox;
    }

    @WithTransaction
    public Uni<UUID> record(String applicationId, String billingCode, long amount, String channel,
            boolean failAfterWrite) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("INSERT INTO payment (id, application_id, billing_code, amount) "
                        + "VALUES (:id, :app, :code, :amount)")
                        .setParameter("id", UUID.randomUUID()).setParameter("app", applicationId)
                        .setParameter("code", billingCode).setParameter("amount", amount).executeUpdate())
                .chain(() -> outbox.append(new BillingPaid(applicationId, "hold-" + applicationId, billingCode, amount,
                        channel, "NTPN" + billingCode, Instant.now())))
                .invoke(() -> {
                    if (failAfterWrite) {
                        throw new IllegalStateException("simulated failure after the writes");
                    }
                });
    }

    /** Not annotated: the outbox must refuse to write outside a transaction. */
    public Uni<UUID> withoutTransaction(String applicationId) {
        return Panache.withSession(() -> outbox.append(new BillingPaid(applicationId, "h", "000", 1, "ATM", "N",
                Instant.now())));
    }
}

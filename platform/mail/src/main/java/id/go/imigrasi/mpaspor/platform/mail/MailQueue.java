package id.go.imigrasi.mpaspor.platform.mail;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Queues a mail the only safe way: as a row written in the caller's transaction, next to the state change that
 * calls for it. If the transaction rolls back, the mail never existed; once it commits, {@link MailDispatcher}
 * sends it, so a slow or absent SMTP server never fails nor slows the step. Calling this outside a transaction is a
 * programming error and fails. A mail with an idempotency key that is already queued (sent or not) is not queued
 * again.
 * <pre>
 * Panache.withTransaction(() -&gt; change.chain(() -&gt; mails.enqueue(OutgoingMail.of(to, "WELCOME", subject, body))))
 *         .invoke(mails::wake); // after commit: send now rather than at the dispatcher's next tick
 * </pre>
 */
@ApplicationScoped
public class MailQueue {

    /** '' stands for "none" (an {@link OutgoingMail} never has a blank key): NULLs do not conflict. */
    private static final String INSERT = "INSERT INTO queued_mail"
            + " (id, recipient, kind, subject, body, aggregate_id, idempotency_key, channel, created_at, next_attempt_at)"
            + " VALUES (:id, :recipient, :kind, :subject, :body, NULLIF(:aggregate, ''), NULLIF(:key, ''), :channel,"
            + " now(), now())"
            + " ON CONFLICT (idempotency_key) DO NOTHING";

    private final MailDispatcher dispatcher;

    public MailQueue(MailDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    /** Queues the mail in the current transaction; {@code false} when its idempotency key was queued before. */
    public Uni<Boolean> enqueue(OutgoingMail mail) {
        return Panache.currentTransaction()
                .onItem().ifNull().failWith(() -> new IllegalStateException(
                        "MailQueue.enqueue must run inside the transaction of the step that calls for the mail"))
                .chain(tx -> Panache.getSession())
                .chain(session -> session.createNativeQuery(INSERT)
                        .setParameter("id", UUID.randomUUID())
                        .setParameter("recipient", mail.recipient())
                        .setParameter("kind", mail.kind())
                        .setParameter("subject", mail.subject())
                        .setParameter("body", mail.body())
                        .setParameter("aggregate", mail.aggregateId() == null ? "" : mail.aggregateId())
                        .setParameter("key", mail.idempotencyKey() == null ? "" : mail.idempotencyKey())
                        .setParameter("channel", mail.channel().name())
                        .executeUpdate())
                .map(inserted -> inserted == 1);
    }

    /** After the commit that queued mail: the dispatcher sends now rather than at its next tick. Returns at once. */
    public void wake() {
        dispatcher.wake();
    }
}

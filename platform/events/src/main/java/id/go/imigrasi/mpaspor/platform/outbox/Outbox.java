package id.go.imigrasi.mpaspor.platform.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.go.imigrasi.mpaspor.contracts.EventTypes;
import id.go.imigrasi.mpaspor.contracts.IntegrationEvent;
import id.go.imigrasi.mpaspor.platform.events.CloudEvents;
import id.go.imigrasi.mpaspor.platform.trace.TraceParent;
import id.go.imigrasi.mpaspor.platform.trace.Tracing;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Publishes an event the only safe way: as a row written in the caller's transaction, next to the state change
 * it reports. If the transaction rolls back, the event never existed; once it commits, the relay publishes it.
 * Calling this outside a transaction is a programming error and fails.
 */
@ApplicationScoped
public class Outbox {

    private final ObjectMapper json;
    private final String source;
    private final Clock clock;

    public Outbox(ObjectMapper json, Clock clock,
            @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.json = json;
        this.clock = clock;
        this.source = CloudEvents.sourceOf(applicationName);
    }

    /** Appends the event to the outbox of the current transaction; returns the CloudEvents id. */
    public Uni<UUID> append(IntegrationEvent event) {
        OutboxRow row;
        try {
            row = row(event, clock.instant());
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(e);
        }
        return Panache.currentTransaction()
                .onItem().ifNull().failWith(() -> new IllegalStateException(
                        "Outbox.append must run inside the transaction of the state change (@WithTransaction)"))
                .chain(tx -> Panache.getSession())
                .chain(session -> session.persist(traced(row.toMessage())))
                .replaceWith(row.id());
    }

    /** The trace of the request or consumed event this change belongs to (a new one for untraced work). */
    private static OutboxMessage traced(OutboxMessage message) {
        message.traceparent = Tracing.current().orElseGet(TraceParent::newTrace).header();
        return message;
    }

    /**
     * The outbox row of {@code event}, not written: for a statement that inserts many events itself in one round
     * trip ({@link OutboxRow#insertSql}). The same id, type, topic, source and payload as {@link #append} writes.
     *
     * @throws IllegalArgumentException when the event has no aggregate id or cannot be serialized
     */
    public OutboxRow row(IntegrationEvent event, Instant createdAt) {
        if (event.aggregateId() == null || event.aggregateId().isBlank()) {
            throw new IllegalArgumentException("event without aggregate id: " + event);
        }
        String payload;
        try {
            payload = json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event is not serializable: " + event, e);
        }
        return new OutboxRow(UUID.randomUUID(), event.aggregateId(), EventTypes.ceType(event.getClass()),
                EventTypes.topic(event.getClass()), source, payload, createdAt);
    }
}

package id.go.imigrasi.mpaspor.platform.outbox;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.go.imigrasi.mpaspor.contracts.EventTypes;
import id.go.imigrasi.mpaspor.contracts.IntegrationEvent;
import id.go.imigrasi.mpaspor.platform.events.CloudEvents;
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

    public Outbox(ObjectMapper json, @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.json = json;
        this.source = CloudEvents.sourceOf(applicationName);
    }

    /** Appends the event to the outbox of the current transaction; returns the CloudEvents id. */
    public Uni<UUID> append(IntegrationEvent event) {
        OutboxMessage message = new OutboxMessage();
        message.id = UUID.randomUUID();
        message.aggregateId = event.aggregateId();
        message.type = EventTypes.ceType(event.getClass());
        message.topic = EventTypes.topic(event.getClass());
        message.source = source;
        message.createdAt = Instant.now();
        try {
            message.payload = json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalArgumentException("event is not serializable: " + event, e));
        }
        if (message.aggregateId == null || message.aggregateId.isBlank()) {
            return Uni.createFrom().failure(new IllegalArgumentException("event without aggregate id: " + event));
        }
        return Panache.currentTransaction()
                .onItem().ifNull().failWith(() -> new IllegalStateException(
                        "Outbox.append must run inside the transaction of the state change (@WithTransaction)"))
                .chain(tx -> Panache.getSession())
                .chain(session -> session.persist(message))
                .replaceWith(message.id);
    }
}

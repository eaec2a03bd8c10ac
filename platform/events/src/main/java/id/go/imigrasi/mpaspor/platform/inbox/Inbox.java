package id.go.imigrasi.mpaspor.platform.inbox;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;


import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.reactive.messaging.Message;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import id.go.imigrasi.mpaspor.platform.events.CloudEvents;
import id.go.imigrasi.mpaspor.platform.trace.TraceParent;
import id.go.imigrasi.mpaspor.platform.trace.Tracing;
import id.go.imigrasi.mpaspor.platform.reactive.OnContext;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

/**
 * The idempotent consumer. For each Kafka message it
 * <ol>
 * <li>reads the CloudEvents attributes (a message without them is poison) and continues the producer's trace
 * ({@code traceparent}, the distributed-tracing extension) in the log context and the events it appends;</li>
 * <li>in one transaction, records {@code (consumer, event id)} in the {@code inbox} table and applies the
 * handler's effect; an id already recorded means a redelivery, and nothing is applied again;</li>
 * <li>retries a failing effect with exponential backoff (each attempt a fresh transaction), on the message's
 * own Vert.x context;</li>
 * <li>acknowledges the message only after the effect committed, so the offset is committed after the effect;
 * after the last attempt, or at once for poison, it nacks, and the connector's dead-letter strategy parks the
 * record in the dead-letter topic with the reason in its headers. Nothing is dropped silently.</li>
 * <li>once the service is stopping ({@link ShutdownEvent}), a failing effect is neither retried nor parked: the
 * failure is the stop's own (the connection pool closing under the effect), not the event's. The message stays
 * unacknowledged, its offset uncommitted, and the next consumer of the partition (this service restarted, or
 * another instance) gets it again; the inbox applies it once. The consumers stop without the connector's grace
 * ({@code graceful-shutdown=false}, the platform's configuration), so this is what an effect in flight meets.</li>
 * </ol>
 * A consumer is a few lines:
 *
 * <pre>
 * &#64;Incoming("billing-events")
 * public Uni&lt;Void&gt; consume(Message&lt;String&gt; message) {
 *     return inbox.consume("quota", message, handlers);
 * }
 * </pre>
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);
    private static final String RECORD = "INSERT INTO inbox (consumer, event_id, event_type, source) "
            + "VALUES (:consumer, :id, :type, :source) ON CONFLICT DO NOTHING";

    private final ObjectMapper json;
    private final Vertx vertx;
    private final InboxConfig config;
    private final Counter applied;
    private final Counter duplicates;
    private final Counter deadLettered;
    private final Counter leftForRedelivery;
    private volatile boolean stopping;

    public Inbox(ObjectMapper json, Vertx vertx, InboxConfig config, MeterRegistry registry) {
        this.json = json;
        this.vertx = vertx;
        this.config = config;
        this.applied = Counter.builder("mpaspor.inbox.applied").description("Events whose effect was applied")
                .register(registry);
        this.duplicates = Counter.builder("mpaspor.inbox.duplicates")
                .description("Redelivered events skipped because their id was already applied").register(registry);
        this.deadLettered = Counter.builder("mpaspor.inbox.dead.lettered")
                .description("Events parked in a dead-letter topic (unreadable, or failed every attempt)")
                .register(registry);
        this.leftForRedelivery = Counter.builder("mpaspor.inbox.left.for.redelivery")
                .description("Events whose effect failed while the service was stopping: left unacknowledged, "
                        + "delivered again after the restart")
                .register(registry);
    }

    /** The first step of the service's stop: from now on a failing effect is left for redelivery. */
    public void stopping(@Observes ShutdownEvent event) {
        stopping = true;
    }

    public Uni<Void> consume(String consumer, Message<String> message, EventHandlers handlers) {
        Uni<Void> work;
        Optional<IncomingCloudEventMetadata> ce = message.getMetadata(IncomingCloudEventMetadata.class);
        if (ce.isEmpty()) {
            work = Uni.createFrom().failure(new PoisonEventException("not a CloudEvent: no ce_id / ce_type"));
        } else {
            IncomingCloudEventMetadata<?> event = ce.get();
            // the saga's trace continues: this consumer's work is a new span of the producer's trace, and the
            // events it appends to the outbox carry it on (Outbox reads it from the log context)
            Tracing.enter(TraceParent.childOf(event.getExtension(CloudEvents.TRACEPARENT).map(Object::toString)
                    .orElse(null)));
            work = handlers.forType(event.getType())
                    .map(handler -> apply(consumer, event, message.getPayload(), handler))
                    .orElseGet(() -> Uni.createFrom().voidItem());
        }
        return work.onItemOrFailure().transformToUni((ok, failure) -> {
            if (failure == null) {
                return Uni.createFrom().completionStage(message.ack());
            }
            if (stopping && !(failure instanceof PoisonEventException)) {
                leftForRedelivery.increment();
                LOG.infof("%s: event %s not applied while stopping (%s); left unacknowledged for redelivery", consumer,
                        ce.map(IncomingCloudEventMetadata::getId).orElse("?"), failure.toString());
                return Uni.createFrom().voidItem();
            }
            deadLettered.increment();
            LOG.errorf(failure, "%s: event %s goes to the dead-letter topic", consumer,
                    ce.map(IncomingCloudEventMetadata::getId).orElse("?"));
            return Uni.createFrom().completionStage(message.nack(failure));
        });
    }

    private Uni<Void> apply(String consumer, IncomingCloudEventMetadata<?> ce, String payload,
            EventHandlers.Handler<?> handler) {
        Object event;
        try {
            event = json.readValue(payload, handler.eventClass());
        } catch (Exception e) {
            return Uni.createFrom().failure(new PoisonEventException(
                    "unreadable " + ce.getType() + " payload: " + e.getMessage(), e));
        }
        Executor context = OnContext.capture();
        Supplier<Uni<Void>> attempt = () -> Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.<Integer>createNativeQuery(RECORD)
                        .setParameter("consumer", consumer)
                        .setParameter("id", ce.getId())
                        .setParameter("type", ce.getType())
                        .setParameter("source", ce.getSource().toString())
                        .executeUpdate())
                .chain(recorded -> {
                    if (recorded == 0) {
                        duplicates.increment();
                        LOG.debugf("%s: event %s already applied, skipped", consumer, ce.getId());
                        return Uni.createFrom().voidItem();
                    }
                    return handler.apply(event, Envelope.of(ce)).invoke(() -> applied.increment());
                }));
        return withRetries(attempt, context, 1);
    }

    private Uni<Void> withRetries(Supplier<Uni<Void>> attempt, Executor context, int number) {
        return Uni.createFrom().deferred(attempt::get)
                .onFailure(failure -> !(failure instanceof PoisonEventException) && number < config.maxAttempts()
                        && !stopping)
                .recoverWithUni(failure -> {
                    Duration pause = backoff(number);
                    LOG.warnf("attempt %d failed (%s); retrying in %d ms", number, failure.toString(), pause.toMillis());
                    return later(pause, context, () -> withRetries(attempt, context, number + 1));
                });
    }

    /** Runs the next attempt on the message's own Vert.x context after the pause. */
    private Uni<Void> later(Duration pause, Executor context, Supplier<Uni<Void>> next) {
        return Uni.createFrom().emitter(emitter -> vertx.setTimer(Math.max(1, pause.toMillis()), timer -> {
            Runnable run = () -> next.get().subscribe().with(emitter::complete, emitter::fail);
            context.execute(run);
        }));
    }

    private Duration backoff(int failures) {
        long cap = Math.min(config.backoff().max().toMillis(),
                config.backoff().initial().toMillis() << Math.min(failures - 1, 20));
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(cap / 2, cap + 1));
    }
}

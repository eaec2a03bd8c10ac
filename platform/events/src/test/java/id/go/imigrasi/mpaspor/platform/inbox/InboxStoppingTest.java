package id.go.imigrasi.mpaspor.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import id.go.imigrasi.mpaspor.contracts.billing.BillingPaid;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.ce.impl.DefaultIncomingCloudEventMetadata;
import io.vertx.core.Vertx;

/**
 * What the inbox does with an effect that fails while the service stops. The consumers stop without the connector's
 * grace (platform configuration {@code graceful-shutdown=false}), so an effect can be in flight while the
 * connection pool closes under it. Such a failure is the stop's, not the event's: parking the event in the
 * dead-letter topic would take it away from the restarted consumer and leave it to an operator. Here the effect has
 * no database at all (no Quarkus, so no Hibernate Reactive session: every attempt fails, as against a closed pool).
 */
class InboxStoppingTest {

    private static final String PAID = "{\"applicationId\":\"app-1\",\"holdId\":\"h\",\"billingCode\":\"8000\","
            + "\"amount\":950000,\"channel\":\"ATM\",\"ntpn\":\"N1\",\"paidAt\":\"2026-12-07T01:00:00Z\"}";

    private Vertx vertx;
    private SimpleMeterRegistry registry;
    private Inbox inbox;
    private final EventHandlers handlers = EventHandlers.builder()
            .on(BillingPaid.class, paid -> Uni.createFrom().voidItem()).build();

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        registry = new SimpleMeterRegistry();
        inbox = new Inbox(new ObjectMapper().registerModule(new JavaTimeModule()), vertx, new InboxConfig() {
            @Override
            public int maxAttempts() {
                return 3;
            }

            @Override
            public Backoff backoff() {
                return new Backoff() {
                    @Override
                    public Duration initial() {
                        return Duration.ofMillis(5);
                    }

                    @Override
                    public Duration max() {
                        return Duration.ofMillis(10);
                    }
                };
            }

            @Override
            public Duration retention() {
                return Duration.ofDays(30);
            }
        }, registry);
    }

    @AfterEach
    void stop() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    /** A message as the Kafka connector delivers it, counting its acks and nacks. */
    private static final class Delivered {
        final AtomicInteger acks = new AtomicInteger();
        final AtomicInteger nacks = new AtomicInteger();
        final Message<String> message;

        Delivered(String payload) {
            var ce = new DefaultIncomingCloudEventMetadata<>("1.0", UUID.randomUUID().toString(),
                    URI.create("/mpaspor/billing-service"), "mpaspor.billing.BillingPaid.v1", "application/json", null,
                    "app-1", ZonedDateTime.now(), Map.of(), payload);
            message = Message.of(payload, Metadata.of(ce), () -> {
                acks.incrementAndGet();
                return CompletableFuture.completedFuture(null);
            }, failure -> {
                nacks.incrementAndGet();
                return CompletableFuture.completedFuture(null);
            });
        }
    }

    private void consume(Delivered delivered) {
        inbox.consume("ledger", delivered.message, handlers).await().atMost(Duration.ofSeconds(10));
    }

    private double counted(String name) {
        return registry.counter(name).count();
    }

    @Test
    void aRunningServiceParksAnEffectThatFailsEveryAttempt() {
        Delivered delivered = new Delivered(PAID);
        consume(delivered);

        assertThat(delivered.nacks).as("parked in the dead-letter topic").hasValue(1);
        assertThat(delivered.acks).hasValue(0);
        assertThat(counted("mpaspor.inbox.dead.lettered")).isEqualTo(1);
    }

    @Test
    void aStoppingServiceLeavesAFailedEffectUnacknowledgedForTheNextConsumer() {
        inbox.stopping(null);
        Delivered delivered = new Delivered(PAID);
        consume(delivered);

        assertThat(delivered.nacks).as("not parked: the failure is the stop's").hasValue(0);
        assertThat(delivered.acks).as("not acknowledged: its offset is not committed").hasValue(0);
        assertThat(counted("mpaspor.inbox.left.for.redelivery")).isEqualTo(1);
        assertThat(counted("mpaspor.inbox.dead.lettered")).isZero();
    }

    @Test
    void aStoppingServiceStillParksPoison() {
        inbox.stopping(null);
        Delivered unreadable = new Delivered("{\"applicationId\": \"not closed");
        consume(unreadable);

        assertThat(unreadable.nacks).as("an unreadable event fails on every consumer: parked").hasValue(1);
        assertThat(counted("mpaspor.inbox.left.for.redelivery")).isZero();
    }
}

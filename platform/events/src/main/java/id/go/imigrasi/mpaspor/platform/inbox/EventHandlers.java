package id.go.imigrasi.mpaspor.platform.inbox;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

import id.go.imigrasi.mpaspor.contracts.EventTypes;
import id.go.imigrasi.mpaspor.contracts.IntegrationEvent;
import io.smallrye.mutiny.Uni;

/**
 * What one consumer does with each event type it cares about. Types it does not list are acknowledged and
 * ignored (a topic carries all of its producer's events).
 */
public final class EventHandlers {

    public record Handler<E extends IntegrationEvent>(Class<E> eventClass, BiFunction<E, Envelope, Uni<Void>> effect) {

        Handler(Class<E> eventClass, Function<E, Uni<Void>> effect) {
            this(eventClass, (event, envelope) -> effect.apply(event));
        }

        Uni<Void> apply(Object event, Envelope envelope) {
            return effect.apply(eventClass.cast(event), envelope);
        }
    }

    private final Map<String, Handler<?>> byType;

    private EventHandlers(Map<String, Handler<?>> byType) {
        this.byType = Map.copyOf(byType);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Optional<Handler<?>> forType(String ceType) {
        return Optional.ofNullable(byType.get(ceType));
    }

    public static final class Builder {
        private final Map<String, Handler<?>> byType = new HashMap<>();

        /** The effect runs inside the inbox transaction: use the caller's Hibernate Reactive session. */
        public <E extends IntegrationEvent> Builder on(Class<E> eventClass, Function<E, Uni<Void>> effect) {
            byType.put(EventTypes.ceType(eventClass), new Handler<>(eventClass, effect));
            return this;
        }

        /**
         * The same, for an effect that needs the event's CloudEvent attributes too (its id, e.g. as the key of what
         * it records, or its time): {@code .on(BillingIssued.class, billing::issued)} with
         * {@code Uni<Void> issued(BillingIssued event, Envelope envelope)}.
         */
        public <E extends IntegrationEvent> Builder on(Class<E> eventClass,
                BiFunction<E, Envelope, Uni<Void>> effect) {
            byType.put(EventTypes.ceType(eventClass), new Handler<>(eventClass, effect));
            return this;
        }

        public EventHandlers build() {
            return new EventHandlers(byType);
        }
    }
}

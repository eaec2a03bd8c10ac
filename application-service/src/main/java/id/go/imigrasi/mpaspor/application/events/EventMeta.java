package id.go.imigrasi.mpaspor.application.events;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.UUID;

import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;

/** The CloudEvents id and time of the message being consumed: the timeline's entry key and its time. */
public record EventMeta(String id, Instant time) {

    @SuppressWarnings("rawtypes")
    public static EventMeta of(Message<?> message) {
        Optional<IncomingCloudEventMetadata> ce = message.getMetadata(IncomingCloudEventMetadata.class);
        String id = ce.map(IncomingCloudEventMetadata::getId).orElse("unknown-" + UUID.randomUUID());
        Instant time = ce.flatMap(c -> ((IncomingCloudEventMetadata<?>) c).getTimeStamp()).map(ZonedDateTime::toInstant)
                .orElseGet(Instant::now);
        return new EventMeta(id, time);
    }

    /** The business time the payload carries, when it has one; the envelope's time otherwise. */
    public Instant or(Instant payloadTime) {
        return payloadTime != null ? payloadTime : time;
    }
}

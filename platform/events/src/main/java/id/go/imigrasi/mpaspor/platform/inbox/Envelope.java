package id.go.imigrasi.mpaspor.platform.inbox;

import java.time.Instant;
import java.time.ZonedDateTime;

import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;

/**
 * The CloudEvent attributes of the event being handled, for handlers that need more than its payload: its id
 * (unique per event, the same on a redelivery), type, source, subject (the aggregate id) and time (when the
 * producer wrote it; the time it was consumed when the producer sent none).
 */
public record Envelope(String id, String type, String source, String subject, Instant time) {

    static Envelope of(IncomingCloudEventMetadata<?> ce) {
        return new Envelope(ce.getId(), ce.getType(), String.valueOf(ce.getSource()), ce.getSubject().orElse(null),
                ce.getTimeStamp().map(ZonedDateTime::toInstant).orElseGet(Instant::now));
    }

    /** The business time the payload carries, when it has one; the envelope's time otherwise. */
    public Instant or(Instant payloadTime) {
        return payloadTime != null ? payloadTime : time;
    }
}

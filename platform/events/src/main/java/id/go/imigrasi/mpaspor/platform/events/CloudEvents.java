package id.go.imigrasi.mpaspor.platform.events;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;

/**
 * The CloudEvents 1.0 envelope of every M-Paspor event (CloudEvents Java SDK). On Kafka it travels in binary
 * mode: the attributes as {@code ce_*} headers, the JSON payload as the record value, the aggregate id as the
 * record key and as the {@code subject} and {@code partitionkey} attributes.
 */
public final class CloudEvents {

    public static final String JSON = "application/json";
    public static final String PARTITION_KEY = "partitionkey";
    /** The distributed-tracing extension's attribute (W3C Trace Context). */
    public static final String TRACEPARENT = "traceparent";

    private CloudEvents() {
    }

    public static CloudEvent envelope(String id, String source, String type, String aggregateId, Instant time,
            String payloadJson) {
        return envelope(id, source, type, aggregateId, time, payloadJson, null);
    }

    /**
     * With the CloudEvents distributed-tracing extension: {@code traceparent} (W3C Trace Context) of the work that
     * produced the event, when known; on Kafka the {@code ce_traceparent} header.
     */
    public static CloudEvent envelope(String id, String source, String type, String aggregateId, Instant time,
            String payloadJson, String traceparent) {
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(id)
                .withSource(URI.create(source))
                .withType(type)
                .withSubject(aggregateId)
                .withTime(time.atOffset(ZoneOffset.UTC))
                .withDataContentType(JSON)
                .withExtension(PARTITION_KEY, aggregateId)
                .withData(payloadJson.getBytes(StandardCharsets.UTF_8));
        if (traceparent != null && !traceparent.isBlank()) {
            builder.withExtension(TRACEPARENT, traceparent);
        }
        return builder.build();
    }

    /** {@code /mpaspor/billing-service} */
    public static String sourceOf(String applicationName) {
        return "/mpaspor/" + applicationName;
    }
}

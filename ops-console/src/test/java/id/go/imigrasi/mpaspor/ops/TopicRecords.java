package id.go.imigrasi.mpaspor.ops;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;

import id.go.imigrasi.mpaspor.ops.console.ConsoleEvent;

/** Records as they come off the services' topics (CloudEvents binary mode), for the console's folding tests. */
final class TopicRecords {

    private long offset;

    /** An event of {@code topic} named {@code name}, keyed by its aggregate, with an optional traceparent. */
    ConsoleEvent event(String topic, String name, String key, Instant time, String id, String traceparent,
            String json) {
        RecordHeaders headers = new RecordHeaders();
        String service = topic.substring(0, topic.indexOf('.'));
        headers.add("ce_id", id.getBytes(StandardCharsets.UTF_8));
        headers.add("ce_type", ("mpaspor." + service + "." + name + ".v1").getBytes(StandardCharsets.UTF_8));
        headers.add("ce_time", time.toString().getBytes(StandardCharsets.UTF_8));
        if (traceparent != null) {
            headers.add("ce_traceparent", traceparent.getBytes(StandardCharsets.UTF_8));
        }
        return ConsoleEvent.of(new ConsumerRecord<>(topic, 0, offset++, time.toEpochMilli(), TimestampType.CREATE_TIME,
                0, 0, key, json.getBytes(StandardCharsets.UTF_8), headers, Optional.empty()));
    }
}

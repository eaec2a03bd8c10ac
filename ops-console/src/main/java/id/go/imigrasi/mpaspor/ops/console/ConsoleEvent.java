package id.go.imigrasi.mpaspor.ops.console;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * One record of a topic as the console reads it: where it is, its key (the aggregate id), its CloudEvents
 * attributes (binary mode: the {@code ce_*} headers), the other headers (a dead letter's reason) and the payload.
 */
public record ConsoleEvent(String topic, int partition, long offset, String key, String id, String type,
        String source, String subject, Instant time, Map<String, String> attributes, Map<String, String> headers,
        String payload, JsonNode data) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static ConsoleEvent of(ConsumerRecord<String, byte[]> record) {
        Map<String, String> attributes = new LinkedHashMap<>();
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            String value = header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
            if (header.key().startsWith("ce_")) {
                attributes.put(header.key().substring(3), value);
            } else {
                headers.put(header.key(), value);
            }
        }
        String payload = record.value() == null ? "" : new String(record.value(), StandardCharsets.UTF_8);
        JsonNode data;
        try {
            data = payload.isEmpty() ? MissingNode.getInstance() : JSON.readTree(payload);
        } catch (Exception e) {
            data = MissingNode.getInstance(); // unreadable: shown as it came, never applied
        }
        Instant time = Instant.ofEpochMilli(record.timestamp());
        String ceTime = attributes.get("time");
        if (ceTime != null) {
            try {
                time = Instant.parse(ceTime);
            } catch (DateTimeParseException e) {
                // the record's timestamp then
            }
        }
        return new ConsoleEvent(record.topic(), record.partition(), record.offset(), record.key(),
                attributes.get("id"), attributes.getOrDefault("type", ""), attributes.get("source"),
                attributes.get("subject"), time, attributes, headers, payload, data == null ? MissingNode.getInstance() : data);
    }

    /** The event's name without service and version: {@code mpaspor.quota.SlotHeld.v1} is {@code SlotHeld}. */
    public String name() {
        String[] parts = type.split("\\.");
        return parts.length >= 4 ? parts[parts.length - 2] : type;
    }

    public String text(String field) {
        JsonNode node = data.path(field);
        return node.isMissingNode() || node.isNull() ? null : node.asText();
    }

    public String payloadPretty() {
        if (data.isMissingNode()) {
            return payload;
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(data);
        } catch (Exception e) {
            return payload;
        }
    }
}

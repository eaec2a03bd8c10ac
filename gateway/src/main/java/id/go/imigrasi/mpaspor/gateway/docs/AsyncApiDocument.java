package id.go.imigrasi.mpaspor.gateway.docs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.net.URL;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexReader;
import org.jboss.jandex.IndexView;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;

import id.go.imigrasi.mpaspor.contracts.EventType;
import id.go.imigrasi.mpaspor.contracts.EventTypes;
import id.go.imigrasi.mpaspor.contracts.IntegrationEvent;

/**
 * The AsyncAPI 2.6 document of the Kafka topics, generated from the {@code contracts} records (found through
 * their Jandex index, like the contracts' own catalogue test): one channel per topic {@code <service>.events},
 * one message per {@link EventType} with its CloudEvents type, the record key (the aggregate id, and which
 * payload field it is), the JSON Schema of the payload with every field required, and an example (headers and
 * payload) built from the record itself ({@link EventExamples}). Events travel in CloudEvents binary mode: the
 * attributes are {@code ce_*} headers, the payload is the JSON value.
 */
@ApplicationScoped
public class AsyncApiDocument {

    private final String yaml;
    private final List<Class<?>> events;

    public AsyncApiDocument() {
        this.events = discover();
        this.yaml = render(events);
    }

    public String yaml() {
        return yaml;
    }

    public List<Class<?>> events() {
        return events;
    }

    /** Every {@link IntegrationEvent} implementation in the Jandex indexes on the class path. */
    static List<Class<?>> discover() {
        Set<Class<?>> found = new LinkedHashSet<>();
        ClassLoader loader = Thread.currentThread().getContextClassLoader() != null
                ? Thread.currentThread().getContextClassLoader() : AsyncApiDocument.class.getClassLoader();
        try {
            Enumeration<URL> indexes = loader.getResources("META-INF/jandex.idx");
            while (indexes.hasMoreElements()) {
                IndexView index;
                try (InputStream in = indexes.nextElement().openStream()) {
                    index = new IndexReader(in).read();
                }
                for (ClassInfo info : index.getAllKnownImplementors(DotName.createSimple(IntegrationEvent.class))) {
                    Class<?> type = Class.forName(info.name().toString(), false, loader);
                    if (type.isAnnotationPresent(EventType.class)) {
                        found.add(type);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        List<Class<?>> sorted = new ArrayList<>(found);
        sorted.sort(Comparator.comparing(EventTypes::ceType));
        return sorted;
    }

    static String render(List<Class<?>> events) {
        ObjectMapper json = new ObjectMapper();
        SchemaGeneratorConfigBuilder schemaConfig = new SchemaGeneratorConfigBuilder(json, SchemaVersion.DRAFT_7,
                OptionPreset.PLAIN_JSON)
                .with(Option.INLINE_ALL_SCHEMAS, Option.EXTRA_OPEN_API_FORMAT_VALUES)
                .without(Option.SCHEMA_VERSION_INDICATOR);
        SchemaGenerator schemas = new SchemaGenerator(schemaConfig.build());

        ObjectNode root = json.createObjectNode();
        root.put("asyncapi", "2.6.0");
        ObjectNode info = root.putObject("info");
        info.put("title", "M-Paspor events");
        info.put("version", "1.0.0");
        info.put("description", "The facts the M-Paspor services publish on Kafka, one topic per producing service."
                + " Every record is a CloudEvents 1.0 event in binary mode: the attributes are ce_* headers (ce_type"
                + " names the message below), the value is the JSON payload, the key is the aggregate id (also"
                + " ce_subject and ce_partitionkey), so the events of one application stay in order. Generated from"
                + " the contracts module.");
        root.put("defaultContentType", "application/json");
        ObjectNode servers = root.putObject("servers");
        ObjectNode kafka = servers.putObject("kafka");
        kafka.put("url", "127.0.0.1:9092");
        kafka.put("protocol", "kafka");
        kafka.put("description", "The local broker of `./mpaspor up`; production brokers come from configuration.");

        Map<String, List<Class<?>>> byTopic = new TreeMap<>();
        for (Class<?> event : events) {
            byTopic.computeIfAbsent(EventTypes.topic(event), t -> new ArrayList<>()).add(event);
        }
        ObjectNode channels = root.putObject("channels");
        ObjectNode messages = json.createObjectNode();
        for (Map.Entry<String, List<Class<?>>> topic : byTopic.entrySet()) {
            String service = EventTypes.of(topic.getValue().get(0)).service();
            ObjectNode channel = channels.putObject(topic.getKey());
            channel.put("description", "Events published by " + service + "-service.");
            channel.putObject("bindings").putObject("kafka").put("topic", topic.getKey()).put("bindingVersion", "0.4.0");
            ObjectNode subscribe = channel.putObject("subscribe");
            subscribe.put("operationId", "consume" + Character.toUpperCase(service.charAt(0)) + service.substring(1)
                    + "Events");
            subscribe.put("summary", "What " + service + "-service publishes; consumers subscribe.");
            ArrayNode oneOf = subscribe.putObject("message").putArray("oneOf");
            for (Class<?> event : topic.getValue()) {
                String ceType = EventTypes.ceType(event);
                String messageId = EventTypes.of(event).name() + "V" + EventTypes.of(event).version();
                oneOf.addObject().put("$ref", "#/components/messages/" + messageId);
                ObjectNode message = messages.putObject(messageId);
                // no messageId: the parser requires it unique across channels, and a dead-letter channel carries
                // the very messages of its source topic (the same $ref)
                message.put("name", ceType);
                message.put("title", EventTypes.of(event).name());
                message.put("contentType", "application/json");
                if (!EventTypes.of(event).description().isBlank()) {
                    message.put("description", EventTypes.of(event).description());
                }
                Optional<String> keyField = aggregateField(event);
                message.put("summary", ceType + " on " + topic.getKey() + "; key = aggregate id"
                        + keyField.map(f -> " (" + f + ")").orElse(""));
                ObjectNode headers = message.putObject("headers");
                headers.put("type", "object");
                ObjectNode headerProperties = headers.putObject("properties");
                headerProperties.putObject("ce_type").put("type", "string").put("const", ceType);
                headerProperties.putObject("ce_specversion").put("type", "string").put("const", "1.0");
                headerProperties.putObject("ce_id").put("type", "string").put("description", "unique event id");
                headerProperties.putObject("ce_source").put("type", "string")
                        .put("const", "/mpaspor/" + EventTypes.of(event).service() + "-service");
                headerProperties.putObject("ce_subject").put("type", "string").put("description", "aggregate id");
                headerProperties.putObject("ce_time").put("type", "string").put("format", "date-time");
                headerProperties.putObject("ce_partitionkey").put("type", "string").put("description",
                        "aggregate id, the record key (CloudEvents partitioning extension)");
                headerProperties.putObject("ce_traceparent").put("type", "string")
                        .put("pattern", "^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$").put("description",
                                "W3C Trace Context of the work that produced the event, when known (CloudEvents"
                                        + " distributed-tracing extension): ./mpaspor trace follows it");
                headerProperties.putObject("content-type").put("type", "string").put("const", "application/json");
                headers.putArray("required").add("ce_type").add("ce_specversion").add("ce_id").add("ce_source")
                        .add("ce_subject").add("ce_time").add("ce_partitionkey").add("content-type");
                ObjectNode key = message.putObject("bindings").putObject("kafka");
                key.putObject("key").put("type", "string").put("description",
                        "aggregate id" + keyField.map(f -> ": the payload's " + f).orElse(""));
                key.put("bindingVersion", "0.4.0");
                ObjectNode payload = schemas.generateSchema(event);
                ArrayNode required = payload.putArray("required");
                for (RecordComponent component : event.getRecordComponents()) {
                    required.add(component.getName());
                }
                message.set("payload", payload);
                EventExamples.of(event).ifPresent(example -> {
                    ObjectNode sample = message.putArray("examples").addObject();
                    sample.put("name", EventTypes.of(event).name());
                    sample.put("summary", "A realistic " + EventTypes.of(event).name() + " as the outbox publishes it");
                    ObjectNode sampleHeaders = sample.putObject("headers");
                    sampleHeaders.put("ce_type", ceType).put("ce_specversion", "1.0")
                            .put("ce_id", java.util.UUID.nameUUIDFromBytes(ceType.getBytes(
                                    java.nio.charset.StandardCharsets.UTF_8)).toString())
                            .put("ce_source", "/mpaspor/" + EventTypes.of(event).service() + "-service")
                            .put("ce_subject", example.aggregateId()).put("ce_time", EventExamples.at().toString())
                            .put("ce_partitionkey", example.aggregateId())
                            .put("ce_traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
                            .put("content-type", "application/json");
                    sample.set("payload", EventExamples.payload(example));
                });
            }
        }
        for (DeadLetters dead : DEAD_LETTERS) {
            ObjectNode channel = channels.putObject(dead.topic());
            String sources = String.join(", ", dead.sources());
            channel.put("description", "Dead letters of " + dead.consumer() + ": records of " + sources
                    + " it could not apply after its retries (an unknown type, an unreadable payload, a rule that"
                    + " refuses it). Each is the original record (key, value and ce_* headers) with SmallRye's"
                    + " headers dead-letter-reason, dead-letter-cause, dead-letter-topic, dead-letter-partition and"
                    + " dead-letter-offset. The ops console lists them and re-drives one to its topic"
                    + " (docs/operations.md); mpaspor_kafka_dead_letter_records counts them.");
            channel.putObject("bindings").putObject("kafka").put("topic", dead.topic()).put("bindingVersion", "0.4.0");
            ObjectNode subscribe = channel.putObject("subscribe");
            subscribe.put("operationId", "consumeDeadLetters" + camel(dead.topic()));
            subscribe.put("summary", "What " + dead.consumer() + " parked from " + sources);
            ArrayNode oneOf = subscribe.putObject("message").putArray("oneOf");
            for (String source : dead.sources()) {
                channels.path(source).path("subscribe").path("message").path("oneOf").forEach(oneOf::add);
            }
        }
        root.putObject("components").set("messages", messages);
        try {
            ObjectMapper yamlMapper = new ObjectMapper(new YAMLFactory()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                    .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS));
            return yamlMapper.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A consumer's dead-letter topic ({@code mp.messaging.incoming.*.dead-letter-queue.topic}) and the topics its
     * channel reads (one, or several for a channel with {@code topics}).
     */
    record DeadLetters(String topic, String consumer, List<String> sources) {
        DeadLetters(String topic, String consumer, String source) {
            this(topic, consumer, List.of(source));
        }
    }

    /** Every consumer's dead-letter topic, as the services configure them ({@code DeadLetterTopicsTest} compares). */
    static final List<DeadLetters> DEAD_LETTERS = List.of(
            new DeadLetters("account.privacy-answers.dlt", "account-service (erasure and data exports)",
                    List.of("application.events", "quota.events", "billing.events", "biometric.events",
                            "upload.events")),
            new DeadLetters("application.account.events.dlt", "application-service (erasure)", "account.events"),
            new DeadLetters("application.quota.events.dlt", "application-service", "quota.events"),
            new DeadLetters("application.billing.events.dlt", "application-service", "billing.events"),
            new DeadLetters("application.biometric.events.dlt", "application-service", "biometric.events"),
            new DeadLetters("application.upload.events.dlt", "application-service (document states)",
                    "upload.events"),
            new DeadLetters("billing.account.events.dlt", "billing-service (erasure)", "account.events"),
            new DeadLetters("billing.application.events.dlt", "billing-service", "application.events"),
            new DeadLetters("biometric.account.events.dlt", "biometric-service (erasure)", "account.events"),
            new DeadLetters("biometric.application.events.dlt", "biometric-service", "application.events"),
            new DeadLetters("biometric.quota.events.dlt", "biometric-service", "quota.events"),
            new DeadLetters("quota.account.events.dlt", "quota-service (erasure)", "account.events"),
            new DeadLetters("quota.application.events.dlt", "quota-service", "application.events"),
            new DeadLetters("quota.billing.events.dlt", "quota-service", "billing.events"),
            new DeadLetters("upload.account.events.dlt", "upload-service (erasure, export)", "account.events"),
            new DeadLetters("upload.application.events.dlt", "upload-service", "application.events"),
            new DeadLetters("upload.validation.dlt", "upload-service (upload validation)", "upload.events"));

    private static String camel(String topic) {
        StringBuilder out = new StringBuilder();
        for (String part : topic.split("[.-]")) {
            out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return out.toString();
    }

    /**
     * Which payload field is the aggregate id: the record is built with a distinct marker in each text field,
     * and {@code aggregateId()} tells which one it returns. Empty when it is computed otherwise.
     */
    static Optional<String> aggregateField(Class<?> event) {
        RecordComponent[] components = event.getRecordComponents();
        if (components == null) {
            return Optional.empty();
        }
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            args[i] = sample(types[i], components[i].getName());
        }
        try {
            Constructor<?> constructor = event.getDeclaredConstructor(types);
            Object instance = constructor.newInstance(args);
            Object id = ((IntegrationEvent) instance).aggregateId();
            for (RecordComponent component : components) {
                if (component.getType() == String.class && ("\u0001" + component.getName()).equals(id)) {
                    return Optional.of(component.getName());
                }
            }
        } catch (ReflectiveOperationException | RuntimeException computedOtherwise) {
            // a compact constructor that validates, or an id computed from several fields
        }
        return Optional.empty();
    }

    private static Object sample(Class<?> type, String name) {
        if (type == String.class) {
            return "\u0001" + name;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == char.class) {
            return 'x';
        }
        if (type.isPrimitive()) {
            return switch (type.getName()) {
                case "long" -> 0L;
                case "double" -> 0d;
                case "float" -> 0f;
                case "short" -> (short) 0;
                case "byte" -> (byte) 0;
                default -> 0;
            };
        }
        return null;
    }
}

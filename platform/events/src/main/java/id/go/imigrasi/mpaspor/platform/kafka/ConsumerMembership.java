package id.go.imigrasi.mpaspor.platform.kafka;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smallrye.reactive.messaging.ClientCustomizer;

/**
 * Static group membership for every Kafka consumer of a service (issue 25, Faults 6). A consumer that restarts
 * (a crash, kill -9, a deployment) rejoins its group under the same {@code group.instance.id} and gets its
 * partitions back at once; as a new dynamic member it waited until the group coordinator gave up on the dead
 * one, the session timeout (45 s).
 * <p>
 * The id is {@code <instance>.<client.id>}: the instance ({@code mpaspor.consumers.instance-id}, default host name
 * and HTTP port) names the process, the connector's client id names the consumer within it (one per channel,
 * per {@code partitions} index and per {@code concurrency} copy). An id must be unique in its group at any moment:
 * a second process with the same instance id fences the first one's consumers, so give each instance of a service
 * its own. A channel that sets {@code group.instance.id} itself keeps it.
 * <p>
 * The price: a static member that stops for good (scale-down) does not leave its group either; its partitions move
 * to the other instances only after the session timeout.
 */
@ApplicationScoped
public class ConsumerMembership implements ClientCustomizer<Map<String, Object>> {

    private final boolean enabled;
    private final String instanceId;

    public ConsumerMembership(ConsumerMembershipConfig config,
            @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080") int httpPort) {
        this.enabled = config.staticMembership();
        this.instanceId = config.instanceId().filter(id -> !id.isBlank())
                .orElseGet(() -> defaultInstanceId(System.getenv("HOSTNAME"), httpPort));
    }

    /** The host (a container's name in compose) and the HTTP port, which no two instances on a host share. */
    static String defaultInstanceId(String hostname, int httpPort) {
        String host = hostname == null || hostname.isBlank() ? "localhost" : hostname;
        return host + "-" + httpPort;
    }

    @Override
    public Map<String, Object> customize(String channel, Config channelConfig, Map<String, Object> kafkaConfig) {
        if (!enabled || !isConsumer(kafkaConfig) || kafkaConfig.containsKey(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG)) {
            return kafkaConfig;
        }
        return withStaticMembership(kafkaConfig, instanceId, channel);
    }

    /** The consumer configuration with {@code group.instance.id} set for this instance. */
    public static Map<String, Object> withStaticMembership(Map<String, Object> consumerConfig, String instanceId,
            String channel) {
        Map<String, Object> config = new HashMap<>(consumerConfig);
        String client = Optional.ofNullable(consumerConfig.get(ConsumerConfig.CLIENT_ID_CONFIG)).map(Object::toString)
                .filter(id -> !id.isBlank()).orElse(channel);
        // a channel with concurrency > 1 is copied as "<channel>$<n>", and Kafka refuses any character other than
        // ASCII alphanumerics, '.', '_' and '-' in a group.instance.id (the consumer is not even constructed)
        config.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG,
                (instanceId + "." + client).replaceAll("[^A-Za-z0-9._-]", "_"));
        return config;
    }

    private static boolean isConsumer(Map<String, Object> kafkaConfig) {
        return kafkaConfig.containsKey(ConsumerConfig.GROUP_ID_CONFIG)
                && kafkaConfig.containsKey(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG);
    }

    public String instanceId() {
        return instanceId;
    }
}

package id.go.imigrasi.mpaspor.platform.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A service's consumer in a process of its own, so that a test can kill it -9 as a crash would. Prints
 * {@code SUBSCRIBED <epoch ms>} once its client is ready and {@code ASSIGNED <n> <epoch ms>} whenever it gets
 * partitions, so the time to join is measured without the process' start. Arguments: bootstrap servers, group, topic, and the instance id
 * ({@code -} for a dynamic member).
 */
public final class GroupMemberProcess {

    private GroupMemberProcess() {
    }

    public static void main(String[] args) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, args[1]);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "kafka-consumer-" + args[2]);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        if (!"-".equals(args[3])) {
            config = ConsumerMembership.withStaticMembership(config, args[3], args[2]);
        }
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(args[2]), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    if (!partitions.isEmpty()) {
                        System.out.println("ASSIGNED " + partitions.size() + " " + System.currentTimeMillis());
                        System.out.flush();
                    }
                }
            });
            System.out.println("SUBSCRIBED " + System.currentTimeMillis());
            System.out.flush();
            while (true) {
                consumer.poll(Duration.ofMillis(200));
            }
        }
    }
}

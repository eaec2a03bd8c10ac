package id.go.imigrasi.mpaspor.ops.kafka;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Collection;
import java.util.regex.Pattern;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import id.go.imigrasi.mpaspor.ops.config.OpsConfig;
import id.go.imigrasi.mpaspor.ops.console.ConsoleEvent;
import id.go.imigrasi.mpaspor.ops.console.Dashboard;
import id.go.imigrasi.mpaspor.ops.console.Sagas;
import io.quarkus.runtime.StartupEvent;

/**
 * The console's own consumer group ({@code mpaspor.ops.consumer-group}, {@code ops-console}) on every
 * {@code <service>.events} topic, found by pattern (a topic created later joins within seconds). Each partition is
 * read from its beginning whenever it is assigned, so the figures are whole after a restart; the {@link Dashboard}
 * counts each event id once, so reading again changes nothing. Offsets are committed only to show how far it is
 * (its lag is on the page like any group's). It never writes to a service's topic.
 */
@ApplicationScoped
public class EventFeed {

    private static final Logger LOG = Logger.getLogger(EventFeed.class);

    private final KafkaClients kafka;
    private final OpsConfig config;
    private final Dashboard dashboard;
    private final Sagas sagas;
    private final boolean enabled;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile boolean running;
    private Thread thread;

    public EventFeed(KafkaClients kafka, OpsConfig config, Clock clock,
            @ConfigProperty(name = "mpaspor.ops.feed.enabled", defaultValue = "true") boolean enabled) {
        this.kafka = kafka;
        this.config = config;
        this.dashboard = new Dashboard(ZoneId.of(config.zone()));
        this.sagas = new Sagas(config.sagaAggregates());
        this.enabled = enabled;
    }

    public Dashboard dashboard() {
        return dashboard;
    }

    public Sagas sagas() {
        return sagas;
    }

    void start(@Observes StartupEvent ignored) {
        if (!enabled) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "ops-console-feed");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        Pattern topics = Pattern.compile(config.eventTopics());
        while (running) {
            try (KafkaConsumer<String, byte[]> c = kafka.groupConsumer(config.consumerGroup())) {
                consumer = c;
                c.subscribe(topics, new ConsumerRebalanceListener() {
                    @Override
                    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    }

                    @Override
                    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                        c.seekToBeginning(partitions);
                    }
                });
                while (running) {
                    for (ConsumerRecord<String, byte[]> record : c.poll(Duration.ofMillis(500))) {
                        ConsoleEvent event = ConsoleEvent.of(record);
                        dashboard.apply(event);
                        sagas.apply(event);
                    }
                }
            } catch (WakeupException e) {
                // closing
            } catch (RuntimeException e) {
                LOG.warnf(e, "ops console event feed failed; starting again in 2 s");
                sleep();
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

package id.go.imigrasi.mpaspor.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/** Runs this instance's outbox relay from startup to shutdown. Other instances run theirs; that is safe. */
@ApplicationScoped
public class OutboxRelayService {

    private final AgroalDataSource dataSource;
    private final OutboxConfig config;
    private final OutboxMetrics metrics;
    private final String bootstrapServers;
    private final String applicationName;
    private OutboxRelay relay;

    public OutboxRelayService(AgroalDataSource dataSource, OutboxConfig config, MeterRegistry registry,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.dataSource = dataSource;
        this.config = config;
        this.metrics = new OutboxMetrics(registry);
        this.bootstrapServers = bootstrapServers;
        this.applicationName = applicationName;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.relay().enabled()) {
            return;
        }
        relay = new OutboxRelay(applicationName, dataSource,
                () -> OutboxProducers.create(bootstrapServers, applicationName + "-outbox", config.producer()),
                new OutboxRelay.Settings(config.batchSize(), config.pollInterval(), config.backoff().initial(),
                        config.backoff().max(), config.hotPollInterval(), config.hotPollMax()),
                metrics);
        relay.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        if (relay != null) {
            relay.close();
        }
    }

    public boolean enabled() {
        return config.relay().enabled();
    }

    public boolean isRunning() {
        return relay != null && relay.isRunning();
    }

    public OutboxMetrics metrics() {
        return metrics;
    }
}

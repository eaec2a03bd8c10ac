package id.go.imigrasi.mpaspor.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Live while the relay thread runs; reports the backlog for ops. A backlog alone (Kafka down) is not death. */
@Liveness
@ApplicationScoped
public class OutboxRelayHealth implements HealthCheck {

    private final OutboxRelayService relay;

    public OutboxRelayHealth(OutboxRelayService relay) {
        this.relay = relay;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("outbox-relay")
                .status(!relay.enabled() || relay.isRunning())
                .withData("enabled", relay.enabled())
                .withData("pending", relay.metrics().pending())
                .withData("lagSeconds", relay.metrics().lag().toSeconds())
                .build();
    }
}

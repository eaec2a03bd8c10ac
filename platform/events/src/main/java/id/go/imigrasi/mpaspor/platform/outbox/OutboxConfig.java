package id.go.imigrasi.mpaspor.platform.outbox;

import java.time.Duration;
import java.util.Map;

import io.smallrye.config.ConfigMapping;

/** {@code mpaspor.outbox.*}; defaults in the platform's microprofile-config.properties. */
@ConfigMapping(prefix = "mpaspor.outbox")
public interface OutboxConfig {

    Relay relay();

    int batchSize();

    Duration pollInterval();

    /** How soon a relay that had work within the last second looks for more (then ever less often). */
    Duration hotPollInterval();

    /** The longest a relay in its hot window waits between two looks when it keeps finding nothing. */
    Duration hotPollMax();

    Backoff backoff();

    /** Sent rows are deleted after this long. */
    Duration retention();

    /**
     * Extra Kafka producer properties, e.g. {@code mpaspor.outbox.producer."linger.ms"=20} ({@link OutboxProducers}
     * keeps idempotence, {@code acks=all} and the unbounded delivery timeout).
     */
    Map<String, String> producer();

    interface Relay {
        boolean enabled();
    }

    interface Backoff {
        Duration initial();

        Duration max();
    }
}

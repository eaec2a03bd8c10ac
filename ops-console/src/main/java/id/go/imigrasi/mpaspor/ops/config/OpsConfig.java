package id.go.imigrasi.mpaspor.ops.config;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** The console's policy values and connections; defaults in {@code application.properties}. */
@ConfigMapping(prefix = "mpaspor.ops")
public interface OpsConfig {

    /** The public API through the gateway: the login form posts to {@code <api-url>/auth/login}. */
    String apiUrl();

    /** AES-256 key (base64 of 32 bytes) sealing the session cookie; without one, a key of this process. */
    Optional<String> sessionKey();

    /** A session unused this long opens no more. */
    @WithDefault("PT30M")
    Duration sessionIdle();

    /** Each component's Prometheus endpoint (name = URL of its {@code /q/metrics}), scraped over loopback. */
    Map<String, String> metrics();

    @WithDefault("PT5S")
    Duration scrapeInterval();

    /** How often consumer lag and the dead-letter topics' sizes are read from the Admin API. */
    @WithDefault("PT5S")
    Duration lagInterval();

    /** Whether the console's consumer group and the lag job run (off only in tests without a broker). */
    @WithName("feed.enabled")
    @WithDefault("true")
    boolean feedEnabled();

    /** The topics the console's own consumer group reads (the services' event topics). */
    @WithDefault("[a-z-]+\\.events")
    String eventTopics();

    @WithDefault("ops-console")
    String consumerGroup();

    /**
     * Aggregates (applications and holds) whose events the saga view keeps, the least recently touched forgotten
     * first: about 1.5 KB each with their hops, so 50,000 are some 75 MB at most.
     */
    @WithDefault("50000")
    int sagaAggregates();

    /**
     * Suffix of the dead-letter topics ({@code <consumer>.<topic>.dlt}, or {@code <consumer>.<channel>.dlt} for a
     * channel of several topics: the services' configuration).
     */
    @WithDefault(".dlt")
    String deadLetterSuffix();

    /** Where the re-drives are published as events. */
    @WithDefault("ops.events")
    String auditTopic();

    /** The offices' time zone: what "today" is. */
    @WithDefault("Asia/Jakarta")
    String zone();

    /** How often the page's live parts are re-rendered and pushed when they changed. */
    @WithDefault("PT0.5S")
    Duration pushInterval();

    /** Records the topic viewer reads back from the end of each partition at most. */
    @WithDefault("200")
    int viewerLimit();
}

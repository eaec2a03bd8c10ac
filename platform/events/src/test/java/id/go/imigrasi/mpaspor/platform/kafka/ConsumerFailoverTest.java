package id.go.imigrasi.mpaspor.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.testkit.KafkaBroker;

/**
 * Issue 25, Faults 6: how long a consumer that was killed -9 and restarted waits before it consumes again. Each
 * member runs in a process of its own against the real broker, with Kafka's default session timeout (45 s).
 */
class ConsumerFailoverTest {

    private static final Logger LOG = Logger.getLogger(ConsumerFailoverTest.class);
    private static final Duration SESSION_TIMEOUT = Duration.ofSeconds(45);

    @Test
    void aConsumerRestartedAfterKillNineGetsItsPartitionsBackAtOnceAsAStaticMember() throws Exception {
        Rejoin rejoin = restartAfterKill("static-" + UUID.randomUUID().toString().substring(0, 8), "billing-1");
        LOG.infof("static membership: the restarted consumer had its partitions %d ms after subscribing (%d ms after"
                + " the kill, its JVM's start included)", rejoin.sinceSubscribed().toMillis(), rejoin.sinceKill().toMillis());
        assertThat(rejoin.sinceSubscribed()).as("rejoin time of a static member, well under the session timeout")
                .isLessThan(SESSION_TIMEOUT.dividedBy(3));
    }

    /** The behaviour before: a new dynamic member waits until the coordinator has given up on the dead one. */
    @Test
    void aDynamicMemberRestartedAfterKillNineWaitsOutTheDeadOnesSession() throws Exception {
        Rejoin rejoin = restartAfterKill("dynamic-" + UUID.randomUUID().toString().substring(0, 8), "-");
        LOG.infof("dynamic membership: the restarted consumer had its partitions %d ms after subscribing (%d ms after"
                + " the kill)", rejoin.sinceSubscribed().toMillis(), rejoin.sinceKill().toMillis());
        // the dead member's last heartbeat was at most 3 s (heartbeat.interval.ms) before the kill
        assertThat(rejoin.sinceKill()).as("a dynamic member waits out the dead one's session")
                .isGreaterThan(SESSION_TIMEOUT.minus(Duration.ofSeconds(5)));
    }

    private record Rejoin(Duration sinceSubscribed, Duration sinceKill) {
    }

    /**
     * Starts a member, kills it -9 once it has its partitions, starts it again: the time until it has them again,
     * from its subscription (the JVM's start, several seconds on a busy machine, not counted) and from the kill.
     */
    private static Rejoin restartAfterKill(String name, String instanceId) throws Exception {
        String bootstrap = KafkaBroker.sharedBootstrapServers();
        String topic = "failover-" + name;
        KafkaBroker.createTopic(bootstrap, topic, 3);
        Member first = Member.start(bootstrap, "group-" + name, topic, instanceId);
        long killedAt;
        try {
            LOG.infof("%s: a fresh consumer had its partitions %d ms after subscribing", name,
                    first.assigned.get(60, TimeUnit.SECONDS)[1] - first.assigned.get()[0]);
        } finally {
            killedAt = System.currentTimeMillis();
            first.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // SIGKILL: no leave-group
        }
        Member second = Member.start(bootstrap, "group-" + name, topic, instanceId);
        try {
            long[] times = second.assigned.get(SESSION_TIMEOUT.toSeconds() + 60, TimeUnit.SECONDS);
            return new Rejoin(Duration.ofMillis(times[1] - times[0]), Duration.ofMillis(times[1] - killedAt));
        } finally {
            second.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** A member process, and when (epoch ms) it subscribed and when it had all three partitions. */
    private record Member(Process process, CompletableFuture<long[]> assigned) {

        static Member start(String bootstrap, String group, String topic, String instanceId) throws IOException {
            String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
            Process process = new ProcessBuilder(List.of(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                    GroupMemberProcess.class.getName(), bootstrap, group, topic, instanceId))
                    .redirectErrorStream(true).start();
            CompletableFuture<long[]> assigned = new CompletableFuture<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader out = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    long subscribed = 0;
                    for (String line; (line = out.readLine()) != null;) {
                        if (line.startsWith("SUBSCRIBED ")) {
                            subscribed = Long.parseLong(line.substring("SUBSCRIBED ".length()));
                        } else if (line.startsWith("ASSIGNED 3 ") && subscribed > 0) {
                            long at = Long.parseLong(line.substring("ASSIGNED 3 ".length()));
                            assigned.complete(new long[] {subscribed, at});
                        }
                    }
                } catch (IOException e) {
                    assigned.completeExceptionally(e);
                }
                assigned.completeExceptionally(new IllegalStateException("the member exited before its assignment"));
            }, "member-output");
            reader.setDaemon(true);
            reader.start();
            return new Member(process, assigned);
        }
    }
}

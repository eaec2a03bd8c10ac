package id.go.imigrasi.mpaspor.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class StackCpuTest {

    @Test
    void postgresIsWhatItsProcessesAliveAtTheEndUsedSinceTheStart() {
        Map<String, Long> before = Map.of("gateway", 1_000L, "postgres", 900L,
                "postgres:10", 500L, "postgres:11", 400L);
        // 10 went on (+30), 11 ended (its 400 ms must not come off the sum), 12 started (all of its 20 ms count)
        Map<String, Long> after = Map.of("gateway", 1_250L, "postgres", 550L,
                "postgres:10", 530L, "postgres:12", 20L, "quota-service", 70L);

        Map<String, Long> used = StackCpu.between(before, after);

        assertThat(used).containsExactlyInAnyOrderEntriesOf(Map.of("gateway", 250L, "postgres", 50L,
                // a component not running at the start has no figure for the time in between
                "quota-service", 0L));
    }

    @Test
    void aSnapshotOfThisMachineHasPostgresAndEveryProcessApart() {
        Map<String, Long> now = StackCpu.snapshot(java.nio.file.Path.of("target/no-such-run"));

        assertThat(now).containsKey("postgres");
        long apart = now.entrySet().stream().filter(e -> e.getKey().startsWith("postgres:"))
                .mapToLong(Map.Entry::getValue).sum();
        assertThat(apart).isEqualTo(now.get("postgres"));
    }
}

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

    @Test
    void theJitIsPartOfItsProcessAndReportedApart() {
        Map<String, Long> before = Map.of("quota-service", 1_000L, "jit:quota-service", 400L, "postgres", 0L);
        // the JIT compiled for 150 of the 250 ms; a JVM whose compiler threads were not read at the start has no figure
        Map<String, Long> after = Map.of("quota-service", 1_250L, "jit:quota-service", 550L, "gateway", 90L,
                "jit:gateway", 60L, "postgres", 0L);

        assertThat(StackCpu.between(before, after)).containsExactlyInAnyOrderEntriesOf(
                Map.of("quota-service", 250L, "gateway", 0L, "postgres", 0L));
        assertThat(StackCpu.compiling(before, after)).containsExactlyInAnyOrderEntriesOf(
                Map.of("quota-service", 150L, "gateway", 0L));
    }

    @Test
    void aJvmOfThisMachineHasItsCompilerThreadsCounted() throws Exception {
        java.nio.file.Path run = java.nio.file.Files.createTempDirectory("stack-cpu");
        java.nio.file.Files.createDirectories(run.resolve("pids"));
        java.nio.file.Files.writeString(run.resolve("pids/this-jvm.pid"), Long.toString(ProcessHandle.current().pid()));

        Map<String, Long> now = StackCpu.snapshot(run);

        // this test's JVM has compiled something by now (JUnit, AssertJ), and that is part of the process's CPU
        assertThat(now).containsKeys("this-jvm", "jit:this-jvm");
        assertThat(now.get("jit:this-jvm")).isPositive().isLessThanOrEqualTo(now.get("this-jvm"));
    }

    @Test
    void theStandInsForExternalSystemsAreNotTheStack() {
        assertThat(StackCpu.EXTERNAL).allSatisfy(name -> assertThat(StackCpu.external(name)).isTrue());
        assertThat(java.util.List.of("gateway", "account-service", "kafka", "postgres", "prometheus", "ops-console"))
                .noneMatch(StackCpu::external);
        assertThat(StackCpu.stack(Map.of("mail", 40L, "gateway", 10L, "postgres", 5L)))
                .containsExactlyInAnyOrderEntriesOf(Map.of("gateway", 10L, "postgres", 5L));
    }
}

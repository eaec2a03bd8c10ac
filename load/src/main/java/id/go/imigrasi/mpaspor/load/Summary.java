package id.go.imigrasi.mpaspor.load;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The benchmark's text summary: per scenario the request figures (from the {@link Recorder} CSVs), the same-run
 * baselines and each ratio, overbooking, stack RSS; then the gates. Usage:
 * {@code java -cp load/target/classes id.go.imigrasi.mpaspor.load.Summary RESULTS_DIR FIGURES.properties OUT.txt [--gate]}
 * With {@code --gate} it exits 1 when a gate fails (a request over 2 s, an error other than 429/503, a shed answer
 * without Retry-After, an overbooked slot, a lost upload, or no hold at all).
 */
public final class Summary {

    /** Recorded figures that are not one HTTP answer but a journey's duration: not subject to the 2 s gate. */
    static final java.util.Set<String> DERIVED = java.util.Set.of("upload-complete", "upload-lost", "prepared",
            "billing-visible", "wr-sold-out-lag");

    private final Properties figures;
    private final Map<String, Map<String, RequestStats>> scenarios;
    private final List<String> failures = new ArrayList<>();
    private final StringBuilder out = new StringBuilder();

    Summary(Properties figures, Map<String, Map<String, RequestStats>> scenarios) {
        this.figures = figures;
        this.scenarios = scenarios;
    }

    public static void main(String[] args) throws IOException {
        Path results = Path.of(args[0]);
        Properties figures = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of(args[1]))) {
            figures.load(in);
        }
        Summary summary = new Summary(figures, readScenarios(results));
        String text = summary.render();
        Files.writeString(Path.of(args[2]), text);
        System.out.print(text);
        boolean gate = args.length > 3 && "--gate".equals(args[3]);
        System.exit(gate && !summary.failures().isEmpty() ? 1 : 0);
    }

    static Map<String, Map<String, RequestStats>> readScenarios(Path dir) throws IOException {
        Map<String, Map<String, RequestStats>> all = new LinkedHashMap<>();
        if (!Files.isDirectory(dir)) {
            return all;
        }
        try (var files = Files.list(dir)) {
            for (Path csv : files.filter(f -> f.toString().endsWith(".csv")).sorted().toList()) {
                List<Recorder.Line> lines = Files.readAllLines(csv).stream().filter(l -> !l.isBlank())
                        .map(Recorder.Line::parse).toList();
                all.put(csv.getFileName().toString().replace(".csv", ""), byRequest(lines));
            }
        }
        return all;
    }

    static Map<String, RequestStats> byRequest(List<Recorder.Line> lines) {
        Map<String, List<Recorder.Line>> grouped = lines.stream()
                .collect(Collectors.groupingBy(Recorder.Line::request, LinkedHashMap::new, Collectors.toList()));
        Map<String, RequestStats> stats = new LinkedHashMap<>();
        grouped.forEach((request, list) -> stats.put(request, RequestStats.of(request, list)));
        return stats;
    }

    List<String> failures() {
        return failures;
    }

    String render() {
        line("M-Paspor spike benchmark (issue 10), %s run, %s", text("mode", "full"), text("started", ""));
        line("Target: %s", text("target", "?"));
        line("Machine: %s cores, SHARED with other work while measured (load average %s at the start, %s after the"
                + " spike): figures are indicative, ratios matter more.", text("cores", "?"), text("loadavg.start", "?"),
                text("loadavg.spike", "?"));
        if (figures.containsKey("settle.spike") || figures.containsKey("settle.steady-state")) {
            line("  waited for a quiet machine (SETTLE_IDLE): before the spike %s, before the upload storm %s, before"
                    + " the steady state %s", text("settle.spike", "-"), text("settle.upload-storm", "-"),
                    text("settle.steady-state", "-"));
        }
        line("");
        baselines();
        releaseSpike();
        skippable("waiting-room", "Release with a waiting room (issue 17)", this::waitingRoom);
        skippable("upload-storm", "Upload storm", this::uploadStorm);
        skippable("steady-state", "Steady state (submit -> billing code visible)", this::steadyState);
        skippable("desk", "Desk (issue 19: officers at the counters during the steady state)", this::desk);
        memory();
        figures.stringPropertyNames().stream().filter(k -> k.startsWith("report.")).sorted()
                .forEach(k -> line("Gatling report (%s): %s", k.substring("report.".length()), figures.getProperty(k)));
        gates();
        return out.toString();
    }

    private void baselines() {
        line("Baselines (same run, same machine)");
        line("  pgbench, the capacity update alone (CapacityRepository.TAKE), %s clients: %s tx/s, p99 %s ms",
                text("pgbench.clients", "?"), num("pgbench.tps"), num("pgbench.p99"));
        line("  pgbench, the service's whole hold statement (SlotTaker: capacity, hold, NIK, outbox), one hold per"
                + " transaction: %s tx/s, p99 %s ms", num("pgbench.hold.tps"), num("pgbench.hold.p99"));
        line("  raw bcrypt verify, cost %s: %s /s on all cores, %s /s on the service's %s hashing thread(s)",
                text("hash.cost", "?"), num("hash.all"), num("hash.pool"), text("hash.threads", "?"));
        line("  Kafka ProducerPerformance, %s B records, acks=all, same broker: %s records/s (%s MB/s)",
                text("kafka.record-size", "?"), num("kafka.rate"), num("kafka.mbps"));
        line("  raw disk write + fsync, %s MB: %s MB/s", text("disk.mb", "?"), num("disk.mbps"));
        line("");
    }

    private void releaseSpike() {
        Map<String, RequestStats> spike = scenarios.get("release-spike");
        line("Scenario: release spike (%s accounts arrive within %s s and log in; then holds at %s/s on %s, %s places"
                + " each = %s places)", text("spike.users", "?"), text("spike.login-seconds", "?"),
                text("spike.hold-rate", "?"), text("spike.offices", "?"), text("spike.capacity", "?"),
                text("capacity.total", "?"));
        if (!"0".equals(text("spike.warm-up", "0"))) {
            line("  after an unmeasured warm-up: %s accounts of their own walked the login wave's path, one every 2 s",
                    text("spike.warm-up", "?"));
        }
        if (spike == null) {
            failures.add("release spike: no figures recorded (did Gatling run?)");
            line("  NO FIGURES (Gatling did not record any answer)");
            line("");
            return;
        }
        table(spike);
        RequestStats login = spike.get("login");
        RequestStats hold = spike.get("hold");
        if (login != null) {
            line("  login goodput %.1f/s = %s of the raw hash rate on the service's pool (target >= 90%%), %s of all cores",
                    login.successThroughput(), ratio(login.successThroughput(), "hash.pool"),
                    ratio(login.successThroughput(), "hash.all"));
            if (login.shed() > 0) {
                line("  while logins were shed (%.0f s, the first refusal to the last): %.1f/s = %s of the raw hash rate",
                        login.sheddingSeconds(), login.successThroughputWhileShedding(),
                        ratio(login.successThroughputWhileShedding(), "hash.pool"));
            }
        }
        if (hold != null) {
            line("  holds processed (201+409) %.1f/s = %s of raw pgbench with the whole hold statement, %s of the"
                    + " capacity update alone (target >= 60%%), %d applicants arriving at %s/s", hold.processedThroughput(),
                    ratio(hold.processedThroughput(), "pgbench.hold.tps"), ratio(hold.processedThroughput(), "pgbench.tps"),
                    hold.count(), text("spike.hold-rate", "?"));
            line("  hold events %.1f/s = %s of Kafka's raw producer rate", hold.successThroughput(),
                    ratio(hold.successThroughput(), "kafka.rate"));
            line("  places held %s of %s (201 answers: %d); overbooked slots: %s (target 0)",
                    text("held.total", "?"), text("capacity.total", "?"), hold.success(), text("overbooked", "?"));
            line("  CPU used by the stack during the spike: %s", cpuDuring("spike"));
            if (hold.success() == 0) {
                failures.add("release spike: not one hold succeeded");
            }
        }
        if (!"0".equals(text("overbooked", "?"))) {
            failures.add("release spike: overbooked slots = " + text("overbooked", "?"));
        }
        line("");
    }

    /** CPU seconds each process used between {@code cpu.<phase>.before.*} and {@code cpu.<phase>.after.*}. */
    String cpuDuring(String phase) {
        String prefix = "cpu." + phase + ".before.";
        List<String> parts = new ArrayList<>();
        figures.stringPropertyNames().stream().filter(k -> k.startsWith(prefix)).sorted().forEach(k -> {
            String name = k.substring(prefix.length());
            long before = Long.parseLong(figures.getProperty(k));
            long after = Long.parseLong(figures.getProperty("cpu." + phase + ".after." + name, String.valueOf(before)));
            parts.add(String.format(Locale.ROOT, "%s %.1f s", name, (after - before) / 1000.0));
        });
        return parts.isEmpty() ? "n/a" : String.join(", ", parts);
    }

    private void uploadStorm() {
        Map<String, RequestStats> storm = scenarios.get("upload-storm");
        if (storm == null) {
            failures.add("upload storm: no figures recorded");
            line("  NO FIGURES");
            return;
        }
        table(storm);
        int complete = count(storm, "upload-complete");
        int lost = count(storm, "upload-lost");
        int corrupted = storm.values().stream().mapToInt(RequestStats::checksumMismatches).sum();
        double bytes = complete * Double.parseDouble(text("upload.size", "0"));
        RequestStats patch = storm.get("upload-patch");
        double mbps = patch == null ? 0 : bytes / (1 << 20) / patch.seconds();
        line("  uploads complete %d, lost %d (target 0), corrupted chunks (460) %d (target 0)", complete, lost, corrupted);
        line("  upload goodput %.2f MB/s = %s of the raw disk write rate", mbps, ratio(mbps, "disk.mbps"));
        if (lost > 0) {
            failures.add("upload storm: " + lost + " uploads lost");
        }
    }

    private void steadyState() {
        Map<String, RequestStats> steady = scenarios.get("steady-state");
        if (steady == null) {
            failures.add("steady state: no figures recorded");
            line("  NO FIGURES");
            return;
        }
        line("  %s applicants prepared through the API (application, applicant, documents uploaded and accepted, hold),"
                + " then submitting at %s/s", text("steady.users", "?"), text("steady.rate", "?"));
        table(steady);
        RequestStats prepared = steady.get("prepared");
        if (prepared != null) {
            line("  preparation took %.1f s%s", prepared.successPercentiles()[0] / 1000.0,
                    prepared.errors() > 0 ? " and NOT every applicant got ready (see gatling-steady-state.log)" : "");
        }
        RequestStats submit = steady.get("submit");
        RequestStats visible = steady.get("billing-visible");
        if (submit != null && visible != null) {
            double[] p = visible.successPercentiles();
            line("  submit -> billing code visible: %d of %d, p50/p95/p99 %s ms at %.1f accepted submissions/s"
                    + " (target p99 < 500 ms at 100/s)", visible.success(), visible.count(), triple(p),
                    submit.successThroughput());
            if (visible.errors() > 0) {
                failures.add("steady state: " + visible.errors() + " billing codes not visible in time");
            }
        }
        line("  CPU used by the stack during the steady state (preparation included): %s", cpuDuring("steady"));
    }

    /**
     * The officers' actions, each beside the steady state's own figures of the same run: the target is p95 < 100 ms
     * per action (a benchmark figure, not a gate).
     */
    private void desk() {
        Map<String, RequestStats> desk = scenarios.get("desk");
        if (desk == null) {
            line("  NO FIGURES (see gatling-steady-state.log)");
            return;
        }
        line("  %s officers at each of %s, %s applicants each booked today; check-in -> interview -> face -> ten"
                + " fingers -> approve -> issue, straight at biometric-service (its time plus loopback), while the"
                + " steady state runs; each officer's next action %s ms after the answer, up to %s applicants served"
                + " unmeasured first", text("desk.officers", "?"), text("desk.offices", "?"),
                text("desk.appointments", "?"), text("desk.pause-ms", "0"), text("desk.warm-up", "?"));
        table(desk);
        Map<String, RequestStats> steady = scenarios.getOrDefault("steady-state", Map.of());
        line("  side by side, same run (2xx p50/p95/p99 ms):");
        for (RequestStats s : desk.values()) {
            double p95 = s.successPercentiles()[1];
            line("    %-16s %-16s %s", s.request(), triple(s.successPercentiles()),
                    Double.isNaN(p95) ? "" : p95 < 100 ? "p95 < 100 ms: met" : "p95 < 100 ms: NOT met");
        }
        for (String request : List.of("submit", "application-read", "billing-visible")) {
            RequestStats s = steady.get(request);
            if (s != null) {
                line("    %-16s %-16s steady state, %.1f/s", request, triple(s.successPercentiles()),
                        s.successThroughput());
            }
        }
        line("  CPU used by the stack during the steady state and the desk: %s", cpuDuring("steady"));
    }

    private static int count(Map<String, RequestStats> stats, String request) {
        RequestStats s = stats.get(request);
        return s == null ? 0 : s.count();
    }

    private void skippable(String key, String title, Runnable body) {
        String skipped = figures.getProperty("skipped." + key);
        if (skipped != null) {
            line("Scenario: %s -- SKIPPED: %s", title, skipped);
        } else {
            line("Scenario: %s", title);
            body.run();
        }
        line("");
    }

    private void table(Map<String, RequestStats> stats) {
        line("  %-16s %6s %6s %6s %6s %5s %5s %7s  %-20s %-20s", "request", "count", "2xx", "409", "shed", "err",
                ">2s", "req/s", "2xx p50/p95/p99 ms", "shed p50/p95/p99 ms");
        for (RequestStats s : stats.values()) {
            line("  %-16s %6d %6d %6d %6s %5d %5d %7.1f  %-20s %-20s", s.request(), s.count(), s.success(), s.refused(),
                    s.shed() + (s.shedWithoutRetryAfter() > 0 ? "!" : ""), s.errors(), s.over2s(), s.throughput(),
                    triple(s.successPercentiles()), triple(s.shedPercentiles()));
            if (s.errors() > 0) {
                failures.add(s.request() + ": " + s.errors() + " errors other than 429/503");
            }
            if (s.over2s() > 0 && !DERIVED.contains(s.request())) {
                failures.add(s.request() + ": " + s.over2s() + " requests over 2 s");
            }
            if (s.shedWithoutRetryAfter() > 0) {
                failures.add(s.request() + ": " + s.shedWithoutRetryAfter() + " shed answers without Retry-After");
            }
        }
        line("  (shed = 429/503; '!' = some without Retry-After; err = any other status or no answer)");
    }

    private void memory() {
        TreeSet<String> names = figures.stringPropertyNames().stream().filter(k -> k.startsWith("rss.idle."))
                .map(k -> k.substring("rss.idle.".length())).collect(Collectors.toCollection(TreeSet::new));
        long idle = 0, after = 0;
        List<String> parts = new ArrayList<>();
        for (String name : names) {
            long i = Long.parseLong(figures.getProperty("rss.idle." + name, "0"));
            long a = Long.parseLong(figures.getProperty("rss.after." + name, "0"));
            idle += i;
            after += a;
            parts.add(String.format(Locale.ROOT, "%s %d/%d", name, i / 1024, a / 1024));
        }
        line("Stack memory (RSS MB, idle before / after the scenarios): %s", String.join(", ", parts));
        line("  whole stack: idle %d MB (target < 2560 MB), after %d MB", idle / 1024, after / 1024);
        line("");
    }

    private void gates() {
        if (failures.isEmpty()) {
            line("GATES: PASS (no request over 2 s, no error other than 429/503, every shed answer with Retry-After,"
                    + " no overbooking)");
        } else {
            line("GATES: FAIL");
            failures.forEach(f -> line("  - %s", f));
        }
    }

    private String ratio(double value, String baselineKey) {
        String raw = figures.getProperty(baselineKey);
        if (raw == null || raw.isBlank()) {
            return "n/a";
        }
        double baseline = Double.parseDouble(raw);
        return baseline <= 0 ? "n/a" : String.format(Locale.ROOT, "%.0f%%", 100 * value / baseline);
    }

    private static String triple(double[] p) {
        return Double.isNaN(p[0]) ? "-" : String.format(Locale.ROOT, "%.0f/%.0f/%.0f", p[0], p[1], p[2]);
    }

    private String text(String key, String fallback) {
        return figures.getProperty(key, fallback);
    }

    private String num(String key) {
        String v = figures.getProperty(key);
        if (v == null || v.isBlank()) {
            return "n/a";
        }
        try {
            return String.format(Locale.ROOT, "%.1f", Double.parseDouble(v));
        } catch (NumberFormatException e) {
            return v;
        }
    }

    private void line(String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append('\n');
    }

    /**
     * The release with a waiting room beside the retry storm of the same run: latencies, checks per second, CPU per
     * arrival (every process of the stack, from /proc) against the spike's, holds per second after releaseAt against
     * pgbench, fairness, sold-out time.
     */
    private void waitingRoom() {
        Map<String, RequestStats> room = scenarios.get("waiting-room");
        line("Scenario: release with a waiting room (%s arrivals over %s s, %s %% before releaseAt, %s places; polling"
                + " with Retry-After)", text("wr.users", "?"), text("wr.seconds", "?"), text("wr.before-pct", "?"),
                text("wr.capacity", "?"));
        if (room == null) {
            failures.add("waiting room: no figures recorded (did Gatling run?)");
            line("  NO FIGURES");
            line("");
            return;
        }
        table(room);
        Map<String, RequestStats> blast = scenarios.get("waiting-room-checks");
        if (blast != null) {
            table(blast);
        }
        RequestStats join = room.get("wr-join");
        RequestStats check = room.get("wr-check");
        if (join != null) {
            line("  join p50 / p99: %.0f / %.0f ms (target p99 < 200 ms)", join.successPercentiles()[0],
                    join.successPercentiles()[2]);
        }
        if (check != null) {
            line("  position check p50 / p99 (through the target): %.0f / %.0f ms (target p99 < 20 ms); %d checks,"
                    + " %.0f/s on average over the run", check.successPercentiles()[0], check.successPercentiles()[2],
                    check.count(), check.throughput());
        }
        RequestStats sustained = blast == null ? null : blast.get("wr-check-blast");
        if (sustained != null) {
            line("  position checks sustained, %s clients back to back at quota-service: %.0f/s, p50 / p99 %.1f / %.1f"
                    + " ms (target >= 20,000/s)", text("wr.check-users", "?"), sustained.successThroughput(),
                    sustained.successPercentiles()[0], sustained.successPercentiles()[2]);
        }
        RequestStats edge = blast == null ? null : blast.get("wr-check-edge");
        if (edge != null) {
            line("  position checks sustained, %s clients back to back at the gateway (answered at the edge): %.0f/s,"
                    + " p50 / p99 %.1f / %.1f ms (target >= 20,000/s; p99 < 20 ms)", text("wr.check-users", "?"),
                    edge.successThroughput(), edge.successPercentiles()[0], edge.successPercentiles()[2]);
        }
        double arrivals = Double.parseDouble(text("wr.users", "0"));
        double spikeArrivals = Double.parseDouble(text("spike.users", "0"));
        double roomCpu = cpuBetween("wr.before", "wr.after");
        double stormCpu = cpuBetween("spike.before", "spike.after");
        if (arrivals > 0 && spikeArrivals > 0) {
            double perRoom = roomCpu / arrivals;
            double perStorm = stormCpu / spikeArrivals;
            line("  CPU per arrival (all stack processes, /proc): waiting room %.1f ms (%.0f CPU-s for %.0f), retry storm"
                    + " %.1f ms (%.0f CPU-s for %.0f): %.1fx less (target >= 10x)", perRoom, roomCpu / 1000, arrivals,
                    perStorm, stormCpu / 1000, spikeArrivals, perRoom > 0 ? perStorm / perRoom : Double.NaN);
        }
        double lastHold = Double.parseDouble(text("wr.last-hold-seconds", "-1"));
        double holds = Double.parseDouble(text("wr.holds", "0"));
        if (lastHold > 0) {
            line("  holds after releaseAt: %.0f in %.1f s = %.1f holds/s = %s of the same run's pgbench of the hold"
                    + " statement (target >= 60 %%)", holds, lastHold, holds / lastHold,
                    ratio(holds / lastHold, "pgbench.hold.tps"));
        }
        line("  sold: %s of %s places held; sold out %s s after releaseAt (last hold at %s s); overbooked slots: %s",
                text("wr.held", "?"), text("wr.capacity", "?"), text("wr.sold-out-seconds", "?"),
                text("wr.last-hold-seconds", "?"), text("overbooked", "?"));
        line("  queue: %s joined (%s before releaseAt, %s shuffled), %s admitted; admission against queue order: %s"
                + " inversions (target 0); highest position that got a place: %s", text("wr.queued", "?"),
                text("wr.joined-before", "?"), text("wr.pre-queue", "?"), text("wr.admitted", "?"),
                text("wr.inversions", "?"), text("wr.max-holder-position", "?"));
        RequestStats lag = room.get("wr-sold-out-lag");
        if (lag != null) {
            line("  sold out learned by %d people waiting, p50 / p99 %.1f / %.1f s after it (polling at their"
                    + " Retry-After; SSE pushes within a second)", lag.count(), lag.successPercentiles()[0] / 1000,
                    lag.successPercentiles()[2] / 1000);
        }
        if (!"0".equals(text("wr.inversions", "0"))) {
            failures.add("waiting room: admitted out of queue order");
        }
        line("");
    }

    /** CPU-ms used by every process of the stack between two {@code cpu} snapshots of bench.sh. */
    private double cpuBetween(String before, String after) {
        double total = 0;
        for (String key : figures.stringPropertyNames()) {
            if (key.startsWith("cpu." + after + ".")) {
                String name = key.substring(("cpu." + after + ".").length());
                total += Double.parseDouble(figures.getProperty(key))
                        - Double.parseDouble(figures.getProperty("cpu." + before + "." + name, "0"));
            }
        }
        return total;
    }
}

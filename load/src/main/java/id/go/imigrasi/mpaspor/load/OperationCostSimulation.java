package id.go.imigrasi.mpaspor.load;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.repeat;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;

/**
 * What one operation costs the whole stack in CPU (issue 20), through the gateway, each figure beside a same-run
 * baseline. Phases run one after another, the stack's CPU ({@link StackCpu}: every process of {@code .run/pids} and
 * PostgreSQL) read before and after each:
 * <ol>
 * <li><b>read, known token</b>: {@code GET /applications/{id}}, the applicant's token the same on every request, as
 * a phone sends it (the gateway and application-service verify it once, then take it from memory);</li>
 * <li><b>read, new token each time</b>: the same read, each with a token never seen before: what every read cost
 * when each hop verified RS256 on every request;</li>
 * <li><b>refused at the gateway</b>: requests of one client address past its per-address limit, answered 429 by the
 * edge before anything else; after {@code cost.refused-warm-up} (20,000) unmeasured ones, since a flood lasts longer
 * than the JIT needs, and 30,000 measured, so that the idle stack's noise is small beside them.</li>
 * </ol>
 * The two reads run twice, in the order A B B A, so that neither gains from a warmer JIT; before them, a warm-up of
 * 12,000 reads of both kinds (with 4,000 of one kind only, the first measured phase cost 1.26x the others even with
 * the token cache off) and an idle window whose CPU (the stack's background: pollers, relays, Kafka) is subtracted from each phase.
 * Each applicant has its own client address (X-Forwarded-For from the trusted bench address) and stays under the
 * per-account limit, so the reads are answered, not limited. Prints {@code COST} lines and writes {@code cost.txt}.
 */
public class OperationCostSimulation extends Simulation {

    private static final BenchConfig CONFIG = BenchConfig.load();
    private static final int ACCOUNTS = CONFIG.integer("cost.accounts", 40);
    private static final int READS = CONFIG.integer("cost.reads", 100);
    private static final int REFUSED = CONFIG.integer("cost.refused", 30000);
    /** Refusals sent unmeasured first: the first 20,000 on a fresh gateway cost ~0.7 CPU-ms each, the JIT compiling. */
    private static final int REFUSED_WARM_UP = CONFIG.integer("cost.refused-warm-up", 20000);
    /** Clients at once in each phase: few enough that the stack answers, not sheds (2 cores). */
    private static final int CLIENTS = CONFIG.integer("cost.clients", 4);
    private static final int IDLE_SECONDS = CONFIG.integer("cost.idle-seconds", 10);
    /** The gateway's per-address bucket (mpaspor.gateway.rate-limits.per-ip.capacity), spent before measuring. */
    private static final int PER_IP = CONFIG.integer("cost.per-ip-capacity", 300);

    private static final AccessTokens TOKENS = AccessTokens.fromPem(Path.of(CONFIG.string("jwt.key", ".run/keys/private.pem")),
            CONFIG.string("jwt.issuer", "https://mpaspor.imigrasi.go.id"));
    private static final Map<Integer, String> APPLICATIONS = new ConcurrentHashMap<>();
    private static final Map<Integer, String> KNOWN = new ConcurrentHashMap<>();
    private static final Map<Integer, List<String>> FRESH = new ConcurrentHashMap<>();
    private static final Map<String, List<Map<String, Long>>> MARKS = new LinkedHashMap<>();
    private static final Map<String, AtomicLong> ANSWERS = new ConcurrentHashMap<>();
    private static final Map<String, Long> STARTED = new ConcurrentHashMap<>();
    private static final Map<String, Long> WALL = new ConcurrentHashMap<>();
    /** Gatling wants every scenario's name to be unique; a phase's rounds are scenarios of their own. */
    private static final AtomicLong SCENARIOS = new AtomicLong();

    private final String application = CONFIG.string("application.url", "http://127.0.0.1:8080/api/v1");
    private final Path runDir = Path.of(CONFIG.string("run.dir", ".run"));

    {
        ScenarioBuilder prepare = scenario("prepare").repeat(ACCOUNTS * 7, "i").on(exec(s -> {
            int i = s.getInt("i");
            UUID account = UUID.randomUUID();
            KNOWN.put(i, TOKENS.applicant(account, "cost-" + i + "@load.mpaspor.test"));
            List<String> fresh = new ArrayList<>();
            for (int r = 0; r < READS; r++) {
                fresh.add(TOKENS.applicant(account, "cost-" + i + "@load.mpaspor.test"));
            }
            FRESH.put(i, fresh);
            return s.set("token", KNOWN.get(i)).set(Journeys.CLIENT_IP, Journeys.clientIp(20_000 + i));
        }).exec(http("cost-prepare").post(application + "/applications").header("Authorization", "Bearer #{token}")
                .body(io.gatling.javaapi.core.CoreDsl.StringBody("{}"))
                .check(status().is(201), jsonPath("$.id").saveAs("applicationId")))
                .exec(s -> {
                    APPLICATIONS.put(s.getInt("i"), s.getString("applicationId"));
                    return s;
                }))
                // the refused phase's address spends its bucket here, outside every measurement
                .exec(s -> s.set(Journeys.CLIENT_IP, Journeys.clientIp(30_000)))
                .repeat(PER_IP + 10).on(exec(http("cost-spend-bucket").get(application + "/applications/none")
                        .check(status().in(401, 429))));

        // both kinds of read before anything is measured: a first phase on a JIT still warming costs more
        ScenarioBuilder warmUp = reads("warm-up", 2 * ACCOUNTS, false);
        ScenarioBuilder warmUpFresh = reads("warm-up, new tokens", 5 * ACCOUNTS, true);
        ScenarioBuilder warmUpAgain = reads("warm-up again", 6 * ACCOUNTS, false);
        ScenarioBuilder idle = scenario("idle").pause(java.time.Duration.ofSeconds(IDLE_SECONDS));
        ScenarioBuilder known = reads("read, known token", 0, false);
        ScenarioBuilder fresh = reads("read, new token each time", ACCOUNTS, true);
        ScenarioBuilder known2 = reads("read, known token", 3 * ACCOUNTS, false);
        ScenarioBuilder fresh2 = reads("read, new token each time", 4 * ACCOUNTS, true);
        // ten clients of the same address, so the edge answers at the pace it can
        ScenarioBuilder refused = refusals("refused at the gateway", REFUSED, true);
        ScenarioBuilder refusedWarmUp = refusals("warm-up, refused", REFUSED_WARM_UP, false);
        PopulationBuilder chain = prepare.injectOpen(atOnceUsers(1))
                .andThen(warmUp.injectOpen(atOnceUsers(CLIENTS)))
                .andThen(warmUpFresh.injectOpen(atOnceUsers(CLIENTS)))
                .andThen(warmUpAgain.injectOpen(atOnceUsers(CLIENTS)))
                .andThen(mark("start: idle").injectOpen(atOnceUsers(1)))
                .andThen(idle.injectOpen(atOnceUsers(1)))
                .andThen(mark("end: idle").injectOpen(atOnceUsers(1)))
                .andThen(mark("start: read, known token").injectOpen(atOnceUsers(1)))
                .andThen(known.injectOpen(atOnceUsers(CLIENTS)))
                .andThen(mark("end: read, known token").injectOpen(atOnceUsers(1)))
                .andThen(mark("start: read, new token each time").injectOpen(atOnceUsers(1)))
                .andThen(fresh.injectOpen(atOnceUsers(CLIENTS)))
                .andThen(mark("end: read, new token each time").injectOpen(atOnceUsers(1)))
                // the second round in the other order: neither phase gains from running later (warmer JIT)
                .andThen(mark("start: read, new token each time").injectOpen(atOnceUsers(1)))
                .andThen(fresh2.injectOpen(atOnceUsers(CLIENTS)))
                .andThen(mark("end: read, new token each time").injectOpen(atOnceUsers(1)))
                .andThen(mark("start: read, known token").injectOpen(atOnceUsers(1)))
                .andThen(known2.injectOpen(atOnceUsers(CLIENTS)))
                .andThen(mark("end: read, known token").injectOpen(atOnceUsers(1)))
                .andThen(refusedWarmUp.injectOpen(atOnceUsers(10)))
                .andThen(mark("start: refused at the gateway").injectOpen(atOnceUsers(1)))
                .andThen(refused.injectOpen(atOnceUsers(10)))
                .andThen(mark("end: refused at the gateway").injectOpen(atOnceUsers(1)));
        setUp(chain).protocols(Journeys.protocol(CONFIG).shareConnections());
    }

    /** {@code total} requests of the refused phase's one address, by ten clients; counted in the phase or not. */
    private ScenarioBuilder refusals(String name, int total, boolean counted) {
        var request = exec(http(counted ? "cost-refused" : "cost-refused-warm-up")
                .get(application + "/applications/none").check(status().saveAs("status")));
        return scenario(name).exec(s -> s.set(Journeys.CLIENT_IP, Journeys.clientIp(30_000)))
                .repeat(Math.max(1, total / 10)).on(counted ? request.exec(s -> count(name, s)) : request);
    }

    private ScenarioBuilder reads(String name, int firstAccount, boolean newTokenEachTime) {
        return scenario(name + " " + SCENARIOS.incrementAndGet()).exec(s -> s.set("client", (int) ((s.userId() - 1) % CLIENTS)))
                .repeat((ACCOUNTS + CLIENTS - 1) / CLIENTS, "k").on(exec(s -> {
                    int i = firstAccount + s.getInt("client") + s.getInt("k") * CLIENTS;
                    return s.set("account", i).set("applicationId", APPLICATIONS.getOrDefault(i, "none"))
                            .set(Journeys.CLIENT_IP, Journeys.clientIp(20_000 + i)).set("token", KNOWN.getOrDefault(i, "none"));
                }).doIf(s -> s.getInt("account") < firstAccount + ACCOUNTS).then(repeat(READS, "r").on(
                        exec(s -> newTokenEachTime ? s.set("token", FRESH.get(s.getInt("account")).get(s.getInt("r"))) : s)
                                .exec(http("cost-read").get(application + "/applications/#{applicationId}")
                                        .header("Authorization", "Bearer #{token}").check(status().saveAs("status")))
                                .exec(s -> count(name, s)))));
    }

    private ScenarioBuilder mark(String label) {
        return scenario(label + " " + SCENARIOS.incrementAndGet()).exec(s -> {
            synchronized (MARKS) {
                MARKS.computeIfAbsent(label, k -> new ArrayList<>()).add(StackCpu.snapshot(runDir));
            }
            String phase = label.substring(label.indexOf(':') + 2);
            if (label.startsWith("start")) {
                STARTED.put(phase, System.nanoTime());
            } else {
                WALL.merge(phase, (System.nanoTime() - STARTED.getOrDefault(phase, System.nanoTime())) / 1_000_000,
                        Long::sum);
            }
            return s;
        });
    }

    private static Session count(String phase, Session s) {
        ANSWERS.computeIfAbsent(phase + " " + s.getString("status"), k -> new AtomicLong()).incrementAndGet();
        return s;
    }

    @Override
    public void after() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Cost per operation through the gateway: CPU-ms of every stack process and"
                + " PostgreSQL per answer, less what the idle stack uses in the same time (measured first, %d s);"
                + " %d applicants x %d reads per round, 2 rounds, %d clients at once; %d requests past one address's limit%n",
                IDLE_SECONDS, ACCOUNTS, READS, CLIENTS, REFUSED));
        Map<String, Long> idleUsed = used("idle");
        long idleWall = Math.max(1, WALL.getOrDefault("idle", 1L));
        if (idleUsed != null) {
            out.append(String.format(Locale.ROOT, "COST %-28s %7.1f CPU-ms per second (%s)%n", "idle stack",
                    1000.0 * idleUsed.values().stream().mapToLong(Long::longValue).sum() / idleWall, top(idleUsed, 1000.0 / idleWall)));
        }
        Map<String, Double> perOp = new LinkedHashMap<>();
        Map<String, String> expected = Map.of("read, known token", "200", "read, new token each time", "200",
                "refused at the gateway", "429");
        for (String phase : List.of("read, known token", "read, new token each time", "refused at the gateway")) {
            Map<String, Long> used = used(phase);
            if (used == null) {
                out.append("COST ").append(phase).append(": not measured (the phase did not run)\n");
                continue;
            }
            long wall = WALL.getOrDefault(phase, 0L);
            Map<String, Long> net = new java.util.TreeMap<>();
            used.forEach((k, v) -> net.put(k, Math.max(0, v - (idleUsed == null ? 0 : idleUsed.getOrDefault(k, 0L) * wall / idleWall))));
            long total = net.values().stream().mapToLong(Long::longValue).sum();
            AtomicLong wanted = ANSWERS.get(phase + " " + expected.get(phase));
            long answers = wanted == null ? 0 : wanted.get();
            String statuses = ANSWERS.entrySet().stream().filter(e -> e.getKey().startsWith(phase + " "))
                    .map(e -> e.getKey().substring(phase.length() + 1) + " x" + e.getValue().get()).sorted()
                    .reduce((a, b) -> a + ", " + b).orElse("-");
            double per = answers == 0 ? Double.NaN : (double) total / answers;
            perOp.put(phase, per);
            out.append(String.format(Locale.ROOT, "COST %-28s %7.3f CPU-ms per %s answer (answers %s; %d ms wall)%n",
                    phase, per, expected.get(phase), statuses, wall));
            out.append(String.format(Locale.ROOT, "     %-28s %s%n", "", top(net, answers == 0 ? Double.NaN : 1.0 / answers)));
        }
        Double known = perOp.get("read, known token");
        Double fresh = perOp.get("read, new token each time");
        if (known != null && fresh != null) {
            out.append(String.format(Locale.ROOT, "COST ratio: a read with a known token costs %.2fx a read whose"
                    + " token each hop verifies anew%n", known / fresh));
        }
        System.out.print(out);
        try {
            Files.createDirectories(CONFIG.resultsDir());
            Files.writeString(CONFIG.resultsDir().resolve("cost.txt"), out.toString());
        } catch (IOException e) {
            System.out.println("LOAD could not write cost.txt: " + e.getMessage());
        }
    }

    /** What the stack used over every round of a phase. */
    private static Map<String, Long> used(String phase) {
        List<Map<String, Long>> starts = MARKS.get("start: " + phase);
        List<Map<String, Long>> ends = MARKS.get("end: " + phase);
        if (starts == null || ends == null || starts.size() != ends.size()) {
            return null;
        }
        Map<String, Long> sum = new java.util.TreeMap<>();
        for (int i = 0; i < starts.size(); i++) {
            StackCpu.between(starts.get(i), ends.get(i)).forEach((k, v) -> sum.merge(k, v, Long::sum));
        }
        return sum;
    }

    /** The processes that used the most, scaled (per answer, per second). */
    private static String top(Map<String, Long> used, double scale) {
        return used.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.comparingByValue(java.util.Comparator.reverseOrder())).limit(6)
                .map(e -> String.format(Locale.ROOT, "%s %.3f", e.getKey(), e.getValue() * scale))
                .reduce((a, b) -> a + ", " + b).orElse("-");
    }
}

package id.go.imigrasi.mpaspor.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;

import id.go.imigrasi.mpaspor.simulators.payment.PaymentChannelSimulator;

/**
 * What one applicant's journey from hold to appointment costs the whole stack in CPU (issue 20), through the
 * gateway, as three operations measured one after another, each the stack's CPU ({@link StackCpu}: every process of
 * {@code .run/pids} and PostgreSQL) over the phase, less what the idle stack uses in the same time:
 * <ol>
 * <li><b>hold</b>: {@code POST /holds} for the applicant's NIK (quota-service, its outbox and every consumer of
 * HoldPlaced);</li>
 * <li><b>submission</b>: {@code POST /applications/{id}/submission} and everything it sets off until the billing
 * code is on the application (application, billing, quota's extension of the hold, biometric, the mails);</li>
 * <li><b>payment</b>: the channel's signed callback ({@code POST /payments/callbacks/atm}, signed as
 * {@link PaymentChannelSimulator} signs it) and everything until the appointment is scheduled.</li>
 * </ol>
 * Each phase sends one request per applicant at {@code cost.rate}/s (open model), then waits, without asking the API
 * (reads would be charged to the operation), until the database shows every effect ({@code psql}: holds HELD,
 * billing codes on the applications, applications APPOINTMENT_SCHEDULED), then {@code cost.settle-seconds} more for
 * the last events (mails, notifications). Before measuring: the applicants are prepared through the services
 * ({@link SteadyStatePreparation}, no hold), {@code cost.warm-up} of them go through the same three phases
 * unmeasured (class loading, JIT), then an idle window. A shed answer (429/503, or 409 + Retry-After for a hold the
 * application has not heard of yet) is retried after its Retry-After, as the app does. Prints {@code COST} lines and
 * writes {@code submission-cost.txt}: each figure also without the JVMs' JIT compilation (large on a stack started
 * minutes ago), and the stand-ins for external systems (mail server, stubs) on a line of their own, outside the
 * stack's figure.
 */
public class SubmissionCostSimulation extends Simulation {

    private static final BenchConfig CONFIG = BenchConfig.load();
    private static final int COUNT = CONFIG.integer("cost.submissions", 150);
    private static final int WARM_UP = CONFIG.integer("cost.warm-up", 60);
    private static final double RATE = CONFIG.decimal("cost.rate", 15);
    private static final int IDLE_SECONDS = CONFIG.integer("cost.idle-seconds", 15);
    private static final int SETTLE_SECONDS = CONFIG.integer("cost.settle-seconds", 3);
    private static final List<String> PHASES = List.of("hold", "submission", "payment");
    /** What each phase's effect is in the databases: a count over the phase's applications. */
    private static final Map<String, String[]> EFFECTS = Map.of(
            "hold", new String[] { "quota", "SELECT count(*) FROM hold WHERE status = 'HELD' AND id::text IN (%s)" },
            "submission", new String[] { "application",
                    "SELECT count(*) FROM application WHERE billing_code IS NOT NULL AND id::text IN (%s)" },
            "payment", new String[] { "application",
                    "SELECT count(*) FROM application WHERE status = 'APPOINTMENT_SCHEDULED' AND id::text IN (%s)" });

    private static final List<SteadyStatePreparation.Ready> WARM = new ArrayList<>();
    private static final List<SteadyStatePreparation.Ready> MEASURED = new ArrayList<>();
    private static final Map<String, Queue<SteadyStatePreparation.Ready>> QUEUES = new ConcurrentHashMap<>();
    private static final Map<String, String> HOLDS = new ConcurrentHashMap<>();
    private static final Map<String, String[]> BILLS = new ConcurrentHashMap<>();
    private static final Map<String, Map<String, Long>> USED = new LinkedHashMap<>();
    /** Of USED, what the JVMs' JIT compiler threads used (StackCpu.compiling). */
    private static final Map<String, Map<String, Long>> COMPILING = new ConcurrentHashMap<>();
    private static final Map<String, Long> WALL = new ConcurrentHashMap<>();
    private static final Map<String, Long> EFFECT_MILLIS = new ConcurrentHashMap<>();
    private static final Map<String, Integer> EFFECTS_SEEN = new ConcurrentHashMap<>();
    private static final Map<String, Map<String, Integer>> STATUSES = new ConcurrentHashMap<>();
    private static final AtomicLong SCENARIOS = new AtomicLong();

    private final String api = CONFIG.string("gateway.api", "http://127.0.0.1:8080/api/v1");
    private final String date = CONFIG.string("steady.date", "");
    private final Path runDir = Path.of(CONFIG.string("run.dir", ".run"));
    private final String channelSecret = secret(runDir.resolve("secrets/billing-atm"));

    {
        List<PopulationBuilder> chain = new ArrayList<>();
        for (String phase : PHASES) {
            chain.addAll(phase("warm-up", phase, WARM_UP));
        }
        Map<String, Long> idleStart = new ConcurrentHashMap<>();
        chain.add(once("idle start", s -> {
            idleStart.putAll(StackCpu.snapshot(runDir));
            idleStart.put("wall", System.nanoTime());
        }));
        chain.add(scenario("idle " + SCENARIOS.incrementAndGet()).pause(Duration.ofSeconds(IDLE_SECONDS))
                .injectOpen(atOnceUsers(1)));
        chain.add(once("idle end", s -> {
            long wall = (System.nanoTime() - idleStart.remove("wall")) / 1_000_000;
            Map<String, Long> now = StackCpu.snapshot(runDir);
            COMPILING.put("idle", StackCpu.compiling(idleStart, now));
            synchronized (USED) {
                USED.put("idle", StackCpu.between(idleStart, now));
            }
            WALL.put("idle", wall);
        }));
        for (String phase : PHASES) {
            chain.addAll(phase("measured", phase, COUNT));
        }
        PopulationBuilder first = chain.get(0);
        for (PopulationBuilder next : chain.subList(1, chain.size())) {
            first = first.andThen(next);
        }
        // stops by itself: a run that has not finished by then reports the phases it measured
        setUp(first).protocols(Journeys.protocol(CONFIG))
                .maxDuration(Duration.ofSeconds(CONFIG.integer("cost.max-seconds", 900)));
    }

    /** One phase of a group (warm-up or measured): mark, requests at the rate, effects awaited, settling, mark. */
    private List<PopulationBuilder> phase(String group, String phase, int n) {
        String key = group + " " + phase;
        Map<String, Long> start = new ConcurrentHashMap<>();
        ScenarioBuilder requests = scenario(key + " " + SCENARIOS.incrementAndGet())
                .exec(s -> {
                    SteadyStatePreparation.Ready r = QUEUES.get(key).poll();
                    return r == null ? s : s.set("applicationId", r.applicationId()).set(Journeys.TOKEN, r.token())
                            .set(Journeys.CLIENT_IP, r.clientIp()).set("holdRequest", r.holdRequest(date))
                            .set("holdId", HOLDS.getOrDefault(r.applicationId(), "none"));
                })
                .doIf(s -> s.contains("applicationId")).then(request(key, phase));
        return List.of(
                once(key + " start", s -> {
                    QUEUES.put(key, new ConcurrentLinkedQueue<>(group.equals("warm-up") ? WARM : MEASURED));
                    start.putAll(StackCpu.snapshot(runDir));
                    start.put("wall", System.nanoTime());
                    System.out.printf("COST phase %s: %d requests at %.1f/s%n", key, n, RATE);
                }),
                requests.injectOpen(rampUsers(n).during(Duration.ofMillis(Math.max(1, (long) (n * 1000 / RATE))))),
                end(key, phase, group.equals("warm-up") ? WARM : MEASURED, start));
    }

    /**
     * The end of a phase: its effects awaited (a short count every 200 ms, at most 120 s) and the settling, as Gatling
     * pauses rather than sleeps on its event loop; then the stack's CPU since the phase's start.
     */
    private PopulationBuilder end(String key, String phase, List<SteadyStatePreparation.Ready> applicants,
            Map<String, Long> start) {
        return scenario(key + " end " + SCENARIOS.incrementAndGet())
                .exec(s -> s.set("deadline", System.nanoTime() + Duration.ofSeconds(120).toNanos()).set("seen", false))
                .asLongAs(s -> !s.getBoolean("seen") && System.nanoTime() < s.getLong("deadline")).on(
                        exec(s -> s.set("seen", countEffects(key, phase, applicants) >= applicants.size()))
                                .doIf(s -> !s.getBoolean("seen")).then(exec(s -> s).pause(Duration.ofMillis(200))))
                .exec(s -> {
                    EFFECT_MILLIS.put(key, (System.nanoTime() - start.get("wall")) / 1_000_000);
                    return s;
                })
                .pause(Duration.ofSeconds(SETTLE_SECONDS))
                .exec(s -> {
                    Map<String, Long> now = StackCpu.snapshot(runDir);
                    Map<String, Long> used = StackCpu.between(start, now);
                    COMPILING.put(key, StackCpu.compiling(start, now));
                    WALL.put(key, (System.nanoTime() - start.get("wall")) / 1_000_000);
                    synchronized (USED) {
                        USED.put(key, used);
                    }
                    System.out.printf("COST phase %s done: %d of %d effects, answers %s%n", key,
                            EFFECTS_SEEN.getOrDefault(key, 0), applicants.size(), STATUSES.get(key));
                    if (phase.equals("submission")) {
                        readBills(applicants); // what the channel needs to pay: not measured
                    }
                    return s;
                }).injectOpen(atOnceUsers(1));
    }

    /** The phase's request, again after Retry-After while it is shed (as the app does), at most 20 times. */
    private ChainBuilder request(String key, String phase) {
        var post = switch (phase) {
            case "hold" -> http("cost-hold").post(api + "/holds").header("Authorization", "Bearer #{token}")
                    .body(StringBody("#{holdRequest}"))
                    .check(status().saveAs("status"), header("Retry-After").optional().saveAs(Recorder.RETRY_AFTER),
                            jsonPath("$.holdId").optional().saveAs("newHold"));
            case "submission" -> http("cost-submission").post(api + "/applications/#{applicationId}/submission")
                    .header("Authorization", "Bearer #{token}").body(StringBody("{\"holdId\":\"#{holdId}\"}"))
                    .check(status().saveAs("status"), header("Retry-After").optional().saveAs(Recorder.RETRY_AFTER));
            default -> http("cost-payment").post(api + "/payments/callbacks/atm")
                    .header(PaymentChannelSimulator.TIMESTAMP_HEADER, "#{timestamp}")
                    .header(PaymentChannelSimulator.SIGNATURE_HEADER, "#{signature}")
                    .body(StringBody("#{callback}"))
                    .check(status().saveAs("status"), header("Retry-After").optional().saveAs(Recorder.RETRY_AFTER));
        };
        return exec(s -> s.set("attempt", 0).set("done", false)).asLongAs(s -> !s.getBoolean("done")).on(
                exec(s -> phase.equals("payment") ? signed(s) : s.remove(Recorder.RETRY_AFTER))
                        .exec(post)
                        .exec(s -> {
                            int status = s.contains("status") ? s.getInt("status") : -1;
                            boolean shed = s.contains(Recorder.RETRY_AFTER) && (status == 429 || status == 503 || status == 409);
                            boolean done = !shed || s.getInt("attempt") >= 19;
                            if (done) {
                                STATUSES.computeIfAbsent(key, k -> new ConcurrentHashMap<>())
                                        .merge(String.valueOf(status), 1, Integer::sum);
                                if (s.contains("newHold")) {
                                    HOLDS.put(s.getString("applicationId"), s.getString("newHold"));
                                }
                            }
                            return s.set("done", done).set("attempt", s.getInt("attempt") + 1);
                        })
                        .doIf(s -> !s.getBoolean("done")).then(exec(s -> s.set("pause", Journeys.retryPause(s, 5)))
                                .pause(s -> s.<Duration>get("pause"))));
    }

    /** The channel's callback for this applicant's bill, signed now (a retry is signed again). */
    private Session signed(Session s) {
        String[] bill = BILLS.get(s.getString("applicationId"));
        if (bill == null) {
            bill = new String[] { "none", "0" };
        }
        String body = PaymentChannelSimulator.body(bill[0], Long.parseLong(bill[1]), "cost-" + s.getString("applicationId"),
                Instant.now());
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        return s.set("callback", body).set("timestamp", timestamp)
                .set("signature", PaymentChannelSimulator.sign(channelSecret, timestamp, body))
                .set(Journeys.CLIENT_IP, "10.250.0.1").remove(Recorder.RETRY_AFTER);
    }

    private PopulationBuilder once(String name, java.util.function.Consumer<Session> action) {
        return scenario(name + " " + SCENARIOS.incrementAndGet()).exec(s -> {
            action.accept(s);
            return s;
        }).injectOpen(atOnceUsers(1));
    }

    /** How many of the phase's effects the database shows now (one short query). */
    private static int countEffects(String key, String phase, List<SteadyStatePreparation.Ready> applicants) {
        String[] effect = EFFECTS.get(phase);
        Collection<String> ids = phase.equals("hold")
                ? applicants.stream().map(r -> HOLDS.get(r.applicationId())).filter(java.util.Objects::nonNull).toList()
                : applicants.stream().map(SteadyStatePreparation.Ready::applicationId).toList();
        int seen = Integer.parseInt(psql(effect[0], String.format(effect[1], quoted(ids))).trim());
        EFFECTS_SEEN.put(key, seen);
        return seen;
    }

    private static void readBills(List<SteadyStatePreparation.Ready> applicants) {
        String ids = quoted(applicants.stream().map(SteadyStatePreparation.Ready::applicationId).toList());
        for (String line : psql("application", "SELECT id, billing_code, billing_amount FROM application WHERE"
                + " billing_code IS NOT NULL AND id::text IN (" + ids + ")").split("\n")) {
            String[] f = line.split("\\|");
            if (f.length == 3) {
                BILLS.put(f[0], new String[] { f[1], f[2] });
            }
        }
    }

    /**
     * One query on one service's database, through one {@code psql} per database kept open for the run (a new
     * connection per query would be a backend started each time, charged to the phase). Not an API read: nothing of
     * the services is charged to the operation.
     */
    private static synchronized String psql(String database, String sql) {
        try {
            Psql session = PSQL.get(database);
            if (session == null || !session.process().isAlive()) {
                Process p = new ProcessBuilder("psql", "-h", CONFIG.string("pg.host", "127.0.0.1"), "-p",
                        CONFIG.string("pg.port", "5432"), "-U", CONFIG.string("pg.user", "postgres"), "-d",
                        CONFIG.string("db.prefix", "") + database, "-qtAX", "-v", "ON_ERROR_STOP=0")
                        .redirectErrorStream(true).start();
                session = new Psql(p, new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(),
                        StandardCharsets.UTF_8)), new java.io.PrintWriter(p.getOutputStream(), true, StandardCharsets.UTF_8));
                PSQL.put(database, session);
            }
            session.in().println(sql.replace('\n', ' ') + ";");
            session.in().println("\\echo " + END);
            StringBuilder out = new StringBuilder();
            for (String line = session.out().readLine(); line != null && !line.equals(END); line = session.out().readLine()) {
                if (line.startsWith("ERROR") || line.startsWith("psql:")) {
                    throw new IllegalStateException("psql " + database + ": " + line);
                }
                out.append(line).append('\n');
            }
            return out.toString().isBlank() ? "0" : out.toString().trim();
        } catch (IOException e) {
            throw new IllegalStateException("psql " + database, e);
        }
    }

    private record Psql(Process process, java.io.BufferedReader out, java.io.PrintWriter in) {
    }

    private static final String END = "--end-of-answer--";
    private static final Map<String, Psql> PSQL = new ConcurrentHashMap<>();

    private static String quoted(Collection<String> values) {
        return values.isEmpty() ? "NULL"
                : values.stream().map(v -> "'" + v.replace("'", "") + "'").collect(Collectors.joining(","));
    }

    @Override
    public void before() {
        SteadyStatePreparation preparation = new SteadyStatePreparation(CONFIG);
        System.out.printf("COST preparing %d applicants (application, applicant, documents accepted; no hold)%n",
                WARM_UP + COUNT);
        SteadyStatePreparation.Outcome prepared = preparation.prepare(CONFIG.integer("cost.from", 0), WARM_UP + COUNT,
                false);
        System.out.printf("COST prepared %d of %d in %d s%s%n", prepared.ready().size(), WARM_UP + COUNT,
                prepared.took().toSeconds(), prepared.failures().isEmpty() ? "" : "; failures " + prepared.failures());
        // the measured phases send COUNT requests each: as many applicants as that, the rest warm the stack up
        List<SteadyStatePreparation.Ready> ready = prepared.ready();
        int measured = Math.min(COUNT, ready.size() - Math.min(WARM_UP, ready.size() / 4));
        WARM.addAll(ready.subList(0, ready.size() - measured));
        MEASURED.addAll(ready.subList(ready.size() - measured, ready.size()));
    }

    @Override
    public void after() {
        PSQL.values().forEach(p -> p.process().destroy());
        StringBuilder out = new StringBuilder();
        Map<String, Long> idle = USED.get("idle");
        long idleWall = Math.max(1, WALL.getOrDefault("idle", 1L));
        int n = MEASURED.size();
        out.append(String.format(Locale.ROOT, "Cost of an applicant's journey through the gateway: CPU-ms of every stack"
                + " process and PostgreSQL per operation, less the idle stack's CPU in the same time (the stand-ins for"
                + " external systems apart: mail, Dukcapil, Pos, SMS, payment channel); %d applicants"
                + " (%d journeys of warm-up before), %.1f requests/s per phase%n", n, WARM.size(), RATE));
        if (idle == null || n == 0) {
            out.append("COST not measured (the run stopped before its phases)\n");
        } else {
            Map<String, Long> idleStack = StackCpu.stack(idle);
            Map<String, Long> idleJit = StackCpu.stack(COMPILING.getOrDefault("idle", Map.of()));
            out.append(String.format(Locale.ROOT, "COST %-12s %7.1f CPU-ms per second (%s); JIT compilation %.1f%n",
                    "idle stack", 1000.0 * sum(idleStack) / idleWall, top(idleStack, 1000.0 / idleWall),
                    1000.0 * sum(idleJit) / idleWall));
            double journey = 0;
            double journeyJit = 0;
            Map<String, Long> external = new TreeMap<>();
            Map<String, Long> all = new TreeMap<>();
            for (String phase : PHASES) {
                String key = "measured " + phase;
                Map<String, Long> used = USED.get(key);
                if (used == null) {
                    out.append("COST ").append(phase).append(": not measured\n");
                    continue;
                }
                long wall = WALL.getOrDefault(key, 0L);
                Map<String, Long> net = new TreeMap<>();
                Map<String, Long> outside = new TreeMap<>();
                used.forEach((k, v) -> (StackCpu.external(k) ? outside : net)
                        .put(k, Math.max(0, v - idle.getOrDefault(k, 0L) * wall / idleWall)));
                outside.forEach((k, v) -> external.merge(k, v, Long::sum));
                net.forEach((k, v) -> all.merge(k, v, Long::sum));
                double per = (double) sum(net) / n;
                journey += per;
                double jit = (double) StackCpu.stack(COMPILING.getOrDefault(key, Map.of())).entrySet().stream()
                        .mapToLong(e -> Math.max(0, e.getValue() - idleJit.getOrDefault(e.getKey(), 0L) * wall / idleWall))
                        .sum() / n;
                journeyJit += jit;
                out.append(String.format(Locale.ROOT, "COST %-12s %7.2f CPU-ms per operation (answers %s; effects %d of"
                        + " %d in %d ms; %d ms wall with the settling)%n", phase, per, STATUSES.get(key),
                        EFFECTS_SEEN.getOrDefault(key, 0), n, EFFECT_MILLIS.getOrDefault(key, 0L), wall));
                out.append(String.format(Locale.ROOT, "     %-12s %s%n", "", top(net, 1.0 / n)));
                out.append(jitLine(per, jit));
            }
            out.append(String.format(Locale.ROOT, "COST %-12s %7.2f CPU-ms per applicant (hold + submission + payment)%n",
                    "journey", journey));
            out.append(String.format(Locale.ROOT, "     %-12s %s%n", "", top(all, 1.0 / n)));
            out.append(jitLine(journey, journeyJit));
            out.append(String.format(Locale.ROOT, "COST %-12s %7.2f CPU-ms per applicant, not in the figures above"
                    + " (%s)%n", "stand-ins", (double) sum(external) / n,
                    external.isEmpty() ? "-" : top(external, 1.0 / n)));
        }
        System.out.print(out);
        try {
            Files.createDirectories(CONFIG.resultsDir());
            Files.writeString(CONFIG.resultsDir().resolve("submission-cost.txt"), out.toString());
        } catch (IOException e) {
            System.out.println("COST could not write submission-cost.txt: " + e.getMessage());
        }
    }

    private static long sum(Map<String, Long> used) {
        return used.values().stream().mapToLong(Long::longValue).sum();
    }

    /** How much of a cost was the JVMs compiling code (a warming stack), and the cost without it. */
    private static String jitLine(double per, double jit) {
        return String.format(Locale.ROOT, "     %-12s of which JIT compilation %.2f (%.0f %%); without it %.2f CPU-ms%n", "",
                jit, per > 0 ? 100 * jit / per : 0, per - jit);
    }

    private static String top(Map<String, Long> used, double scale) {
        return used.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.comparingByValue(java.util.Comparator.reverseOrder())).limit(9)
                .map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue() * scale))
                .collect(Collectors.joining(", "));
    }

    private static String secret(Path file) {
        try {
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new IllegalStateException("no payment channel secret at " + file, e);
        }
    }
}
